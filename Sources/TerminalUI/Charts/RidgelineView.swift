import NumberFormatting
/// Distributions over time, TensorBoard's "offset" histogram view in text: one row per
/// recorded step, oldest at the top, each row the histogram of that step's values drawn as
/// bars one cell high in eighth steps (the row's fullest bin fills its cell). All rows share
/// one x-axis, so a distribution that drifts or widens is seen leaning or spreading down the
/// rows.
///
///     s1    ▁▃▇█▅▂
///     s50    ▁▂▅█▇▃▁
///     s100     ▁▂▄▆█▇▅▂▁
///          -2.1   0.3   2.7
public struct RidgelineView: Widget {
    public struct Row: Sendable {
        public var label: String
        public var values: [Float]
        /// Where most of the values lie (e.g. the 1st and 99th percentile): the shared axis
        /// covers every row's span, so that single outliers do not squeeze the rest.
        public var span: ClosedRange<Double>

        public init(label: String, values: [Float], span: ClosedRange<Double>) {
            self.label = label
            self.values = values
            self.span = span
        }
    }

    public var rows: [Row]
    public var style = Style(foreground: .cyan)
    public var axisStyle = Style.dim

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The shared x-axis: the union of the rows' spans, widened when it is a single point.
    public var axis: ClosedRange<Double> {
        let spans = rows.map(\.span).filter { $0.lowerBound.isFinite && $0.upperBound.isFinite }
        guard let low = spans.map(\.lowerBound).min(), let high = spans.map(\.upperBound).max() else { return -1...1 }
        return high > low ? low...high : (low - 0.5)...(high + 0.5)
    }

    /// Counts of `values` in `columns` equal bins over `axis`; values outside are left out.
    public static func counts(_ values: [Float], columns: Int, axis: ClosedRange<Double>) -> [Int] {
        var counts = Array(repeating: 0, count: max(0, columns))
        guard columns > 0 else { return counts }
        let scale = Double(columns) / (axis.upperBound - axis.lowerBound)
        for value in values {
            let position = (Double(value) - axis.lowerBound) * scale
            guard position >= 0, position < Double(columns) else { continue }
            counts[Int(position)] += 1
        }
        return counts
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let hasLabels = rect.height >= 2
        let gutter = min(rect.width / 3, (rows.map(\.label.count).max() ?? 0) + 1)
        let plot = Rect(x: rect.x + gutter, y: rect.y, width: rect.width - gutter, height: rect.height - (hasLabels ? 1 : 0))
        let axis = self.axis
        let shown = rows.suffix(plot.height)
        for (offset, row) in shown.enumerated() {
            let y = plot.y + offset
            grid.put(text: row.label, at: Point(x: rect.x, y: y), style: axisStyle, clip: Rect(x: rect.x, y: y, width: gutter, height: 1))
            let counts = Self.counts(row.values, columns: plot.width, axis: axis)
            let maximum = Double(counts.max() ?? 0)
            for (column, count) in counts.enumerated() {
                VerticalBar.draw(eighths: VerticalBar.eighths(Double(count), maximum: maximum, rows: 1),
                                 x: plot.x + column, bottom: y, rows: 1, style: style, glyphs: glyphs, into: &grid)
            }
        }
        if hasLabels {
            let y = plot.maxY
            let clip = Rect(x: plot.x, y: y, width: plot.width, height: 1)
            let low = NumberFormat.short(axis.lowerBound), high = NumberFormat.short(axis.upperBound)
            let middle = NumberFormat.short((axis.lowerBound + axis.upperBound) / 2)
            grid.put(text: low, at: Point(x: plot.x, y: y), clip: clip)
            let highX = plot.maxX - high.count
            guard highX > plot.x + low.count else { return }
            grid.put(text: high, at: Point(x: highX, y: y), clip: clip)
            let middleX = plot.x + (plot.width - middle.count) / 2
            if middleX > plot.x + low.count, middleX + middle.count < highX {
                grid.put(text: middle, at: Point(x: middleX, y: y), clip: clip)
            }
        }
    }
}

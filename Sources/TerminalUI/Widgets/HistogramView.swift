import NumberFormatting
/// A histogram of activations: vertical bars in eighth-cell steps, the x-axis with its low,
/// middle and high values, the largest bar's value, and markers under the axis for the mean
/// (μ) and one standard deviation either side (σ).
///
/// The bins cover `range`; the bars are drawn over `axis`, which defaults to `range`. Passing
/// the same `axis` to the pre- and post-normalization histograms puts both on one scale, so
/// the post-norm distribution is seen squeezed towards 0 instead of looking just as wide.
///
///      93┤   ▂█▆
///        │ ▁▅███▇▃
///        └────────────
///          σ μ  σ
///        -2.1  0.3  2.7
public struct HistogramView: Widget {
    /// Counts (or densities) of equal-width bins covering `range`, left to right.
    public var counts: [Double]
    public var range: ClosedRange<Double>
    /// The x-range to draw over; `nil` draws over `range`.
    public var axis: ClosedRange<Double>?
    public var mean: Double?
    public var standardDeviation: Double?
    public var barStyle = Style(foreground: .cyan)
    public var markerStyle = Style(foreground: .yellow, bold: true)
    public var axisStyle = Style.dim

    public init(counts: [Double], range: ClosedRange<Double>, axis: ClosedRange<Double>? = nil,
         mean: Double? = nil, standardDeviation: Double? = nil) {
        self.counts = counts
        self.range = range
        self.axis = axis
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The x-range actually drawn: a zero-width range (all values equal) is widened so its
    /// single spike lands in the middle.
    public var drawnAxis: ClosedRange<Double> {
        let axis = self.axis ?? range
        guard axis.upperBound > axis.lowerBound else {
            let half = max(0.5, abs(axis.lowerBound) * 0.5)
            return (axis.lowerBound - half)...(axis.upperBound + half)
        }
        return axis
    }

    /// The height of each of `columns` bars: the average of the bins' step function over the
    /// column's x-interval (zero outside `range`). With one column per bin on the bins' own
    /// range this is exactly `counts`; otherwise it rebins to the width at hand.
    public func columnValues(columns: Int) -> [Double] {
        guard columns > 0, !counts.isEmpty else { return Array(repeating: 0, count: max(0, columns)) }
        let axis = drawnAxis
        let dx = (axis.upperBound - axis.lowerBound) / Double(columns)
        let values = counts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        guard range.upperBound > range.lowerBound else {
            // Every value is the same: one spike in the column holding it.
            var result = Array(repeating: 0.0, count: columns)
            if let column = column(of: range.lowerBound, columns: columns) {
                result[column] = values.reduce(0, +)
            }
            return result
        }
        let binWidth = (range.upperBound - range.lowerBound) / Double(values.count)
        return (0..<columns).map { c in
            let start = axis.lowerBound + Double(c) * dx, end = start + dx
            let first = max(0, Int(((start - range.lowerBound) / binWidth).rounded(.down)))
            let last = min(values.count - 1, Int(((end - range.lowerBound) / binWidth).rounded(.down)))
            guard first <= last else { return 0 }
            var sum = 0.0
            for b in first...last {
                let binStart = range.lowerBound + Double(b) * binWidth
                let overlap = min(end, binStart + binWidth) - max(start, binStart)
                if overlap > 0 { sum += values[b] * overlap }
            }
            return sum / dx
        }
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let mean = self.mean.flatMap { $0.isFinite ? $0 : nil }
        // Rows below the bars, added as height allows: labels, then the axis line, then markers.
        let hasLabels = rect.height >= 2
        let hasAxis = rect.height >= 3
        let hasMarkers = rect.height >= 4 && mean != nil
        let plotHeight = rect.height - (hasLabels ? 1 : 0) - (hasAxis ? 1 : 0) - (hasMarkers ? 1 : 0)

        // The gutter holds the tallest bar's value, which depends on the plot's width, which
        // depends on the gutter: widen it once if rebinning to fewer columns made the label
        // longer.
        var gutter = 0
        var values = columnValues(columns: rect.width)
        for _ in 0..<2 where hasAxis {
            let wanted = NumberFormat.short(values.max() ?? 0).count + 1
            guard wanted > gutter, rect.width >= wanted + 4 else { break }
            gutter = wanted
            values = columnValues(columns: rect.width - gutter)
        }
        let plot = Rect(x: rect.x + gutter, y: rect.y, width: rect.width - gutter, height: plotHeight)
        let maximum = values.max() ?? 0

        for (c, value) in values.enumerated() {
            VerticalBar.draw(eighths: VerticalBar.eighths(value, maximum: maximum, rows: plot.height),
                             x: plot.x + c, bottom: plot.maxY - 1, rows: plot.height,
                             style: barStyle, glyphs: glyphs, into: &grid)
        }
        var row = plot.maxY
        if gutter > 0 {
            drawYAxis(into: &grid, plot: plot, gutter: gutter, label: NumberFormat.short(maximum), glyphs: glyphs)
        }
        if hasAxis {
            for x in plot.x..<plot.maxX { grid.put(glyphs.box.horizontal, at: Point(x: x, y: row), style: axisStyle) }
            if gutter > 0 { grid.put(glyphs.box.bottomLeft, at: Point(x: plot.x - 1, y: row), style: axisStyle) }
            row += 1
        }
        if hasMarkers, let mean {
            drawMarkers(into: &grid, row: row, plot: plot, mean: mean, glyphs: glyphs)
            row += 1
        }
        if hasLabels {
            drawXLabels(into: &grid, row: row, plot: plot)
        }
    }

    /// The maximum at the top and 0 at the bottom, right-aligned against the axis line.
    private func drawYAxis(into grid: inout Grid, plot: Rect, gutter: Int, label: String, glyphs: GlyphSet) {
        let axisX = plot.x - 1
        for y in plot.y..<plot.maxY { grid.put(glyphs.box.vertical, at: Point(x: axisX, y: y), style: axisStyle) }
        grid.put(text: label, at: Point(x: axisX - label.count, y: plot.y),
                 clip: Rect(x: plot.x - gutter, y: plot.y, width: gutter - 1, height: 1))
        grid.put(glyphs.axisTick, at: Point(x: axisX, y: plot.y), style: axisStyle)
        if plot.height >= 2 {
            grid.put("0", at: Point(x: axisX - 1, y: plot.maxY - 1))
            grid.put(glyphs.axisTick, at: Point(x: axisX, y: plot.maxY - 1), style: axisStyle)
        }
    }

    /// σ at μ−σ and μ+σ, then μ (so μ wins when they share a column); markers off the axis
    /// are not drawn.
    private func drawMarkers(into grid: inout Grid, row: Int, plot: Rect, mean: Double, glyphs: GlyphSet) {
        if let sd = standardDeviation, sd.isFinite, sd > 0 {
            for value in [mean - sd, mean + sd] {
                if let c = column(of: value, columns: plot.width) {
                    grid.put(glyphs.sigma, at: Point(x: plot.x + c, y: row), style: markerStyle)
                }
            }
        }
        if let c = column(of: mean, columns: plot.width) {
            grid.put(glyphs.mu, at: Point(x: plot.x + c, y: row), style: markerStyle)
        }
    }

    /// Low value at the left edge, high value at the right edge, middle value centred; the
    /// middle and then the high label are dropped when they would touch another.
    private func drawXLabels(into grid: inout Grid, row: Int, plot: Rect) {
        let axis = drawnAxis
        let low = NumberFormat.short(axis.lowerBound)
        let high = NumberFormat.short(axis.upperBound)
        let middle = NumberFormat.short((axis.lowerBound + axis.upperBound) / 2)
        let clip = Rect(x: plot.x, y: row, width: plot.width, height: 1)
        grid.put(text: low, at: Point(x: plot.x, y: row), clip: clip)
        let highX = plot.maxX - high.count
        guard highX > plot.x + low.count else { return }
        grid.put(text: high, at: Point(x: highX, y: row), clip: clip)
        let middleX = plot.x + (plot.width - middle.count) / 2
        if middleX > plot.x + low.count && middleX + middle.count < highX {
            grid.put(text: middle, at: Point(x: middleX, y: row), clip: clip)
        }
    }

    /// The column whose x-interval holds `value`, or `nil` off the axis.
    private func column(of value: Double, columns: Int) -> Int? {
        let axis = drawnAxis
        guard columns > 0, axis.contains(value) else { return nil }
        let position = (value - axis.lowerBound) / (axis.upperBound - axis.lowerBound)
        return min(columns - 1, Int((position * Double(columns)).rounded(.down)))
    }
}

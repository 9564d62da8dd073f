import NumberFormatting
/// A few series measured at a few categories (batch sizes, say), as in a paper's figure: each
/// value a letter at its height, consecutive values joined by dots. The letters say which
/// series is which without colour.
///
///     100%┤  B·G·····B·G·····B G
///         │                      ··B
///      80%┤
///         └──────────────────────────
///           32       16       8     batch size
public struct CategoryChart: Widget {
    public struct Series: Sendable {
        public var name: String
        /// The letter drawn at each value.
        public var marker: Character
        public var color: Color
        /// One per category; `nil` where nothing was measured (yet).
        public var values: [Double?]

        public init(name: String, marker: Character, color: Color, values: [Double?]) {
            self.name = name
            self.marker = marker
            self.color = color
            self.values = values
        }
    }

    public var categories: [String]
    /// What the categories are, written under them.
    public var axisTitle: String
    public var series: [Series]
    /// The values at the bottom and top of the plot.
    public var range: ClosedRange<Double>
    public var format: @Sendable (Double) -> String = NumberFormat.short
    public var axisStyle = Style.dim

    public init(
        categories: [String], axisTitle: String, series: [Series], range: ClosedRange<Double>,
        format: @escaping @Sendable (Double) -> String = NumberFormat.short
    ) {
        self.categories = categories
        self.axisTitle = axisTitle
        self.series = series
        self.range = range
        self.format = format
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard rect.width >= 8, rect.height >= 5, !categories.isEmpty else { return }
        drawLegend(into: &grid, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        let labels = [format(range.upperBound), format((range.lowerBound + range.upperBound) / 2), format(range.lowerBound)]
        let gutter = (labels.map(\.count).max() ?? 0) + 1
        let plot = Rect(x: rect.x + gutter, y: rect.y + 1, width: rect.width - gutter, height: rect.height - 3)
        guard plot.width >= 2 * categories.count, plot.height >= 2 else { return }

        // Axes: labels at the top, middle and bottom rows.
        for y in plot.y..<plot.maxY { grid.put(glyphs.box.vertical, at: Point(x: plot.x - 1, y: y), style: axisStyle) }
        for (index, label) in labels.enumerated() {
            let y = plot.y + index * (plot.height - 1) / 2
            grid.put(text: label, at: Point(x: plot.x - 1 - label.count, y: y))
            grid.put(glyphs.axisTick, at: Point(x: plot.x - 1, y: y), style: axisStyle)
        }
        for x in plot.x..<plot.maxX { grid.put(glyphs.box.horizontal, at: Point(x: x, y: plot.maxY), style: axisStyle) }
        grid.put(glyphs.box.bottomLeft, at: Point(x: plot.x - 1, y: plot.maxY), style: axisStyle)

        let labelRow = plot.maxY + 1
        let labelClip = Rect(x: plot.x, y: labelRow, width: plot.width, height: 1)
        for (index, category) in categories.enumerated() {
            grid.put(text: category, at: Point(x: center(of: index, in: plot) - category.count / 2, y: labelRow), clip: labelClip)
        }
        let titleX = plot.maxX - axisTitle.count
        if titleX > center(of: categories.count - 1, in: plot) + 2 {
            grid.put(text: axisTitle, at: Point(x: titleX, y: labelRow), style: axisStyle)
        }

        // Dots between consecutive values first, letters on top of them.
        let points = series.enumerated().map { s, line in
            line.values.enumerated().map { index, value in
                value.flatMap { self.point(value: $0, category: index, series: s, in: plot) }
            }
        }
        for (s, line) in series.enumerated() {
            let measured = points[s].compactMap { $0 }
            for (from, to) in zip(measured, measured.dropFirst()) {
                Line.forEachPoint(from: from, to: to) { dot in
                    grid.put("·", at: dot, style: Style(foreground: line.color), clip: plot)
                }
            }
        }
        for (s, line) in series.enumerated() {
            for case let point? in points[s] {
                grid.put(line.marker, at: point, style: Style(foreground: line.color, bold: true), clip: plot)
            }
        }
    }

    /// The column in the middle of category `index`.
    private func center(of index: Int, in plot: Rect) -> Int {
        plot.x + Int((Double(index) + 0.5) * Double(plot.width) / Double(categories.count))
    }

    /// Where a value goes: its row, and a column beside the category's centre so that equal
    /// values of different series do not hide each other.
    private func point(value: Double, category: Int, series s: Int, in plot: Rect) -> Point? {
        guard value.isFinite else { return nil }
        let fraction = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound)
            / (range.upperBound - range.lowerBound)
        let row = plot.maxY - 1 - Int((fraction * Double(plot.height - 1)).rounded())
        let offset = series.count == 1 ? 0 : 2 * s - (series.count - 1)
        return Point(x: center(of: category, in: plot) + offset, y: row)
    }

    private func drawLegend(into grid: inout Grid, rect: Rect) {
        var x = rect.x
        for line in series {
            grid.put(line.marker, at: Point(x: x, y: rect.y), style: Style(foreground: line.color, bold: true), clip: rect)
            x = grid.put(text: " \(line.name)   ", at: Point(x: x + 1, y: rect.y), clip: rect)
        }
    }
}

/// Line charts next to each other on one y-range and one step axis, so that equal heights
/// mean equal values and equal columns equal steps — the way compare mode and the lessons
/// put two runs side by side. A run that stopped early leaves the rest of its chart empty.
public struct SideBySideCharts: Widget {
    public struct Side {
        public var title: String
        public var series: [LineChart.Series]

        public init(title: String, series: [LineChart.Series]) {
            self.title = title
            self.series = series
        }
    }

    public var sides: [Side]
    public var scale: LineChart.Scale
    /// The y-range on the drawn scale (log10 for the log scale); `nil` spans every side's data.
    public var fixedRange: ClosedRange<Double>?
    /// The step of the first value, for the x-axis labels.
    public var firstStep: Int

    public init(sides: [Side], scale: LineChart.Scale = .linear, fixedRange: ClosedRange<Double>? = nil, firstStep: Int = 1) {
        self.sides = sides
        self.scale = scale
        self.fixedRange = fixedRange
        self.firstStep = firstStep
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty, !sides.isEmpty else { return }
        let length = sides.flatMap(\.series).map(\.values.count).max() ?? 0
        let padded = sides.map { side in
            side.series.map { series in
                var series = series
                series.values += Array(repeating: .nan, count: length - series.values.count)
                return series
            }
        }
        let range = fixedRange ?? LineChart(series: padded.flatMap { $0 }, scale: scale).yRange
        let columns = rect.columns(sides.map { _ in .fill })
        for (index, column) in columns.enumerated() {
            let inner = Panel(title: sides[index].title).render(into: &grid, in: column, glyphs: glyphs)
            var chart = LineChart(series: padded[index], scale: scale, steps: firstStep...(firstStep + max(0, length - 1)))
            chart.fixedRange = range
            chart.render(into: &grid, in: inner, glyphs: glyphs)
        }
    }
}

@testable import TerminalUI
import Testing

/// Every widget, drawn into every small rectangle (0 to 3 cells each way) in the middle of a
/// larger grid, must not trap and must not touch a cell outside its rectangle.
@Suite struct WidgetBoundsTests {
    static var widgets: [(name: String, widget: any Widget)] { [
        ("histogram", HistogramView(counts: [1, 5, 2], range: -1...1, mean: 0, standardDeviation: 0.5)),
        ("histogram shared", HistogramView(counts: [1, 5, 2], range: -1...1, axis: -4...4, mean: 3, standardDeviation: 9)),
        ("line", LineChart(series: [.init(name: "a", values: [1, 3, 2], color: .red),
                                    .init(name: "b", values: [0.1], color: .blue)])),
        ("log line", LineChart(series: [.init(name: "a", values: [1e-4, 1, 1e4], color: .red)], scale: .log10)),
        ("bars", BarChart(entries: [.init(label: "c0", value: -1, marker: 1), .init(label: "c1", value: 2)])),
        ("table", Table(columns: [.init("a"), .init("b", alignment: .right)], rows: [["1", "2"], ["3", "4"]], selectedRow: 1)),
        ("keys", KeyBar(items: [.init("q", "quit"), .init("?", "help")])),
        ("overlay", Overlay(title: "Help", content: TextBlock("some text"), width: 10, height: 5)),
        ("progress", ProgressBar(fraction: 0.5)),
        ("text", TextBlock("word-wrapped text")),
        ("band", BandChart(bands: [
            .init(name: "a", lows: [0.1, 1, .nan], highs: [2, 10, 3], color: .red, fill: "█", asciiFill: "#"),
            .init(name: "b", lows: [0.5], highs: [0.6], color: .blue, fill: "░", asciiFill: ":"),
        ], steps: 1...3)),
        ("category", CategoryChart(
            categories: ["32", "8", "1"], axisTitle: "batch size",
            series: [.init(name: "a", marker: "B", color: .red, values: [0.9, nil, 0.1])], range: 0...1)),
        ("ridgeline", RidgelineView(rows: [
            .init(label: "step 1", values: [0, 1, 3, 1, 0], span: -2...2),
            .init(label: "step 9", values: [2, 2], span: -1...5),
        ])),
        ("side by side", SideBySideCharts(sides: [
            .init(title: "a", series: [.init(name: "a", values: [1, 2, 3], color: .red)]),
            .init(title: "b", series: [.init(name: "b", values: [3, 1e-3], color: .blue)]),
        ], scale: .log10)),
    ] }

    @Test(arguments: widgets.indices)
    func staysInsideTinyRects(index: Int) {
        let (name, widget) = Self.widgets[index]
        for glyphs in [GlyphSet.unicode, .ascii] {
            for width in 0...3 {
                for height in 0...3 {
                    let rect = Rect(x: 2, y: 2, width: width, height: height)
                    var grid = Grid(width: 7, height: 7, fill: Cell("·"))
                    grid.fill(rect)
                    widget.render(into: &grid, in: rect, glyphs: glyphs)
                    for y in 0..<7 {
                        for x in 0..<7 where !rect.contains(Point(x: x, y: y)) {
                            #expect(grid[x: x, y: y] == Cell("·"), "\(name) \(width)×\(height) drew at (\(x), \(y))")
                        }
                    }
                }
            }
        }
    }

    /// The histogram's y-label gutter depends on the rebinned values, which depend on the
    /// gutter: at no width may the label spill out of the rectangle.
    @Test func histogramLabelStaysInsideAtEveryWidth() {
        let shapes: [[Double]] = [[17, 20.5, 17], [0, 999.6, 3, 0, 0, 0, 0, 1], (0..<37).map { Double($0 * $0 % 101) }]
        for counts in shapes {
            let histogram = HistogramView(counts: counts, range: 0...3, axis: -1...5, mean: 1, standardDeviation: 0.5)
            for width in 1...40 {
                var grid = Grid(width: width + 2, height: 6, fill: Cell("·"))
                let rect = Rect(x: 1, y: 0, width: width, height: 6)
                grid.fill(rect)
                histogram.render(into: &grid, in: rect, glyphs: .unicode)
                for y in 0..<6 {
                    #expect(grid[x: 0, y: y] == Cell("·") && grid[x: width + 1, y: y] == Cell("·"), "width \(width)")
                }
            }
        }
    }
}

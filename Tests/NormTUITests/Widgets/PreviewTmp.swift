@testable import NormTUI
import Testing

func show(_ name: String, _ w: Int, _ h: Int, _ widget: some Widget) {
    for glyphs in [GlyphSet.unicode, .ascii] {
        var grid = Grid(width: w, height: h)
        widget.render(into: &grid, in: grid.bounds, glyphs: glyphs)
        print("== \(name) \(w)x\(h) \(glyphs.hasBraille ? "U" : "A")")
        for line in grid.text { print("|" + line + "|") }
    }
}

@Test func preview() {
    let counts: [Double] = [1, 3, 8, 15, 22, 30, 22, 14, 7, 2]
    show("hist", 24, 7, HistogramView(counts: counts, range: -2.5...2.5, mean: 0.1, standardDeviation: 1.1))
    show("hist shared", 24, 7, HistogramView(counts: counts, range: -2.5...2.5, axis: -10...10, mean: 0.1, standardDeviation: 1.1))
    show("hist small", 5, 3, HistogramView(counts: counts, range: -2.5...2.5, mean: 0.1, standardDeviation: 1.1))
    show("line", 30, 8, LineChart(series: [.init(name: "loss", values: [2.3, 2.0, 1.5, 1.2, 0.9, 0.8, 0.7, 0.65], color: .series(0)), .init(name: "acc", values: [0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.92], color: .series(1))]))
    show("log", 30, 8, LineChart(series: [.init(name: "l1", values: [1e-3, 3e-3, 1e-2, 0.1, 1, 10, 5], color: .series(0))], scale: .log10, steps: 100...106))
    show("spark", 12, 2, Sparkline(values: [1, 2, 3, 4, 5, 4, 3, 2, 1, .nan, 9]))
    show("bars", 30, 4, BarChart(entries: [.init(label: "c0", value: 0.61, marker: 0.8), .init(label: "c1", value: -0.4, marker: -0.1), .init(label: "c2", value: 0.05), .init(label: "c3", value: 1)]))
    show("table", 30, 4, Table(columns: [.init("layer"), .init("mean", alignment: .right), .init("std", alignment: .right)], rows: [["conv1", "0.0123", "1.02"], ["conv2", "-1.5e-3", "0.998"], ["fc", "12.3k", "3"]], selectedRow: 1))
    show("keys", 30, 1, KeyBar(items: [.init("q", "quit"), .init("?", "help"), .init("space", "run"), .init("s", "step"), .init("v", "variant")]))
    show("overlay", 24, 7, Overlay(title: "Help", content: TextBlock("Batch norm normalizes each channel over the batch."), width: 20, height: 6))
    show("progress", 20, 1, ProgressBar(fraction: 0.42))
    var p = Grid(width: 12, height: 4)
    _ = Panel(title: "Histogram", focused: true).render(into: &p, in: p.bounds, glyphs: .unicode)
    print(p.text.joined(separator: "\n"))
}

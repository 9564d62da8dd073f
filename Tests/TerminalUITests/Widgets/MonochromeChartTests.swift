import Testing
@testable import TerminalUI

/// Without colour the series of one chart are told apart by their markers, which also end
/// each line.
@Suite struct MonochromeChartTests {
    @Test func seriesAfterTheFirstGetMarkersOfTheirOwn() {
        var mono = GlyphSet.unicode
        mono.hasColor = false
        let chart = LineChart(series: [
            .init(name: "a", values: [1, 2, 3, 4], color: .red),
            .init(name: "b", values: [4, 3, 2, 1], color: .blue),
        ])
        let text = screen(chart, width: 30, height: 8, glyphs: mono).joined(separator: "\n")
        #expect(text.contains("• a 4") && text.contains("○ b 1"))
        #expect(text.filter { $0 == "○" }.count > 2)
        let colored = screen(chart, width: 30, height: 8).joined(separator: "\n")
        #expect(!colored.contains("○"))
    }
}

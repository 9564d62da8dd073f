@testable import TerminalUI
import Testing

/// A series' band (the range of several seeds) as shade behind its line, and markers on the
/// x-axis where a lesson judges a claim.
@Suite struct LineChartBandTests {
    /// One series whose band is 0…4 at every step while the line (the median) stays at 2.
    let banded = LineChart(series: [
        .init(name: "median", values: [2, 2, 2, 2, 2], color: .series(0),
              band: LineChart.Band(lows: [0, 0, 0, 0, 0], highs: [4, 4, 4, 4, 4])),
    ], steps: 1...5)

    @Test func theBandShadesFromItsLowToItsHighAndTheLineStaysOnTop() {
        let lines = screen(banded, width: 14, height: 8)
        // The y-axis spans the band (0…4), not just the line.
        #expect(lines[1].hasPrefix("4┤") && lines[5].hasPrefix("0┤"))
        // Every plot row is shade, except the middle one, which is the line.
        for row in [1, 2, 4, 5] { #expect(lines[row].dropFirst(2).allSatisfy { $0 == "░" }, "row \(row): \(lines[row])") }
        #expect(lines[3].dropFirst(2).allSatisfy { $0 != "░" && $0 != " " })
    }

    @Test func withoutColourSeveralBandsAreLeftOutButOneIsDrawn() {
        var mono = GlyphSet.unicode
        mono.hasColor = false
        #expect(screen(banded, width: 14, height: 8, glyphs: mono)[1].contains("░"))
        var two = banded
        two.series.append(.init(name: "other", values: [1, 1, 1, 1, 1], color: .series(1),
                                band: LineChart.Band(lows: [0.5, 0.5, 0.5, 0.5, 0.5], highs: [1.5, 1.5, 1.5, 1.5, 1.5])))
        #expect(!screen(two, width: 14, height: 8, glyphs: mono).joined().contains("░"))
        #expect(screen(two, width: 14, height: 8).joined().contains("░"))
    }

    @Test func aMarkerSitsOnTheAxisAtItsStepWithADottedLineAbove() {
        var chart = LineChart(series: [.init(name: "loss", values: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], color: .red)], steps: 0...10)
        chart.markers = [LineChart.Marker(step: 5, symbol: "✓", asciiSymbol: "v"), LineChart.Marker(step: 40, symbol: "✗", asciiSymbol: "x")]
        let lines = screen(chart, width: 15, height: 8)
        let axis = lines[6]
        let x = axis.firstIndex(of: "✓").map { axis.distance(from: axis.startIndex, to: $0) }
        // The flat series is drawn on 1.5…4.5: the plot starts after "4.5┤", step 5 of 0…10 is its 6th column.
        #expect(x == 4 + 5, "at column \(String(describing: x)): \(axis)")
        // A step outside the axis is not drawn.
        #expect(!lines.joined().contains("✗"))
        // The dotted line runs up through the empty cells of its column.
        #expect(lines[1 ..< 6].filter { Array($0)[x ?? 0] == "┊" }.count >= 3)
        #expect(screen(chart, width: 15, height: 8, glyphs: .ascii)[6].contains("v"))
    }
}

@testable import TerminalUI
import Testing

@Suite struct HistogramViewTests {
    let histogram = HistogramView(counts: [1, 3, 8, 15, 22, 30, 22, 14, 7, 2], range: -2.5...2.5,
                                  mean: 0.1, standardDeviation: 1.1)

    @Test func unicode() {
        #expect(screen(histogram, width: 24, height: 7) == [
            "30┤          ▄█▅",
            "  │        ▄▇███▇▅",
            "  │     ▁▆████████▇▅",
            " 0┤▁▁▃▃▇████████████▇▇▂▂",
            "  └─────────────────────",
            "         σ   μ    σ",
            "   -2.5      0       2.5",
        ])
    }

    @Test func ascii() {
        #expect(screen(histogram, width: 24, height: 7, glyphs: .ascii) == [
            "30+          o#o",
            "  |        o#####o",
            "  |     .o#########o",
            " 0+....###############..",
            "  +---------------------",
            "         s   u    s",
            "   -2.5      0       2.5",
        ])
    }

    @Test func sharedAxisSqueezesTheBars() {
        var shared = histogram
        shared.axis = -10...10
        #expect(screen(shared, width: 24, height: 7) == [
            "25.6┤         █",
            "    │         █▅",
            "    │        ▅██",
            "   0┤       ▂███▅",
            "    └───────────────────",
            "             σμσ",
            "     -10      0       10",
        ])
    }

    @Test func oneColumnPerBinShowsTheCountsExactly() {
        #expect(histogram.columnValues(columns: 10) == [1, 3, 8, 15, 22, 30, 22, 14, 7, 2])
        #expect(histogram.columnValues(columns: 5) == [2, 11.5, 26, 18, 4.5])
        #expect(histogram.columnValues(columns: 20).count == 20)
    }

    @Test func valuesOffTheDataRangeCountAsEmpty() {
        let h = HistogramView(counts: [4, 4], range: 0...2, axis: -2...2)
        #expect(h.columnValues(columns: 4) == [0, 0, 4, 4])
    }

    @Test func aZeroWidthRangeIsOneSpikeInTheMiddle() {
        let h = HistogramView(counts: [5, 0, 0], range: 1...1)
        #expect(h.columnValues(columns: 5) == [0, 0, 5, 0, 0])
        #expect(screen(h, width: 5, height: 2) == ["  █", "0.5"])
    }

    @Test func singleOutlierBinStaysVisible() {
        let h = HistogramView(counts: [1000, 0, 0, 1], range: 0...4)
        #expect(screen(h, width: 4, height: 1) == ["█  ▁"])
    }

    @Test func shrinksGracefullyOnSmallRects() {
        #expect(screen(histogram, width: 5, height: 3) == ["▁▄█▆▁", "─────", "-2.5"])
        #expect(screen(histogram, width: 5, height: 3, glyphs: .ascii) == [".o#o.", "-----", "-2.5"])
        #expect(screen(histogram, width: 3, height: 1) == ["▂█▃"])
        #expect(screen(HistogramView(counts: [], range: 0...1), width: 6, height: 4) == ["0┤", "0┤", " └────", "  0  1"])
    }

    @Test func nonFiniteCountsAreEmpty() {
        let h = HistogramView(counts: [1, .nan, .infinity, -3, 1], range: 0...5)
        #expect(h.columnValues(columns: 5) == [1, 0, 0, 0, 1])
    }

    @Test func markerStyleIsOnlyUnderTheMeanAndSigmas() {
        let grid = rendered(histogram, width: 24, height: 7)
        #expect(grid.styleMask { $0 == histogram.markerStyle ? "m" : " " }[5] == "         m   m    m")
    }
}

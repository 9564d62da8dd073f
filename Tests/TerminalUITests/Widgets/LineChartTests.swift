@testable import TerminalUI
import Testing

@Suite struct LineChartTests {
    let chart = LineChart(series: [
        .init(name: "loss", values: [2.3, 2.0, 1.5, 1.2, 0.9, 0.8, 0.7, 0.65], color: .series(0)),
        .init(name: "acc", values: [0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.92], color: .series(1)),
    ])
    let logChart = LineChart(series: [.init(name: "l1", values: [1e-3, 3e-3, 1e-2, 0.1, 1, 10, 5], color: .red)],
                             scale: .log10, steps: 100...106)

    @Test func linearUnicode() {
        #expect(screen(chart, width: 30, height: 8) == [
            "• loss 0.65  • acc 0.92",
            "2.3┤⠉⠒⠤⣀",
            "   │    ⠉⠒⠤⣀⡀",
            "   │        ⠈⠉⠑⠒⠤⣀",
            "   │        ⢀⣀⡠⠤⠤⠒⠛⠛⠓⠒⠒⠒⠭⠭⠭⠭⠭⠭",
            "0.1┤⣀⠤⠤⠒⠒⠊⠉⠉⠁",
            "   └──────────────────────────",
            "    0          step          7",
        ])
    }

    @Test func linearASCII() {
        #expect(screen(chart, width: 30, height: 8, glyphs: .ascii) == [
            "* loss 0.65  o acc 0.92",
            "2.3+**",
            "   |  *******",
            "   |         ****",
            "   |      oooooooooooooooooooo",
            "0.1+oooooo",
            "   +--------------------------",
            "    0          step          7",
        ])
    }

    @Test func logScaleLabelsDecades() {
        #expect(screen(logChart, width: 30, height: 8) == [
            "• l1 5",
            "  10┤                  ⡠⠔⠊⠉⠑⠒⠒",
            "    │              ⣀⠤⠒⠉",
            " 0.1┤          ⢀⡠⠔⠉",
            "    │      ⣀⡠⠔⠊⠁",
            "1e-3┤⣀⠤⠤⠒⠒⠉",
            "    └─────────────────────────",
            "     100       step        106",
        ])
        #expect(screen(logChart, width: 30, height: 8, glyphs: .ascii)[1...5] == [
            "  10+                  *******",
            "    |              ****",
            " 0.1+          ****",
            "    |      ****",
            "1e-3+******",
        ])
    }

    @Test func logScaleSkipsValuesThatHaveNoLogarithm() {
        let chart = LineChart(series: [.init(name: "g", values: [1, 0, -1, .nan, 100], color: .red)], scale: .log10)
        #expect(chart.yRange == 0...2)
        // The gap breaks the line: the first and last points stand alone.
        #expect(screen(chart, width: 8, height: 2, glyphs: .ascii) == ["       *", "*"])
    }

    @Test func flatSeriesSitsInTheMiddle() {
        let chart = LineChart(series: [.init(name: "x", values: [3, 3, 3], color: .red)])
        #expect(chart.yRange == 1.5...4.5)
        #expect(screen(chart, width: 3, height: 2, glyphs: .ascii) == ["***", ""])
        #expect(screen(chart, width: 3, height: 3, glyphs: .ascii) == ["***", "", "---"])
    }

    @Test func plotColoursFollowTheSeries() {
        let grid = rendered(chart, width: 30, height: 8)
        let mask = grid.styleMask { $0.foreground == .series(1) ? "1" : $0.foreground == .series(0) ? "0" : " " }
        #expect(mask[5] == "    111111111")
        #expect(mask[0] == "0            1")
    }

    @Test func shrinksGracefullyOnSmallRects() {
        #expect(screen(chart, width: 4, height: 1) == ["⣉⠶⠤⠤"])
        #expect(screen(chart, width: 3, height: 2, glyphs: .ascii) == ["**", "ooo"])
        #expect(screen(LineChart(series: []), width: 10, height: 5) == ["1┤", " │", "0┤", " └────────", "  0 step 0"])
    }
}

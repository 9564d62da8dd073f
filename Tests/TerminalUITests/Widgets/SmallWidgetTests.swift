@testable import TerminalUI
import Testing

@Suite struct BarChartTests {
    let chart = BarChart(entries: [
        .init(label: "c0", value: 0.61, marker: 0.8), .init(label: "c1", value: -0.4, marker: -0.1),
        .init(label: "c2", value: 0.05), .init(label: "c3", value: 1),
    ])

    @Test func unicode() {
        #expect(screen(chart, width: 30, height: 4) == [
            "c0       ▐█████████   ◆   0.61",
            "c1 ████◆█▌                -0.4",
            "c2       ▐                0.05",
            "c3       ▐███████████████    1",
        ])
    }

    @Test func ascii() {
        #expect(screen(chart, width: 30, height: 4, glyphs: .ascii) == [
            "c0       ##########   o   0.61",
            "c1 #####o|                -0.4",
            "c2       #                0.05",
            "c3       ################    1",
        ])
    }

    @Test func tooManyEntriesSayHowManyAreHidden() {
        #expect(screen(chart, width: 30, height: 3)[2] == "… 2 more")
    }

    @Test func positiveValuesStartAtTheLeftEdge() {
        let chart = BarChart(entries: [.init(label: "v", value: 2, marker: 4), .init(label: "w", value: .nan)])
        #expect(screen(chart, width: 12, height: 2) == ["v ███  ◆   2", "w        nan"])
    }

    @Test func dropsValuesThenLabelsWhenNarrow() {
        let one = BarChart(entries: [.init(label: "c0", value: 1, marker: -1)])
        #expect(screen(one, width: 12, height: 1) == ["c0 ◆  ▐███ 1"])
        #expect(screen(one, width: 7, height: 1) == ["c0 ◆ ██"])
        #expect(screen(one, width: 4, height: 1) == ["◆ ██"])
    }
}

@Suite struct TableTests {
    let table = Table(
        columns: [.init("layer"), .init("mean", alignment: .right), .init("std", alignment: .right)],
        rows: [["conv1", "0.0123", "1.02"], ["conv2", "-1.5e-3", "0.998"], ["fc", "12.3k", "3"]],
        selectedRow: 1)

    @Test func rightAlignsNumbersAndHighlightsTheSelection() {
        let grid = rendered(table, width: 24, height: 4)
        #expect(grid.text == [
            "layer     mean    std",
            "conv1   0.0123   1.02",
            "conv2  -1.5e-3  0.998",
            "fc       12.3k      3",
        ])
        #expect(grid.styleMask { $0.reverse ? "r" : $0.bold ? "b" : " " } == [
            "bbbbb  bbbbbbb  bbbbb", "", "rrrrrrrrrrrrrrrrrrrrrrrr", "",
        ])
    }

    @Test func scrollsToKeepTheSelectionVisible() {
        var t = table
        t.selectedRow = 2
        #expect(screen(t, width: 24, height: 2) == ["layer     mean    std", "fc       12.3k      3"])
    }

    /// A cut number is a wrong number: one that does not fit is an ellipsis alone.
    @Test func leavesOutANumberThatDoesNotFit() {
        var t = table
        t.selectedRow = nil
        #expect(screen(t, width: 12, height: 2) == ["layer   mean", "conv1      …"])
        #expect(screen(t, width: 12, height: 2, glyphs: .ascii) == ["layer   mean", "conv1      ~"])
        #expect(screen(t, width: 14, height: 2) == ["layer     mean", "conv1   0.0123"])
        #expect(Table.isNumber("12.3k") && Table.isNumber("-1.5e-3") && Table.isNumber("97.1%") && Table.isNumber("nan"))
        #expect(!Table.isNumber("guessing") && !Table.isNumber("") && !Table.isNumber("–"))
    }

    @Test func cutsATextColumnWithAnEllipsis() {
        let t = Table(columns: [.init("name"), .init("note")], rows: [["lr", "learning rate"]])
        #expect(screen(t, width: 10, height: 2) == ["name  note", "lr    lea…"])
    }
}

@Suite struct KeyBarTests {
    let bar = KeyBar(items: [.init("q", "quit"), .init("?", "help"), .init("space", "run"), .init("s", "step")])

    @Test func dropsWholeHintsAndSaysSo() {
        #expect(screen(bar, width: 30, height: 1) == ["q quit  ? help  space run …"])
        #expect(screen(bar, width: 40, height: 1) == ["q quit  ? help  space run  s step"])
        #expect(screen(bar, width: 30, height: 1, glyphs: .ascii) == ["q quit  ? help  space run ~"])
    }

    @Test func keysAreInReverseVideo() {
        let grid = rendered(bar, width: 40, height: 2)
        #expect(grid.styleMask { $0.reverse ? "r" : " " } == ["r       r       rrrrr      r", ""])
    }

    @Test func cutsASingleHintThatDoesNotFit() {
        #expect(screen(bar, width: 4, height: 1) == ["q q…"])
        #expect(screen(KeyBar(items: [.init("space", "run")]), width: 3, height: 1) == ["sp…"])
    }
}

@Suite struct ProgressBarTests {
    @Test func goldens() {
        #expect(screen(ProgressBar(fraction: 0.42), width: 20, height: 1) == ["█████▉░░░░░░░░ 42.0%"])
        #expect(screen(ProgressBar(fraction: 0.42), width: 20, height: 1, glyphs: .ascii) == ["######........ 42.0%"])
        #expect(screen(ProgressBar(fraction: 2, label: "done"), width: 10, height: 1) == ["█████ done"])
    }

    @Test func labelIsDroppedWhenNarrow() {
        #expect(screen(ProgressBar(fraction: .nan), width: 4, height: 1) == ["░░░░"])
        #expect(screen(ProgressBar(fraction: 0.5), width: 3, height: 1) == ["█▌░"])
    }
}

@Suite struct TextBlockTests {
    @Test func wrapsWordsAndBreaksLongOnes() {
        #expect(TextBlock.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextBlock.wrap("a normalization", width: 6) == ["a", "normal", "izatio", "n"])
        #expect(TextBlock.wrap("one\n\ntwo", width: 5) == ["one", "", "two"])
        #expect(TextBlock.wrap("anything", width: 0) == [])
    }

    @Test func rendersFromTheScrollOffsetAndCutsAtTheBottom() {
        let block = TextBlock("alpha beta gamma delta", scroll: 1)
        #expect(screen(block, width: 11, height: 1) == ["gamma delta"])
        #expect(screen(TextBlock("alpha beta gamma"), width: 5, height: 2) == ["alpha", "beta"])
    }
}

@Suite struct PanelAndOverlayTests {
    @Test func panelTitleIsCutAndFocusUsesTheHeavyBox() {
        var grid = Grid(width: 12, height: 4)
        let inner = Panel(title: "Histogram", focused: true).render(into: &grid, in: grid.bounds, glyphs: .unicode)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(grid.text == ["┏━ Histog…━┓", "┃          ┃", "┃          ┃", "┗━━━━━━━━━━┛"])
        var ascii = Grid(width: 12, height: 3)
        Panel(title: "Loss").render(into: &ascii, in: ascii.bounds, glyphs: .ascii)
        #expect(ascii.text == ["+- Loss ---+", "|          |", "+----------+"])
    }

    @Test func panelDegradesToLines() {
        var grid = Grid(width: 3, height: 2)
        Panel(title: "X").render(into: &grid, in: Rect(x: 0, y: 0, width: 1, height: 2), glyphs: .unicode)
        Panel(title: "X").render(into: &grid, in: Rect(x: 1, y: 0, width: 2, height: 1), glyphs: .unicode)
        #expect(grid.text == ["│──", "│"])
    }

    @Test func overlayBlanksItsBoxAndWrapsTheContent() {
        var grid = Grid(width: 24, height: 7, fill: Cell("x"))
        Overlay(title: "Help", content: TextBlock("Batch norm normalizes each channel over the batch."),
                width: 20, height: 6).render(into: &grid, in: grid.bounds, glyphs: .unicode)
        #expect(grid.text == [
            "xx┏━ Help ━━━━━━━━━━━┓xx",
            "xx┃ Batch norm       ┃xx",
            "xx┃ normalizes each  ┃xx",
            "xx┃ channel over the ┃xx",
            "xx┃ batch.           ┃xx",
            "xx┗━━━━━━━━━━━━━━━━━━┛xx",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }
}

import Testing
@testable import TerminalUI

@Suite struct ANSIExportTests {
    /// The text with every SGR escape removed.
    func stripped(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }

    /// The lines of the text without escapes and trailing blanks, as `Grid.text` has them.
    func plainLines(_ text: String) -> [String] {
        stripped(text).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            var line = String($0)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    @Test func plainTextRoundTrips() {
        var reversedBlank = Grid(width: 4, height: 1)
        reversedBlank.put(text: "ab  ", at: Point(x: 0, y: 0), style: .reverse)
        for grid in [ExportSamples.styles, ExportSamples.chart, reversedBlank] {
            #expect(plainLines(grid.ansi()) == grid.text)
        }
    }

    @Test func aGridWithoutStylesHasNoEscapes() {
        var grid = Grid(width: 6, height: 2)
        grid.put(text: "ab  c", at: Point(x: 0, y: 1))
        #expect(grid.ansi() == "\nab  c\n")
    }

    @Test func noStyleCarriesOverALineEnd() {
        for line in ExportSamples.styles.ansi().split(separator: "\n") where line.contains("\u{1B}[") {
            let escapes = line.matches(of: /\u{1B}\[[0-9;]*m/).map { String(line[$0.range]) }
            #expect(escapes.last == "\u{1B}[0m")
        }
    }

    @Test func colourNumbersAreTheTerminals() {
        var grid = Grid(width: 4, height: 1)
        grid.put("a", at: Point(x: 0, y: 0), style: .foreground(.red, bold: true))
        grid.put("b", at: Point(x: 1, y: 0), style: .foreground(.gray))
        grid.put("c", at: Point(x: 2, y: 0), style: Style(background: .grayLevel(3), reverse: true))
        #expect(grid.ansi() == "\u{1B}[0;1;31ma\u{1B}[0;38;5;244mb\u{1B}[0;7;48;5;234mc\u{1B}[0m\n")
        #expect(grid.ansi(colors: false) == "\u{1B}[0;1ma\u{1B}[0mb\u{1B}[0;7mc\u{1B}[0m\n")
    }
}

@testable import TerminalUI
import Testing

@Suite struct ColorPaletteTests {
    @Test func basicColoursAreTheCursesOnes() {
        let palette = ColorPalette(colorCount: 8)
        #expect(palette.number(for: .red) == 1)
        #expect(palette.number(for: .cyan) == 6)
        #expect(palette.number(for: .series(1)) == 3)
    }

    @Test func grayDependsOnTheColourCount() {
        #expect(ColorPalette(colorCount: 8).number(for: .gray) == 7)
        #expect(ColorPalette(colorCount: 16).number(for: .gray) == 8)
        #expect(ColorPalette(colorCount: 256).number(for: .gray) == 244)
    }

    @Test func attributesCombine() {
        let plain = ColorPalette.attributes(of: .plain)
        let both = ColorPalette.attributes(of: Style(bold: true, reverse: true))
        #expect(plain == 0)
        #expect(both == ColorPalette.attributes(of: .bold) | ColorPalette.attributes(of: .reverse))
        #expect(ColorPalette.attributes(of: .bold) != ColorPalette.attributes(of: .dim))
    }

    @Test func errorsNameTheHeadlessCommands() {
        for error in [TerminalError.notATerminal(stream: "stdout"), .unknownTerminal(term: "xyz"),
                      .noCursorAddressing(term: "dumb")] {
            #expect(error.description.contains("normtui train"))
            #expect(error.description.contains("normtui snapshot"))
        }
    }
}

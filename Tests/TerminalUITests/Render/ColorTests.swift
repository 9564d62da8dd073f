@testable import TerminalUI
import Testing

@Suite struct ColorTests {
    @Test func seriesColoursCycleThroughThePalette() {
        #expect(Color.series(0).resolved == .cyan)
        #expect(Color.series(1).resolved == .yellow)
        #expect(Color.series(6).resolved == .cyan)
        #expect(Color.series(-1).resolved == .blue)
        #expect(Color.red.resolved == .red)
    }

    @Test func asciiGlyphsAreAllASCII() {
        let g = GlyphSet.ascii
        let all: [Character] = [g.box.horizontal, g.box.vertical, g.box.topLeft, g.focusedBox.horizontal,
                                g.axisTick, g.track, g.marker, g.arrowUp, g.arrowDown, g.arrowLeft,
                                g.arrowRight, g.bullet, g.ellipsis, g.mu, g.sigma]
            + g.verticalEighths + g.horizontalEighths + g.seriesMarkers
        #expect(all.allSatisfy { $0.isASCII })
        #expect(!g.hasBraille && g.halfBlocks == nil)
        #expect(g.seriesMarker(7) == "o")
    }

    @Test func eighthBlocksHaveNineLevels() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            #expect(glyphs.verticalEighths.count == 9)
            #expect(glyphs.horizontalEighths.count == 9)
            #expect(glyphs.verticalEighths[0] == " ")
        }
    }
}

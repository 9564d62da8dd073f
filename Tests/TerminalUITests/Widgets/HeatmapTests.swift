@testable import TerminalUI
import Testing

@Suite struct HeatmapTests {
    let gradient = Heatmap([[0, 1], [2, 3], [4, 5], [6, 9]])

    @Test func halfBlocksStackTwoPixelsWithGreyColours() {
        let grid = rendered(Heatmap([[0, 1], [1, 0]]), width: 2, height: 1)
        #expect(grid.text == ["▀▀"])
        #expect(grid[x: 0, y: 0].style.foreground == .grayLevel(0))
        #expect(grid[x: 0, y: 0].style.background == .grayLevel(Color.grayLevelCount - 1))
        #expect(grid[x: 1, y: 0].style.foreground == .grayLevel(Color.grayLevelCount - 1))
        #expect(grid[x: 1, y: 0].style.background == .grayLevel(0))
    }

    @Test func asciiDrawsTheMeanOfTwoPixelsAsDensity() {
        #expect(screen(gradient, width: 2, height: 2, glyphs: .ascii) == [".:", "+#"])
        #expect(screen(Heatmap([[0, 1]], shading: .density), width: 2, height: 1) == [" @"])
    }

    @Test func enlargesByWholeFactorsAndShrinksWhenItMust() {
        #expect(gradient.scale(in: Rect(x: 0, y: 0, width: 9, height: 9)) == 4)
        #expect(gradient.footprint(in: Rect(x: 3, y: 1, width: 9, height: 9)) == Rect(x: 3, y: 1, width: 8, height: 8))
        #expect(screen(gradient, width: 4, height: 4, glyphs: .ascii) == ["  ..", "::--", "==++", "**@@"])
        #expect(gradient.scale(in: Rect(x: 0, y: 0, width: 1, height: 1)) == 0.5)
        #expect(screen(gradient, width: 1, height: 1, glyphs: .ascii) == [":"])
    }

    @Test func fixedRangeClampsAndNonFiniteValuesAreMarked() {
        let heatmap = Heatmap([[-5, 0.5, 5], [.nan, 0, 1]], range: 0...1, shading: .density)
        #expect(screen(heatmap, width: 3, height: 1) == ["!:@"])
        let grid = rendered(Heatmap([[.infinity]], range: 0...1), width: 1, height: 1)
        #expect(grid[x: 0, y: 0].style.foreground == .red)
    }

    @Test func oddHeightLeavesTheLastLowerHalfEmpty() {
        let grid = rendered(Heatmap([[0], [1], [0]]), width: 1, height: 3)
        #expect(grid.text == ["▀", "▀", ""])
        #expect(grid[x: 0, y: 1].style.background == nil)
    }

    @Test func labelGoesAboveThePicture() {
        let heatmap = Heatmap(flat: [Float](repeating: 1, count: 6), width: 3, label: "x[0]")
        #expect(screen(heatmap, width: 6, height: 3, glyphs: .ascii) == ["x[0]", "++++++", "++++++"])
        #expect(heatmap.footprint(in: Rect(x: 0, y: 0, width: 6, height: 3)) == Rect(x: 0, y: 0, width: 6, height: 3))
    }

    @Test func staysInsideAnyRectangle() {
        for (width, height) in [(0, 0), (1, 1), (3, 2), (40, 3)] {
            var grid = Grid(width: 50, height: 10)
            let rect = Rect(x: 2, y: 2, width: width, height: height)
            gradient.render(into: &grid, in: rect, glyphs: .unicode)
            for y in 0..<10 {
                for x in 0..<50 where !rect.contains(Point(x: x, y: y)) {
                    #expect(grid[x: x, y: y] == .blank)
                }
            }
        }
        #expect(screen(Heatmap([]), width: 3, height: 2) == ["", ""])
    }
}

@Suite struct GrayLevelPaletteTests {
    @Test func grayLevelsUseTheRampOrFewerShades() {
        let top = Color.grayLevelCount - 1
        #expect(ColorPalette(colorCount: 256).number(for: .grayLevel(0)) == 16)
        #expect(ColorPalette(colorCount: 256).number(for: .grayLevel(1)) == 232)
        #expect(ColorPalette(colorCount: 256).number(for: .grayLevel(top - 1)) == 255)
        #expect(ColorPalette(colorCount: 256).number(for: .grayLevel(top + 5)) == 231)
        #expect(ColorPalette(colorCount: 16).number(for: .grayLevel(0)) == 0)
        #expect(ColorPalette(colorCount: 16).number(for: .grayLevel(top)) == 15)
        #expect(ColorPalette(colorCount: 8).number(for: .grayLevel(top)) == 7)
        #expect(ColorPalette(colorCount: 8).number(for: .grayLevel(-3)) == 0)
    }
}

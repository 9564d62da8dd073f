@testable import TerminalUI
import Testing

@Suite struct GridTests {
    @Test func textTrimsTrailingSpacesAndKeepsEveryRow() {
        var grid = Grid(width: 6, height: 3)
        grid.put(text: "ab", at: Point(x: 1, y: 0))
        grid.put(text: "μσ", at: Point(x: 4, y: 2))
        #expect(grid.text == [" ab", "", "    μσ"])
    }

    @Test func writesAreClippedToTheGridAndTheClipRect() {
        var grid = Grid(width: 5, height: 2)
        let end = grid.put(text: "hello world", at: Point(x: -2, y: 0))
        #expect(end == 9)
        grid.put(text: "xyz", at: Point(x: 1, y: 1), clip: Rect(x: 0, y: 0, width: 3, height: 5))
        grid.put(text: "off", at: Point(x: 0, y: 7))
        grid.put("!", at: Point(x: 5, y: 0))
        #expect(grid.text == ["llo w", " xy"])
    }

    @Test func fillAndRestyleStayInsideTheGrid() {
        var grid = Grid(width: 4, height: 2)
        grid.fill(Rect(x: 2, y: -1, width: 9, height: 2), with: Cell("#"))
        grid.restyle(Rect(x: 3, y: 0, width: 5, height: 5)) { $0.reverse = true }
        #expect(grid.text == ["  ##", ""])
        #expect(grid.styleMask { $0.reverse ? "r" : " " } == ["   r", "   r"])
        #expect(grid[x: 3, y: 0] == Cell("#", style: .reverse))
    }

    @Test func zeroSizedGridAcceptsWrites() {
        var grid = Grid(width: 0, height: 0)
        grid.put(text: "x", at: Point(x: 0, y: 0))
        grid.fill(grid.bounds.inset(by: -1))
        #expect(grid.text == [])
    }

    @Test func diffReportsOnlyChangedCells() {
        var before = Grid(width: 4, height: 3)
        before.put(text: "abc", at: Point(x: 0, y: 1))
        var after = before
        after.put("X", at: Point(x: 1, y: 1))
        after.put("b", at: Point(x: 3, y: 2), style: .bold)
        var changes: [Point] = []
        after.forEachChange(since: before) { point, _ in changes.append(point) }
        #expect(changes == [Point(x: 1, y: 1), Point(x: 3, y: 2)])
    }

    @Test func diffWithoutAComparablePreviousFrameReportsEverything() {
        let grid = Grid(width: 3, height: 2)
        var count = 0
        grid.forEachChange(since: nil) { _, _ in count += 1 }
        #expect(count == 6)
        count = 0
        grid.forEachChange(since: Grid(width: 2, height: 3)) { _, _ in count += 1 }
        #expect(count == 6)
    }
}

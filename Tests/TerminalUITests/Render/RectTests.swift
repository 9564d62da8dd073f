@testable import TerminalUI
import Testing

@Suite struct RectTests {
    let rect = Rect(x: 2, y: 1, width: 10, height: 6)

    @Test func negativeSizesBecomeEmpty() {
        let r = Rect(x: 0, y: 0, width: -3, height: 2)
        #expect(r.width == 0 && r.isEmpty)
    }

    @Test func insetShrinksEverySideAndNeverGoesNegative() {
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 4))
        #expect(rect.inset(top: 2, left: 3) == Rect(x: 5, y: 3, width: 7, height: 4))
        #expect(rect.inset(by: 20).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1) == Rect(x: 1, y: 1, width: 0, height: 0))
    }

    @Test func rowsServeFixedAndFractionsFirstThenShareTheRest() {
        let rows = rect.rows([.fixed(1), .fill, .fraction(0.5), .fill])
        #expect(rows.map(\.height) == [1, 1, 3, 1])
        #expect(rows.map(\.y) == [1, 2, 3, 6])
        #expect(rows.allSatisfy { $0.x == 2 && $0.width == 10 })
    }

    @Test func fillsTakeTheRemainderFirstOnesFirst() {
        #expect(rect.columns([.fill, .fill, .fill]).map(\.width) == [4, 3, 3])
        #expect(rect.columns([.fill, .fill, .fill]).map(\.x) == [2, 6, 9])
    }

    @Test func oversizedRequestsAreClampedToWhatIsLeft() {
        #expect(rect.columns([.fixed(8), .fixed(8), .fill]).map(\.width) == [8, 2, 0])
        #expect(Rect(x: 0, y: 0, width: 0, height: 0).rows([.fixed(2), .fraction(0.5), .fill]).map(\.height) == [0, 0, 0])
    }

    @Test func centeredIsClampedInside() {
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 3, width: 4, height: 2))
        #expect(rect.centered(width: 40, height: 40) == rect)
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
        #expect(rect.intersection(Rect(x: 0, y: 0, width: 3, height: 3)) == Rect(x: 2, y: 1, width: 1, height: 2))
        #expect(rect.intersection(Rect(x: 50, y: 50, width: 3, height: 3)).isEmpty)
    }
}

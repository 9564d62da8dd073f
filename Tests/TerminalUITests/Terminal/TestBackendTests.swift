import Testing
import TerminalUI

/// The test terminal: what is typed comes out once, in order, and whole; a resize takes effect
/// when it is read; every frame drawn is kept and the screen reads as text.
@Suite struct TestBackendTests {
    @Test func typedKeysAreReadAllAtOnceInOrder() {
        var backend = TestBackend(width: 20, height: 5)
        #expect(backend.readKeys(waitingUpTo: 0).isEmpty)
        backend.type([.character("s"), .character("s"), .enter])
        backend.type([.escape])
        #expect(backend.readKeys(waitingUpTo: 0) == [.character("s"), .character("s"), .enter, .escape])
        #expect(backend.readKeys(waitingUpTo: 0).isEmpty)
    }

    @Test func aResizeChangesTheSizeWhenRead() {
        var backend = TestBackend(width: 20, height: 5)
        backend.resize(width: 80, height: 24)
        #expect(backend.size == (20, 5))
        backend.type([.character("q")])
        #expect(backend.readKeys(waitingUpTo: 0) == [.resize, .character("q")])
        #expect(backend.size == (80, 24))
    }

    @Test func framesAreKeptAndTheScreenReadsAsText() {
        var backend = TestBackend(width: 6, height: 2, glyphs: .ascii)
        #expect(backend.text == ["", ""])
        var grid = Grid(width: 6, height: 2)
        grid.put(text: "one", at: Point(x: 0, y: 0))
        backend.draw(grid)
        grid.put(text: "two", at: Point(x: 1, y: 1))
        backend.draw(grid)
        #expect(backend.frames.count == 2)
        #expect(backend.frames[0].text == ["one", ""])
        #expect(backend.text == ["one", " two"])
        #expect(backend.glyphs == .ascii)
    }

    @Test func aSignalIsReportedAsSet() {
        var backend = TestBackend(width: 6, height: 2)
        #expect(backend.pendingSignal == nil)
        backend.pendingSignal = 15
        #expect(backend.pendingSignal == 15)
    }
}

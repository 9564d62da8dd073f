import Foundation
import Testing
import TerminalUI

/// Frames become output events that repaint the screen from any state, only what changed
/// after the first; resizes become resize events; time never runs backwards.
@Suite struct ScreenRecorderTests {
    private func grid(_ rows: [String], width: Int = 8) -> Grid {
        var grid = Grid(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { grid.put(text: row, at: Point(x: 0, y: y)) }
        return grid
    }

    @Test func theFirstFrameClearsAndDrawsEveryRowThenOnlyChangedRows() {
        var repaint = FrameRepaint(colors: false)
        let first = repaint.escapes(for: grid(["one", "", "three"]))
        #expect(first == "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[1;1Hone\u{1B}[3;1Hthree")
        let second = repaint.escapes(for: grid(["one", "two", "three"]))
        #expect(second == "\u{1B}[2;1H\u{1B}[0m\u{1B}[2Ktwo")
        #expect(repaint.escapes(for: grid(["one", "two", "three"])) == "")
        // Another size: nothing on screen can be trusted, so all of it again.
        #expect(repaint.escapes(for: grid(["one"], width: 4)).hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
    }

    @Test func coloursAreTheANSIExportsOrNone() {
        var cells = grid(["ab"])
        cells.put("a", at: Point(x: 0, y: 0), style: Style(foreground: .red))
        var coloured = FrameRepaint(colors: true)
        var plain = FrameRepaint(colors: false)
        #expect(coloured.escapes(for: cells).contains("\u{1B}[0;31ma"))
        #expect(!plain.escapes(for: cells).contains("31"))
    }

    @Test func framesAndResizesThroughTheBackendAreEventsInOrder() throws {
        let file = RecordingFile()
        defer { file.remove() }
        let recorder = ScreenRecorder(
            writer: try AsciicastWriter(path: file.path), width: 8, height: 2, title: "test", colors: false,
            timing: .frames(perSecond: 4))
        var backend = RecordingBackend(base: TestBackend(width: 8, height: 2), recorder: recorder)
        backend.draw(grid(["a", "b"]))
        backend.base.resize(width: 6, height: 3)
        #expect(backend.readKeys(waitingUpTo: 0) == [.resize])
        backend.draw(grid(["a", "b", "c"], width: 6))
        backend.draw(grid(["a", "b", "d"], width: 6))
        #expect(backend.base.frames.count == 3)
        recorder.writer.close()
        let (header, events) = try file.parsed()
        #expect(header["width"] as? Int == 8)
        #expect(events.map { $0[1] as? String } == ["o", "r", "o", "o"])
        #expect(events[1][2] as? String == "6x3")
        let times = events.compactMap { $0[0] as? Double }
        #expect(times == [0, 0.25, 0.25, 0.5])
    }

    @Test func liveTimesNeverDecrease() throws {
        let file = RecordingFile()
        defer { file.remove() }
        let recorder = ScreenRecorder(
            writer: try AsciicastWriter(path: file.path), width: 8, height: 1, title: "live", colors: false, timing: .live)
        for i in 0..<20 { recorder.record(grid(["\(i)"])) }
        recorder.writer.close()
        let times = try file.parsed().events.compactMap { $0[0] as? Double }
        #expect(times.count == 20)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    }
}

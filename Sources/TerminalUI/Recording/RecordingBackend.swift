/// A terminal that records what it shows: it passes everything to `base` and hands every
/// frame drawn and every resize read to a ``ScreenRecorder``. Sitting beside the backend
/// (rather than in the ncurses adapter) means the loop, the real terminal and the test
/// terminal stay as they are, and what is recorded is exactly the grids the loop drew.
public struct RecordingBackend<Base: TerminalBackend>: TerminalBackend {
    public var base: Base
    public let recorder: ScreenRecorder

    public init(base: Base, recorder: ScreenRecorder) {
        self.base = base
        self.recorder = recorder
    }

    public var size: (width: Int, height: Int) { base.size }
    public var glyphs: GlyphSet { base.glyphs }
    public var pendingSignal: Int32? { base.pendingSignal }

    public mutating func draw(_ grid: Grid) {
        base.draw(grid)
        recorder.record(grid)
    }

    /// The keys `base` read; a `.resize` among them is recorded with the new size.
    public mutating func readKeys(waitingUpTo milliseconds: Int) -> [Key] {
        let keys = base.readKeys(waitingUpTo: milliseconds)
        if keys.contains(.resize) {
            let size = base.size
            recorder.resize(width: size.width, height: size.height)
        }
        return keys
    }
}

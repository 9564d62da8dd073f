/// Records what a terminal shows into an asciicast file: each frame as an output event that
/// repaints it (``FrameRepaint``), each resize as a resize event, with the time of each.
public final class ScreenRecorder {
    /// Where an event's time comes from.
    public enum Timing: Sendable {
        /// Seconds since the recorder was made, on a monotonic clock (a live session: a
        /// change of the wall clock must not make time run backwards in the file).
        case live
        /// Frame `i` at `i / framesPerSecond` seconds (a headless run, which renders as fast
        /// as it can but should play at a steady pace).
        case frames(perSecond: Double)
    }

    public let writer: AsciicastWriter
    private let timing: Timing
    private let start = ContinuousClock.now
    private var repaint: FrameRepaint
    private var framesRecorded = 0
    /// The latest time written, so that times never decrease in the file.
    private var lastTime = 0.0

    /// A recorder that writes `writer`'s header for a `width`×`height` terminal at once.
    public init(writer: AsciicastWriter, width: Int, height: Int, title: String, colors: Bool, timing: Timing) {
        self.writer = writer
        self.timing = timing
        repaint = FrameRepaint(colors: colors)
        writer.writeHeader(width: width, height: height, title: title)
    }

    /// The terminal now shows `grid`. A frame equal to the one before writes nothing (but
    /// still counts as a frame for headless timing).
    public func record(_ grid: Grid) {
        let data = repaint.escapes(for: grid)
        let time = now()
        framesRecorded += 1
        if !data.isEmpty { writer.writeOutput(data, at: time) }
    }

    /// The terminal became `width`×`height`; the next frame repaints it whole.
    public func resize(width: Int, height: Int) {
        writer.writeResize(width: width, height: height, at: now())
    }

    private func now() -> Double {
        let time: Double
        switch timing {
        case .live:
            let elapsed = ContinuousClock.now - start
            time = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        case .frames(let perSecond):
            time = Double(framesRecorded) / perSecond
        }
        lastTime = max(lastTime, time)
        return lastTime
    }
}

import ArgumentParser
import NormMath

/// The UI's cost per frame without a terminal: render the whole screen of a run that has
/// history in every chart, and diff it against the previous frame — what the main loop does
/// before it writes the changed cells.
enum FrameBenchmark {
    /// Median milliseconds for one frame at `width`×`height`.
    static func frameMilliseconds(config: ExperimentConfig, width: Int, height: Int) -> Double {
        var run = ScriptedRun(config: config, width: width, height: height)
        run.train(untilStep: 200)
        let earlier = run.render(glyphs: .unicode)
        run.train(untilStep: 201)
        let state = run.state
        var previous = earlier
        var changed = 0
        let seconds = Stopwatch.median(warmUp: 5, repetitions: 101) {
            let frame = Screen.render(state, glyphs: .unicode)
            frame.forEachChange(since: previous) { _, _ in changed += 1 }
            previous = frame == previous ? earlier : frame  // keep a real difference every time
        }
        precondition(changed > 0, "the two frames should differ")
        return seconds * 1000
    }
}

/// A terminal size given as `WxH`.
struct ScreenSize: ExpressibleByArgument, Sendable {
    let width: Int
    let height: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        (width, height) = (parts[0], parts[1])
    }
}

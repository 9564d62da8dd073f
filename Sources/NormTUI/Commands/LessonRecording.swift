import NormMath
import NormLessons
import TerminalUI

/// `normtui lesson NAME --steps K --record FILE.cast`: a lesson recorded without a terminal,
/// for a course page. It is the UI's own loop on a test terminal (``ScriptedRun``, as
/// `snapshot` draws), so every frame is the screen the UI shows; one frame per lesson step,
/// played at a steady `fps`, since the steps are taken as fast as the machine goes.
struct LessonRecording {
    /// Large enough for every panel (from 120×40 all of them show), small enough for a page.
    static let defaultWidth = 120
    static let defaultHeight = 40
    /// Ten steps a second: fast enough to see a run move, slow enough to read the numbers.
    static let defaultFPS = 10.0

    let width: Int
    let height: Int
    let fps: Double
    let display: DisplayOptions

    /// Checks the sizes and the pace the way `snapshot` checks its sizes.
    init(width: Int, height: Int, fps: Double, display: DisplayOptions) throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw CommandFailure("--width and --height must be between 1 and 1000, got \(width)×\(height)")
        }
        guard fps.isFinite, fps > 0, fps <= 1000 else { throw CommandFailure("--fps must be above 0 and at most 1000, got \(fps)") }
        (self.width, self.height, self.fps, self.display) = (width, height, fps, display)
    }

    /// Opens `lesson` from the default experiment, as `normtui lesson NAME` does, and records
    /// the screen after each of its first `steps` steps (fewer if it finishes sooner).
    func record(_ lesson: Lesson, steps: Int, seeds: LessonSeeds = .standard, into file: AsciicastWriter, title: String) {
        // Colours as the UI draws them, unless --no-color or NO_COLOR; --ascii as in the UI.
        var glyphs: GlyphSet = display.ascii ? .ascii : .unicode
        glyphs.hasColor = display.wantsColor
        var run = ScriptedRun(
            config: ExperimentConfig(), width: width, height: height, language: display.language ?? .fromEnvironment(),
            presenting: display.present, glyphs: glyphs, lessonSeeds: seeds)
        let recorder = ScreenRecorder(
            writer: file, width: width, height: height, title: title, colors: glyphs.hasColor,
            timing: .frames(perSecond: fps))
        run.open(.lesson(lesson))
        for step in 1...steps {
            run.advanceLesson(untilStep: step)
            recorder.record(run.draw())
            if run.loop.lesson?.worker.engine?.isFinished ?? true { break }
        }
        file.close()
    }
}

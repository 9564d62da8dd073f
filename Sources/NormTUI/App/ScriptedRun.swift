import NormMath
import TerminalUI
import NormLessons

/// The UI's loop as `normtui snapshot` and the tests run it: on a test terminal, with the
/// workers stepped inline.
typealias ScriptedLoop = AppLoop<TestBackend, InlineDriver<SessionWorker>, InlineDriver<LessonWorker>>

/// A run driven in the foreground by a script of steps and keys: what `normtui snapshot` and
/// the golden-screen tests draw. It is the UI's own loop (``AppLoop``) on a ``TestBackend``,
/// with no thread: every step asked for is taken at once, so the same script gives the same
/// numbers every time.
struct ScriptedRun {
    private(set) var loop: ScriptedLoop

    /// A run of `config` on a `width`×`height` screen after its first step. `w` saves into
    /// `saveFolder`; without one it says that nothing is saved. Lessons ask their kit's
    /// questions only with `asksQuestions` (a scripted screen is usually a lesson's figure).
    init(
        config: ExperimentConfig, width: Int, height: Int, language: Language = .en, presenting: Bool = false,
        glyphs: GlyphSet = .unicode, saveFolder: String? = nil, lessonSeeds: LessonSeeds = .onScreen, asksQuestions: Bool = false
    ) {
        var state = AppState(config: config, width: width, height: height)
        state.asksQuestions = asksQuestions
        state.language = language
        state.lessonSeeds = lessonSeeds
        state.isPresenting = presenting
        loop = ScriptedLoop(backend: TestBackend(width: width, height: height, glyphs: glyphs), state: state, saveFolder: saveFolder)
    }

    var state: AppState { loop.state }

    /// Trains until the run has taken `count` steps (or diverged): what a running session
    /// does by itself in the real UI, done at once.
    mutating func train(untilStep count: Int) {
        loop.session.advance { $0.stepCount < count && !$0.isDiverged }
        loop.collectNews()
    }

    /// Types `keys` in one burst. A running session does not run on by itself here; every
    /// step asked for is taken before the next key.
    mutating func press(_ keys: [Key]) {
        loop.backend.type(keys)
        _ = loop.handleInput(waitingUpTo: 0)
    }

    /// Opens a lesson, as choosing it in the `l` list does, or compare mode.
    mutating func open(_ guide: Guide) {
        loop.open(guide)
    }

    /// Opens a lesson of the catalogue.
    mutating func open(_ lesson: Lesson) {
        open(.lesson(lesson))
    }

    /// Advances the open lesson until it has taken `count` steps (or finished).
    mutating func advanceLesson(untilStep count: Int) {
        loop.lesson?.advance { ($0.engine?.stepCount ?? 0) < count && $0.engine?.isFinished != true }
        loop.collectNews()
    }

    /// The terminal changes size (the loop reads it as a real terminal's `KEY_RESIZE`).
    mutating func resize(width: Int, height: Int) {
        loop.backend.resize(width: width, height: height)
        _ = loop.handleInput(waitingUpTo: 0)
    }

    /// The screen as the loop draws it on the test terminal, in the terminal's glyphs.
    mutating func draw() -> Grid {
        loop.drawIfChanged()
        return loop.backend.screen
    }

    /// The current state drawn in `glyphs`, by the same code, without touching the terminal:
    /// for tests that look at one moment in several glyph sets.
    func render(glyphs: GlyphSet) -> Grid {
        Screen.render(state, glyphs: glyphs)
    }

}

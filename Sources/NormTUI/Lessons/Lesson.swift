import NormMath

/// A lesson: one claim of the glossary made visible. A preset experiment (the engine), a
/// screen that shows it, and pages of text that say what to look for and why.
struct Lesson: Sendable {
    /// The command-line name, e.g. `scale-invariance`.
    let id: String
    let number: Int
    /// The glossary section the lesson belongs to, in the article's words.
    let section: String
    let title: Localized
    /// One line for `normtui lessons`.
    let summary: Localized
    /// What the explanation panel shows; `n` and `p` page through them.
    let pages: [LessonPage]
    /// Builds the experiment afresh (same seed, same numbers).
    let makeEngine: @Sendable () -> any LessonEngine
}

struct LessonPage: Sendable {
    let title: Localized
    let text: Localized
}

/// A key a lesson adds to the shared ones (run, step, pages…).
struct LessonKey: Sendable {
    let key: Key
    let label: String
    let help: Localized
}

/// What a lesson's screen needs besides the engine.
struct LessonContext: Sendable {
    var page: Int
    var language: Language
    var glyphs: GlyphSet
}

/// The experiment behind a lesson. A value type: the UI draws a copy while the lesson's
/// thread advances the original.
protocol LessonEngine: Sendable {
    /// One unit of work: a training step of every run the lesson compares, one point of a
    /// sweep, one slide of an animation.
    mutating func advance()
    /// How many units are done.
    var stepCount: Int { get }
    /// A lesson whose work has an end (a sweep) says so; training lessons never finish.
    var isFinished: Bool { get }
    /// Fraction of the work done, for lessons that finish; `nil` for open-ended ones.
    var progress: Double? { get }
    /// Keys of this lesson, listed in the key bar and the help.
    var keys: [LessonKey] { get }
    /// Handles one of `keys`; returns what to say in the status line.
    mutating func handle(_ key: Key) -> Localized?
    /// Draws the lesson's experiment (the explanation panel is drawn around it).
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect)
    /// The headless record of the current state (`normtui lesson NAME --steps K`).
    func record() -> LessonRecord
}

extension LessonEngine {
    var isFinished: Bool { false }
    var progress: Double? { nil }
    var keys: [LessonKey] { [] }
    mutating func handle(_ key: Key) -> Localized? { nil }
}

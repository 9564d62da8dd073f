/// The experiment behind a lesson: numbers, keys and the headless record, and nothing of the
/// terminal. A value type: the UI draws a copy while the lesson's thread advances the original.
/// How it is drawn is the separate ``LessonRendering``.
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
    mutating func handle(_ key: Character) -> Localized?
    /// The headless record of the current state (`normtui lesson NAME --steps K`).
    func record() -> LessonRecord
}

extension LessonEngine {
    var isFinished: Bool { false }
    var progress: Double? { nil }
    var keys: [LessonKey] { [] }
    mutating func handle(_ key: Character) -> Localized? { nil }
}

/// A key a lesson adds to the shared ones (run, step, pages…): one character, typed as is.
struct LessonKey: Sendable {
    let key: Character
    let help: Localized

    init(_ key: Character, help: Localized) {
        self.key = key
        self.help = help
    }

    /// How the key bar and the help name it.
    var label: String { String(key) }
}

/// The experiment behind a lesson: numbers, keys and the headless record, and nothing of the
/// terminal. A value type: the UI draws a copy while the lesson's thread advances the original.
/// How it is drawn is the separate ``LessonRendering``.
public protocol LessonEngine: Sendable {
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
    /// The lesson Enter opens, for a lesson that points to others (the closing decision table).
    var linkedLessonID: String? { get }
}

extension LessonEngine {
    public var isFinished: Bool { false }
    public var progress: Double? { nil }
    public var keys: [LessonKey] { [] }
    public mutating func handle(_ key: Character) -> Localized? { nil }
    public var linkedLessonID: String? { nil }
}

/// A key a lesson adds to the shared ones (run, step, pages…): one character, typed as is.
public struct LessonKey: Sendable {
    public let key: Character
    public let help: Localized

    public init(_ key: Character, help: Localized) {
        self.key = key
        self.help = help
    }

    /// How the key bar and the help name it.
    public var label: String { String(key) }
}

/// The seeds a lesson runs on: `first`, `first + 1`, …, `first + count − 1`. Every run of a
/// lesson takes its data, batches and initial weights from its seed, so the same seeds give the
/// same numbers bit for bit. The screen shows the first seed's runs; training lessons run the
/// others beside it to show the spread (median and range), and `normtui lesson NAME --check`
/// judges the lesson's claims on each seed alone.
public struct LessonSeeds: Sendable, Equatable {
    public var first: UInt64
    public var count: Int

    /// Seed 1 (every experiment's default), alone.
    public static let standard = LessonSeeds(first: 1, count: 1)

    /// What the lesson screen runs by default: seeds 1, 2 and 3, so that a training lesson
    /// shows a median and a range from the start.
    public static let onScreen = LessonSeeds(first: 1, count: 3)

    /// The most seeds the lesson screen runs (`>`): each costs a full set of runs per step.
    public static let maximumOnScreen = 9

    /// - Precondition: `count >= 1`.
    public init(first: UInt64, count: Int = 1) {
        precondition(count >= 1, "a lesson runs on at least one seed")
        self.first = first
        self.count = count
    }

    public var all: [UInt64] { (0..<UInt64(count)).map { first &+ $0 } }

    /// A seed derived from the first for one of a lesson's own random inputs (a tensor, a
    /// noise pattern): `first + offset`, so that seed 1 keeps the inputs lessons always had.
    public func derived(_ offset: UInt64) -> UInt64 { first &+ offset }
}

/// A result a lesson's text states — a number, a comparison, a trend — as code: a predicate
/// over the lesson's engine, judged once the engine has done `step` units of work, on each
/// seed alone. `normtui lesson NAME --check` runs it on many seeds; the lesson screen shows
/// ✓ or ✗ with what was measured. A sentence that holds only on some seeds is reworded, never
/// tuned to a seed (docs/DESIGN.md, "Lessons: claims are code").
public struct Claim: Sendable {
    /// A stable name for scripts, e.g. `bn-learns-at-lr-2`.
    public let id: String
    /// The sentence of the lesson's text this claim backs.
    public let text: Localized
    /// The unit of work (training step, sweep point) after which the claim is judged.
    public let step: Int
    /// Judges the claim on the runs of seed number `seedIndex` (0 = the first seed).
    public let judge: @Sendable (_ engine: any LessonEngine, _ seedIndex: Int) -> Verdict

    public init(
        id: String, text: Localized, step: Int, judge: @escaping @Sendable (any LessonEngine, Int) -> Verdict
    ) {
        self.id = id
        self.text = text
        self.step = step
        self.judge = judge
    }

    /// A claim about engines of type `E`.
    /// - Precondition: the lesson's engine is an `E`.
    public static func on<E: LessonEngine>(
        _ type: E.Type, id: String, text: Localized, step: Int, judge: @escaping @Sendable (E, Int) -> Verdict
    ) -> Claim {
        Claim(id: id, text: text, step: step) { engine, seedIndex in
            guard let engine = engine as? E else { preconditionFailure("claim \(id) is about \(E.self)") }
            return judge(engine, seedIndex)
        }
    }
}

/// Whether a claim held, and the numbers that say so ("Batch Norm 91.3 %, none 10.0 %").
public struct Verdict: Sendable, Equatable {
    public var holds: Bool
    public var measured: Localized

    public init(holds: Bool, measured: Localized) {
        self.holds = holds
        self.measured = measured
    }
}

/// The few words the charts write themselves: "step" under an x-axis of steps, "more" after
/// the rows a bar chart leaves out. Scoped rather than a property of each chart, so that a
/// screen drawn in another language sets them once for every chart on it, including those
/// the lessons draw; English unless a caller says otherwise.
public struct ChartWords: Sendable, Equatable {
    public var step: String
    public var more: String

    public init(step: String = "step", more: String = "more") {
        self.step = step
        self.more = more
    }

    /// The words in force while drawing; see `$current.withValue`.
    @TaskLocal public static var current = ChartWords()
}

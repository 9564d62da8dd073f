/// Something that does work step by step: the main screen's training run (``SessionWorker``)
/// or a lesson (``LessonWorker``). A ``WorkerDriver`` decides when the steps are taken: on a
/// thread of its own (``BackgroundRunner``) or inline (``InlineDriver``).
protocol SteppingWorker: Sendable {
    associatedtype Command: Sendable
    associatedtype Snapshot: Sendable
    mutating func apply(_ commands: [Command])
    /// Whether there is a step to take now.
    var wantsStep: Bool { get }
    /// A single step (`s`, or the first after a reset) was asked for and not taken yet: take
    /// it at once, whatever the pace.
    var stepRequested: Bool { get }
    var isRunning: Bool { get }
    /// Steps per second while running; `nil` as fast as possible.
    var rate: Double? { get }
    mutating func step()
    var snapshot: Snapshot { get }
    /// What to show while the next step runs, when steps are slow enough to mention.
    var slowStepSnapshot: Snapshot? { get }
}

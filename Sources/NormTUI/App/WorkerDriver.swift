/// What takes a worker's steps, as the UI loop sees it: it passes commands on and now and then
/// has news (a snapshot). ``BackgroundRunner`` steps the worker on a thread of its own, for
/// the real UI; ``InlineDriver`` steps it at once in the caller's thread, for
/// `normtui snapshot` and the tests. ``AppLoop`` works with either, so there is one
/// interpreter of the commands.
protocol WorkerDriver<Worker> {
    associatedtype Worker: SteppingWorker

    /// Starts driving `worker`; `name` names its thread, where it has one.
    init(worker: Worker, name: String)

    /// Hands the worker commands, in order.
    mutating func perform(_ commands: [Worker.Command])

    /// The newest snapshot, once: `nil` when nothing changed since the last call.
    mutating func takeSnapshot() -> Worker.Snapshot?

    /// Ends the driving after the current step; call it once.
    mutating func stop()
}

/// Drives a worker in the caller's thread: commands are carried out at once, and every step
/// they ask for (`s`, the first step of a reset or a lesson) is taken before `perform`
/// returns. A running worker does not run on by itself: `advance(while:)` stands in for the
/// time that passes. So `normtui snapshot` and the tests get the same screen every time.
struct InlineDriver<Worker: SteppingWorker>: WorkerDriver {
    private(set) var worker: Worker
    /// Whether the worker changed since the last `takeSnapshot`.
    private var hasNews = true

    init(worker: Worker, name: String) {
        self.worker = worker
        takeRequestedSteps()
    }

    mutating func perform(_ commands: [Worker.Command]) {
        guard !commands.isEmpty else { return }
        worker.apply(commands)
        takeRequestedSteps()
        hasNews = true
    }

    mutating func takeSnapshot() -> Worker.Snapshot? {
        guard hasNews else { return nil }
        hasNews = false
        return worker.snapshot
    }

    mutating func stop() {}

    /// Steps the worker while `condition` holds: what its thread would do while running,
    /// done at once. The condition must turn false (say, at a step count or on divergence).
    mutating func advance(while condition: (Worker) -> Bool) {
        while condition(worker) {
            worker.step()
            hasNews = true
        }
    }

    /// The steps asked for, taken now, as a thread takes them whatever the pace.
    private mutating func takeRequestedSteps() {
        while worker.stepRequested && worker.wantsStep {
            worker.step()
            hasNews = true
        }
    }
}

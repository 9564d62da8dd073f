import Foundation

/// Runs a ``SteppingWorker`` on its own thread, so that training never blocks keys or
/// drawing. The main loop hands it commands and collects snapshots; both go through one lock,
/// held only for a moment. The real UI's way to drive a worker; ``InlineDriver`` is the other.
final class BackgroundRunner<Worker: SteppingWorker>: WorkerDriver, @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [Worker.Command] = []
    private var published: Worker.Snapshot?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Snapshots are published at most this often while running: each one makes the next
    /// step copy the history buffers it shares.
    static var publishInterval: Double { 1.0 / 30 }

    /// Starts the thread with `worker`, which then belongs to it.
    init(worker: Worker, name: String) {
        let thread = Thread { [self, worker] in
            work(worker)
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Queues commands for the worker's thread and wakes it.
    func perform(_ commands: [Worker.Command]) {
        guard !commands.isEmpty else { return }
        condition.lock()
        pending += commands
        condition.signal()
        condition.unlock()
    }

    /// The newest snapshot, once: `nil` when nothing changed since the last call.
    func takeSnapshot() -> Worker.Snapshot? {
        condition.lock()
        defer {
            published = nil
            condition.unlock()
        }
        return published
    }

    /// Stops the thread after its current step and waits for it.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        finished.wait()
    }

    private func work(_ initial: Worker) {
        var worker = initial
        var nextStep = Date()
        var lastPublish = Date.distantPast
        var unpublished = false
        while true {
            condition.lock()
            // Sleep until there is something to do: a command, or the next scheduled step.
            while !stopped && pending.isEmpty {
                if worker.wantsStep {
                    if worker.stepRequested || worker.rate == nil || Date() >= nextStep { break }
                    _ = condition.wait(until: nextStep)
                } else {
                    if unpublished { break }
                    condition.wait()
                }
            }
            if stopped {
                condition.unlock()
                return
            }
            let commands = pending
            pending = []
            condition.unlock()

            if !commands.isEmpty {
                let wasRunning = worker.isRunning
                worker.apply(commands)
                if worker.isRunning && !wasRunning { nextStep = Date() }
                unpublished = true
            }
            if worker.wantsStep {
                if let busy = worker.slowStepSnapshot {
                    condition.lock()
                    published = busy
                    condition.unlock()
                }
                worker.step()
                unpublished = true
                if let rate = worker.rate {
                    // Keep the pace, but never make up for a long step with a burst.
                    nextStep = max(nextStep.addingTimeInterval(1 / rate), Date().addingTimeInterval(-1 / rate))
                }
            }
            let now = Date()
            if unpublished && (!worker.wantsStep || now.timeIntervalSince(lastPublish) >= Self.publishInterval) {
                let snapshot = worker.snapshot
                condition.lock()
                published = snapshot
                condition.unlock()
                lastPublish = now
                unpublished = false
            }
        }
    }
}

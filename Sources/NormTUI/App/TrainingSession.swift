import Foundation
import NormMath

/// Runs a ``SessionWorker`` on its own thread, so that training never blocks keys or
/// drawing. The main loop hands it commands and collects snapshots; both go through one lock,
/// held only for a moment.
final class TrainingSession: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [SessionCommand] = []
    private var published: RunSnapshot?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Snapshots are published at most this often while running: each one makes the next
    /// step copy the history buffers it shares.
    static let publishInterval = 1.0 / 30

    init(config: ExperimentConfig) {
        pending = [.reset(config, generation: 0)]
        let thread = Thread { [self] in
            work()
            finished.signal()
        }
        thread.name = "normtui training"
        thread.start()
    }

    /// Queues commands for the training thread and wakes it.
    func perform(_ commands: [SessionCommand]) {
        guard !commands.isEmpty else { return }
        condition.lock()
        pending += commands
        condition.signal()
        condition.unlock()
    }

    /// The newest snapshot, once: `nil` when nothing changed since the last call.
    func takeSnapshot() -> RunSnapshot? {
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

    private func work() {
        var worker = SessionWorker(config: ExperimentConfig())
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

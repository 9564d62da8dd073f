import Foundation
import NormMath

/// The main screen's training run: a trainer, its history, and how the user wants it driven.
/// A ``TrainingSession`` runs one on a background thread; ``ScriptedRun`` runs one inline.
struct SessionWorker: SteppingWorker {
    private(set) var trainer: Trainer?
    private(set) var history: TrainingHistory
    private(set) var config: ExperimentConfig
    private(set) var generation = 0
    private(set) var isRunning = false
    /// Steps per second while running; `nil` as fast as possible.
    private(set) var rate: Double? = Speed.levels[Speed.defaultIndex]
    /// Single steps asked for with `s` (or the first one after a reset) and not begun yet.
    /// A count, not a flag: keys that arrive while a step is computed are requests too.
    private(set) var requestedSteps = 0
    /// Why the last reset could not build a trainer.
    private var failure: Divergence?
    private var measuresEvalMode = false
    /// How long the last step took, in seconds.
    private(set) var lastStepDuration = 0.0
    /// The run the last reset replaced, kept whole (not re-run) so that `u` can bring it
    /// back: one level of undo. `nil` when that run had taken no step.
    private(set) var previous: PreviousRun?

    /// A run put aside by a reset.
    struct PreviousRun: Sendable {
        var trainer: Trainer?
        var history: TrainingHistory
        var config: ExperimentConfig
        var failure: Divergence?
    }

    /// Threads each step may use: all cores, so that the step keeps up with the screen at the
    /// large shapes; the reports are the same bits for every count (`Trainer.threads`).
    let threads: Int

    /// A worker that starts by building the run of `config` (generation 0), stepping on
    /// `threads` threads.
    init(config: ExperimentConfig, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.config = config
        self.threads = threads
        history = TrainingHistory(layerCount: config.depth)
        reset(to: config, generation: 0)
    }

    /// Carries out the commands in order.
    mutating func apply(_ commands: [TrainingCommand]) {
        for command in commands {
            switch command {
            case .setRunning(let running):
                isRunning = running
            case .stepOnce:
                isRunning = false
                requestedSteps += 1
            case .reset(let newConfig, let newGeneration):
                let old = PreviousRun(trainer: trainer, history: history, config: config, failure: failure)
                reset(to: newConfig, generation: newGeneration)
                previous = (old.trainer?.stepCount ?? 0) > 0 ? old : nil
            case .swapWithPrevious(let newGeneration):
                guard let back = previous else { break }
                previous = PreviousRun(trainer: trainer, history: history, config: config, failure: failure)
                trainer = back.trainer
                trainer?.measuresEvalMode = measuresEvalMode
                history = back.history
                config = back.config
                failure = back.failure
                generation = newGeneration
                requestedSteps = 0
                lastStepDuration = 0
            case .setSpeed(let newRate):
                rate = newRate
            case .measureEvalMode(let on):
                measuresEvalMode = on
                trainer?.measuresEvalMode = on
                // Paused, the next step may be far off: show eval mode on the last batch now.
                if on, !isRunning, history.latest?.layers.first?.evalModePost == nil,
                   let view = trainer?.evalModeOfLastBatch() {
                    history.setEvalModeOfLatest(posts: view.posts, batch: view.batch)
                }
            }
        }
        if isDiverged { stopStepping() }
    }

    /// The snapshot to show while the next step runs, when steps are slow enough to mention.
    var slowStepSnapshot: RunSnapshot? {
        guard wantsStep, lastStepDuration >= SlowStep.threshold || (trainer?.stepCount == 0 && config.shape.count >= 1 << 20)
        else { return nil }
        var snapshot = snapshot
        snapshot.slowStepInProgress = SlowStep(step: snapshot.stepCount + 1, secondsPerStep: lastStepDuration)
        // The step about to run is named by `slowStepInProgress`; the rest wait behind it.
        snapshot.requestedSteps = max(0, requestedSteps - 1)
        return snapshot
    }

    /// Builds the run afresh and asks for its first step, so the screen has histograms at once.
    /// Steps still asked of the old run are dropped: they were meant for it.
    mutating func reset(to newConfig: ExperimentConfig, generation newGeneration: Int) {
        config = newConfig
        lastStepDuration = 0
        generation = newGeneration
        history = TrainingHistory(layerCount: newConfig.depth)
        requestedSteps = 0
        do {
            var fresh = try Trainer(config: newConfig)
            fresh.measuresEvalMode = measuresEvalMode
            fresh.threads = threads
            trainer = fresh
            failure = nil
            requestedSteps = 1
        } catch {
            trainer = nil
            failure = Divergence(step: 0, description: "cannot start: \(error.description)")
        }
    }

    var isDiverged: Bool { trainer?.isDiverged ?? true }

    /// Steps taken by the current run.
    var stepCount: Int { trainer?.stepCount ?? 0 }

    var stepRequested: Bool { requestedSteps > 0 }

    /// Whether there is a step to take now (a requested one, or the run is going).
    var wantsStep: Bool { !isDiverged && (stepRequested || isRunning) }

    mutating func step() {
        guard var trainer, !trainer.isDiverged else {
            stopStepping()
            return
        }
        requestedSteps = max(0, requestedSteps - 1)
        // Take the trainer out while it steps, so its arrays are not shared and copied.
        self.trainer = nil
        let start = ContinuousClock.now
        history.record(trainer.step())
        let elapsed = ContinuousClock.now - start
        lastStepDuration = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        self.trainer = trainer
        if trainer.isDiverged { stopStepping() }
    }

    /// A diverged run (or one that could not start) takes no more steps, asked for or not.
    private mutating func stopStepping() {
        isRunning = false
        requestedSteps = 0
    }

    var snapshot: RunSnapshot {
        var snapshot = RunSnapshot(config: config, generation: generation)
        snapshot.history = history
        snapshot.stepCount = stepCount
        snapshot.divergence = trainer?.divergence ?? failure
        snapshot.isTraining = isRunning
        snapshot.requestedSteps = requestedSteps
        return snapshot
    }
}

/// The main screen's training run on its own thread.
typealias TrainingSession = BackgroundRunner<SessionWorker>

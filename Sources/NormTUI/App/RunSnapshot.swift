import NormMath

/// What the UI knows of the training run at one moment: a copy the training thread publishes,
/// so that drawing never waits for a step.
struct RunSnapshot: Sendable {
    /// The configuration the run was built with (it changes only through a reset).
    var config: ExperimentConfig
    var history: TrainingHistory
    var stepCount: Int
    var divergence: Divergence?
    /// Whether the training thread is stepping on its own.
    var isTraining: Bool
    /// Single steps asked for (`s`) that have not begun yet, shown as "3 steps queued".
    var requestedSteps: Int
    /// Bumped by every reset, so a snapshot of an old run is recognizably old.
    var generation: Int
    /// Set while a slow step is being computed, so the screen can say so instead of looking
    /// frozen; `nil` while steps are quick.
    var slowStepInProgress: SlowStep?

    init(config: ExperimentConfig, generation: Int = 0) {
        self.config = config
        history = TrainingHistory(layerCount: config.depth)
        stepCount = 0
        divergence = nil
        isTraining = false
        requestedSteps = 0
        self.generation = generation
        slowStepInProgress = nil
    }

    var latest: StepReport? { history.latest }
}

/// A step that takes long enough to mention: which one, and how long the last one took.
struct SlowStep: Sendable, Equatable {
    var step: Int
    var secondsPerStep: Double

    /// Steps slower than this are announced while they run.
    static let threshold = 0.25
}

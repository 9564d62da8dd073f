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
    /// Bumped by every reset, so a snapshot of an old run is recognizably old.
    var generation: Int

    init(config: ExperimentConfig, generation: Int = 0) {
        self.config = config
        history = TrainingHistory(layerCount: config.depth)
        stepCount = 0
        divergence = nil
        isTraining = false
        self.generation = generation
    }

    var latest: StepReport? { history.latest }
}

import NormMath

/// Several training runs side by side — same seed, data and initial weights, differing in one
/// setting — stepped together. Most lessons are "the same network with and without …".
struct LessonRuns: Sendable {
    struct Run: Sendable {
        /// How the run is named on screen, e.g. "Batch Norm".
        let name: Localized
        var trainer: Trainer
        var history: TrainingHistory
    }

    private(set) var runs: [Run]

    /// One run per configuration.
    /// - Precondition: every configuration is valid (lessons use fixed, tested presets).
    init(_ configurations: [(Localized, ExperimentConfig)]) {
        runs = configurations.map { name, config in
            do {
                let trainer = try Trainer(config: config)
                return Run(name: name, trainer: trainer, history: TrainingHistory(layerCount: config.depth))
            } catch {
                preconditionFailure("lesson preset refused: \(error)")
            }
        }
    }

    /// Runs of `base` that differ only in the normalization variant.
    init(base: ExperimentConfig = ExperimentConfig(), variants: [(Localized, NormVariant)]) {
        self.init(variants.map { name, variant in
            var config = base
            config.variant = variant
            return (name, config)
        })
    }

    /// One training step of every run that has not diverged.
    mutating func step() {
        for index in runs.indices where !runs[index].trainer.isDiverged {
            let report = runs[index].trainer.step()
            runs[index].history.record(report)
        }
    }

    subscript(index: Int) -> Run {
        get { runs[index] }
        set { runs[index] = newValue }
    }

    var count: Int { runs.count }
}

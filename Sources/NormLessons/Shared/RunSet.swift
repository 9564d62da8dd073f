import NormMath

/// The training runs of a lesson: several runs — the same network with and without …, at
/// several batch sizes, … — each repeated on several seeds, all stepped together. Every run of
/// one seed starts from the same data, the same batches and the same initial weights (a
/// ``Trainer`` builds all three from the seed), so that what differs between the runs is only
/// what the lesson varies. The screen shows the first seed; the other seeds are there for
/// measuring a claim over many of them (one seed by default).
///
/// Shape: `runs × seeds`, stored seed by seed.
public struct RunSet: Sendable {
    /// One run on one seed: its trainer and the bounded history of its steps.
    public struct Run: Sendable {
        /// How the run is named on screen, e.g. "Batch Norm".
        public let name: Localized
        public var trainer: Trainer
        public var history: TrainingHistory
    }

    /// What a run is before it starts: a name, a configuration (its seed is replaced by each
    /// of the set's seeds), and what to set up on the trainer before the first step — the
    /// ``Trainer`` hooks, e.g. a gradient transform or an initialization of its own.
    public struct Plan: Sendable {
        public var name: Localized
        public var config: ExperimentConfig
        public var prepare: @Sendable (inout Trainer) -> Void = { _ in }
    }

    /// The seeds, one set of runs each; the first one's runs are what the screen shows.
    public let seeds: [UInt64]
    /// `bySeed[s][r]`: run `r` on seed `seeds[s]`.
    private var bySeed: [[Run]]

    /// - Parameter seeds: by default the first plan's seed alone.
    /// - Precondition: every plan is valid (lessons use fixed, tested presets).
    public init(plans: [Plan], seeds: [UInt64]? = nil) {
        precondition(!plans.isEmpty, "a run set needs at least one run")
        let seeds = seeds ?? [plans[0].config.seed]
        precondition(!seeds.isEmpty, "a run set needs at least one seed")
        self.seeds = seeds
        bySeed = seeds.map { seed in
            plans.map { plan in
                var config = plan.config
                config.seed = seed
                do {
                    var trainer = try Trainer(config: config)
                    plan.prepare(&trainer)
                    return Run(name: plan.name, trainer: trainer, history: TrainingHistory(layerCount: config.depth))
                } catch {
                    preconditionFailure("lesson preset refused: \(error)")
                }
            }
        }
    }

    /// One run per named configuration.
    public init(_ configurations: [(Localized, ExperimentConfig)], seeds: [UInt64]? = nil) {
        self.init(plans: configurations.map { Plan(name: $0.0, config: $0.1) }, seeds: seeds)
    }

    /// Runs of `base` that differ only in the normalization variant.
    public init(base: ExperimentConfig = ExperimentConfig(), variants: [(Localized, NormVariant)], seeds: [UInt64]? = nil) {
        self.init(variants.map { name, variant in
            var config = base
            config.variant = variant
            return (name, config)
        }, seeds: seeds)
    }

    /// One training step of every run, on every seed, that has not diverged.
    public mutating func step() {
        for seed in bySeed.indices {
            for run in bySeed[seed].indices where !bySeed[seed][run].trainer.isDiverged {
                let report = bySeed[seed][run].trainer.step()
                bySeed[seed][run].history.record(report)
            }
        }
    }

    /// Runs per seed.
    public var count: Int { bySeed[0].count }
    /// The runs on the first seed: what the screen shows.
    public var runs: [Run] { bySeed[0] }

    /// Run `run` on the first seed.
    public subscript(run: Int) -> Run {
        get { bySeed[0][run] }
        set { bySeed[0][run] = newValue }
    }

    /// Run `run` on `seeds[seed]`.
    public subscript(run: Int, seed seed: Int) -> Run {
        get { bySeed[seed][run] }
        set { bySeed[seed][run] = newValue }
    }

    /// Steps taken by the first run (another may have stopped earlier, diverged).
    public var stepCount: Int { bySeed[0][0].trainer.stepCount }

    /// What a run's column says when it stopped: the divergence, shortened.
    public func stopNote(_ run: Int) -> Localized? {
        guard let divergence = bySeed[0][run].trainer.divergence else { return nil }
        return Localized(en: "diverged at step \(divergence.step)", de: "divergiert bei Schritt \(divergence.step)")
    }
}

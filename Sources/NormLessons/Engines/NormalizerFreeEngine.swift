import NormMath

/// Lesson 16's experiment: the same 6-block conv net at the same large learning rate four
/// ways — with batch norm; without normalization; without normalization but with adaptive
/// gradient clipping (AGC, Brock et al. 2021); and AGC after a data-dependent initialization
/// that scales every block to unit variance on a first batch (LSUV, Mishkin & Matas 2016). It
/// is not NFNets' recipe, which adds Scaled Weight Standardization and scaled residual branches;
/// the lesson says so. One training step of each run on every seed per advance.
public struct NormalizerFreeEngine: LessonEngine {
    public static let depth = 6
    /// Large enough that the plain network is thrown off at it; batch norm trains happily.
    public static let learningRate = 0.2
    /// λ = 0.01: at this rate 0.02 trains worse and 0.04 lets the clipped networks blow up.
    public static let clipping = AdaptiveGradientClipping(threshold: 0.01)
    /// The runs that clip, in the order of ``lines(seed:)``: AGC alone, and after the LSUV init.
    public static let clippedRuns = [2, 3]

    /// Batch norm; no normalization; no normalization with clipping, from He-initialized
    /// weights; and clipping after the unit-variance initialization. The last two are
    /// ``Trainer``s with hooks: a gradient transform and an initialization.
    public private(set) var runs: RunSet
    public private(set) var stepCount = 0
    /// Per seed, per run: the sum over steps of the fraction of units clipped (0 for runs that
    /// do not clip), for the mean since the start.
    private var clippedSums: [[Double]]
    /// Per seed, per run: the largest relative change of a weight unit in one step so far
    /// (``UnitStepSize``), measured for the runs that clip.
    public private(set) var largestUnitStep: [[Double]]

    public init(seeds: LessonSeeds = .standard) {
        var normalized = ExperimentConfig()
        normalized.depth = Self.depth
        normalized.learningRate = Self.learningRate
        var plain = normalized
        plain.variant = .none
        let clipped: @Sendable (inout Trainer) -> Void = { $0.gradientTransform = NetworkGradientClipping(Self.clipping) }
        runs = RunSet(plans: [
            RunSet.Plan(name: Localized(en: "Batch Norm", de: "Batch Norm"), config: normalized),
            RunSet.Plan(name: Localized(en: "no normalization", de: "ohne Normalisierung"), config: plain),
            RunSet.Plan(name: Localized(en: "no norm + AGC", de: "ohne Norm. + AGC"), config: plain, prepare: clipped),
            RunSet.Plan(name: Localized(en: "LSUV init + AGC", de: "LSUV-Init + AGC"), config: plain) { trainer in
                Self.scaleToUnitVariance(&trainer)
                clipped(&trainer)
            },
        ], seeds: seeds.all)
        clippedSums = Array(repeating: Array(repeating: 0, count: 4), count: seeds.count)
        largestUnitStep = clippedSums
    }

    /// The data-dependent initialization: every block scaled to unit variance on the first
    /// batch of the training set.
    public static func scaleToUnitVariance(_ trainer: inout Trainer) {
        let n = trainer.config.shape.n
        trainer.initializeWeights { network, trainingSet in
            do {
                try network.scaleToUnitVariance(on: trainingSet.batch(0..<n).images, batch: n)
            } catch {
                preconditionFailure("a network without normalization refused a batch: \(error)")
            }
        }
    }

    public mutating func advance() {
        let seeds = runs.seeds.indices
        let before = seeds.map { seed in Self.clippedRuns.map { runs[$0, seed: seed].trainer.network } }
        runs.step()
        stepCount += 1
        for seed in seeds {
            for (slot, index) in Self.clippedRuns.enumerated() {
                let trainer = runs[index, seed: seed].trainer
                clippedSums[seed][index] += clippedFraction(index, seed: seed) ?? 0
                let moved = UnitStepSize.largest(from: before[seed][slot], to: trainer.network)
                largestUnitStep[seed][index] = max(largestUnitStep[seed][index], moved)
            }
        }
    }

    /// One run's name, losses and held-out accuracies, in the order of the table.
    public struct Line: Sendable {
        public var name: Localized
        public var loss: [Double]
        public var heldOutAccuracy: [Double]
        /// The fraction of units clipped at the last step, for the runs that clip.
        public var clippedFraction: Double?
        public var stopNote: Localized?
    }

    /// The four runs on seed number `seed` (0: the screen's).
    public func lines(seed: Int = 0) -> [Line] {
        (0..<runs.count).map { index in
            let run = runs[index, seed: seed]
            return Line(
                name: run.name, loss: run.history.loss.elements,
                heldOutAccuracy: run.history.evaluations.elements.map(\.evaluation.accuracy),
                clippedFraction: clippedFraction(index, seed: seed), stopNote: seed == 0 ? runs.stopNote(index) : nil)
        }
    }

    /// The fraction of units run `index` clipped at its last step; `nil` for runs that do not clip.
    public func clippedFraction(_ index: Int, seed: Int = 0) -> Double? {
        (runs[index, seed: seed].trainer.gradientTransform as? NetworkGradientClipping)?.clippedFraction
    }

    /// The mean over the steps so far of the fraction of units run `index` clipped.
    public func meanClippedFraction(_ index: Int, seed: Int = 0) -> Double {
        stepCount == 0 ? 0 : clippedSums[seed][index] / Double(stepCount)
    }

    /// Run `index`'s mean training loss over its last `window` steps, on seed number `seed`.
    public func recentLoss(_ index: Int, window: Int = 50, seed: Int = 0) -> Double {
        LossCurve.recentMean(runs[index, seed: seed].history.loss.elements, window: window)
    }

    /// Run `index`'s latest held-out accuracy (eval mode, every 25 steps), on seed number `seed`.
    public func heldOutAccuracy(_ index: Int, seed: Int = 0) -> Double? {
        runs[index, seed: seed].history.evaluations.last?.evaluation.accuracy
    }

    /// The mean held-out accuracy of the last `count` evaluations (one every 25 steps): at this
    /// learning rate a single evaluation of a clipped network swings by 15 points.
    public func recentHeldOutAccuracy(_ index: Int, seed: Int = 0, evaluations count: Int = 4) -> Double? {
        let recent = runs[index, seed: seed].history.evaluations.suffix(count).map(\.evaluation.accuracy)
        return recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
    }

    public func record() -> LessonRecord {
        let lines = lines()
        var record = LessonRecord(step: stepCount)
        for (prefix, line) in zip(Self.recordPrefixes, lines) {
            record.append("\(prefix)_loss", line.loss.last)
        }
        for (prefix, line) in zip(Self.recordPrefixes, lines) {
            record.append("\(prefix)_heldout_accuracy", line.heldOutAccuracy.last)
        }
        record.append("nf_clipped_fraction", clippedFraction(3))
        return record
    }

    /// The four networks in the record's column names, in the order of ``lines(seed:)``. The
    /// LSUV run keeps the column name it always had, `nf` (normalizer-free), for scripts.
    public static let recordPrefixes = ["bn", "none", "agc", "nf"]
}

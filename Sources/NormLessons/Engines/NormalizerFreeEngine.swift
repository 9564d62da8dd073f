import NormMath

/// Lesson 11's experiment: the same 6-block conv net at the same large learning rate four
/// ways — with batch norm; without normalization; without normalization but with adaptive
/// gradient clipping; and normalizer-free, with a unit-variance initialization and the
/// clipping (Brock et al. 2021). One training step of each per advance.
public struct NormalizerFreeEngine: LessonEngine {
    public static let depth = 6
    /// Large enough that the plain network dies at it; batch norm trains happily.
    public static let learningRate = 0.2
    /// λ = 0.01: at this rate 0.02 trains worse and 0.04 lets the clipped networks blow up.
    public static let clipping = AdaptiveGradientClipping(threshold: 0.01)

    /// Batch norm; no normalization; no normalization with clipping, from He-initialized
    /// weights; and normalizer-free, clipping after the unit-variance initialization. The last
    /// two are ``Trainer``s with hooks: a gradient transform and an initialization.
    public private(set) var runs: RunSet
    public private(set) var stepCount = 0

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
            RunSet.Plan(name: Localized(en: "NF: init + AGC", de: "NF: Init + AGC"), config: plain) { trainer in
                Self.scaleToUnitVariance(&trainer)
                clipped(&trainer)
            },
        ], seeds: seeds.all)
    }

    /// The normalizer-free initialization: every block scaled to unit variance on the first
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
        runs.step()
        stepCount += 1
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

    public func lines() -> [Line] {
        (0..<runs.count).map { index in
            let run = runs[index]
            return Line(
                name: run.name, loss: run.history.loss.elements,
                heldOutAccuracy: run.history.evaluations.elements.map(\.evaluation.accuracy),
                clippedFraction: clippedFraction(index), stopNote: runs.stopNote(index))
        }
    }

    /// The fraction of units run `index` clipped at its last step; `nil` for runs that do not clip.
    public func clippedFraction(_ index: Int) -> Double? {
        (runs[index].trainer.gradientTransform as? NetworkGradientClipping)?.clippedFraction
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

    /// The four networks in the record's column names, in the order of ``lines(_:)``.
    public static let recordPrefixes = ["bn", "none", "agc", "nf"]
}

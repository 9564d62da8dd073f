import NormMath

/// Lesson 12's experiment: a tiny Transformer encoder learns to sort digits, from the same
/// initial weights and on the same batches in each variant — Post-LN, Post-LN with a linear
/// warm-up, Post-LN with QK norm, Pre-LN, Pre-LN with QK norm and Pre-LN with RMSNorm — at one learning rate. At
/// initialization it measures each block's weight-gradient norm (Xiong et al. 2020); while
/// training, the loss and the largest attention logit (Dehghani et al. 2023).
public struct TransformerEngine: LessonEngine {
    public static let length = 8
    public static let width = 32
    public static let heads = 4
    public static let hidden = 64
    public static let depth = 2
    public static let batchSize = 32
    public static let learningRate = 0.3
    public static let momentum = 0.9
    public static let warmupSteps = 100
    /// Batches the gradient norms at initialization are averaged over.
    public static let probeBatches = 4

    /// One variant of the model and its training.
    public struct Plan: Sendable {
        public let name: String
        public let column: String
        public let placement: LayerNormPlacement
        public let norm: NormVariant
        public let qkNorm: Bool
        public let warmup: Int
    }

    /// The runs, in the order of every table and chart.
    public static let plans: [Plan] = [
        Plan(name: "Post", column: "post_ln", placement: .post, norm: .layer, qkNorm: false, warmup: 0),
        Plan(name: "Post+W", column: "post_ln_warmup", placement: .post, norm: .layer, qkNorm: false, warmup: warmupSteps),
        Plan(name: "Post+QK", column: "post_ln_qk_norm", placement: .post, norm: .layer, qkNorm: true, warmup: 0),
        Plan(name: "Pre", column: "pre_ln", placement: .pre, norm: .layer, qkNorm: false, warmup: 0),
        Plan(name: "Pre+QK", column: "pre_ln_qk_norm", placement: .pre, norm: .layer, qkNorm: true, warmup: 0),
        Plan(name: "Pre-RMS", column: "pre_rmsnorm", placement: .pre, norm: .rms, qkNorm: false, warmup: 0),
    ]
    /// Indices into ``plans``.
    public static let (post, postWarmup, postQK, pre, preQK, preRMS) = (0, 1, 2, 3, 4, 5)

    /// What one seed starts from and trains.
    public struct SeedRuns: Sendable {
        public let seed: UInt64
        /// ‖∂L/∂W‖ of each block at initialization, input side first, per plan index (a
        /// warm-up does not change the start: Post+W's equal Post's).
        public let initialGradientNorms: [[Double]]
        public fileprivate(set) var runs: [TransformerRun]
    }

    public private(set) var bySeed: [SeedRuns]
    public private(set) var stepCount = 0

    /// The runs the charts draw, three at a time so that every legend fits at 80 columns: one
    /// placement, plain and with its remedies (key g).
    public static let shownGroups: [(runs: [Int], name: String)] = [
        ([post, postWarmup, postQK], "Post-LN"),
        ([pre, preQK, preRMS], "Pre-LN"),
    ]
    /// Which of ``shownGroups`` the charts draw.
    public private(set) var shownGroup = 0

    public init(seeds: LessonSeeds = .standard) {
        bySeed = seeds.all.map { seed in
            let models = Self.plans.map { plan in
                var generator = SeededGenerator(seed: seed, stream: 0)
                return TinyTransformer(
                    placement: plan.placement, norm: plan.norm, vocabulary: DigitSorting.vocabulary, length: Self.length,
                    width: Self.width, heads: Self.heads, hidden: Self.hidden, depth: Self.depth,
                    normalizesQueriesAndKeys: plan.qkNorm, using: &generator)
            }
            let runs = zip(Self.plans, models).map { plan, model in
                TransformerRun(
                    name: plan.name, model: model, batchSize: Self.batchSize, learningRate: Self.learningRate,
                    momentum: Self.momentum, warmup: LinearWarmup(steps: plan.warmup), seed: seed)
            }
            return SeedRuns(seed: seed, initialGradientNorms: models.map { Self.gradientNorms(of: $0, seed: seed) }, runs: runs)
        }
    }

    /// The first seed's runs: what the tables show for one seed.
    public var runs: [TransformerRun] { bySeed[0].runs }

    /// Per block, ‖∂L/∂W‖ over its six weight matrices, averaged over ``probeBatches``
    /// batches of their own (the same for every model of a seed).
    public static func gradientNorms(of model: TinyTransformer, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed, stream: 18)
        var sums = [Double](repeating: 0, count: model.blocks.count)
        for _ in 0..<probeBatches {
            let batch = DigitSorting.batch(count: batchSize, length: model.length, using: &generator)
            let pass = model.forward(batch.tokens, sequences: batchSize)
            let dlogits = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.targets, classes: model.vocabulary).dlogits
            for (block, gradients) in model.backward(dlogits: dlogits, pass: pass).blocks.enumerated() {
                sums[block] += gradients.weightNorm
            }
        }
        return sums.map { $0 / Double(probeBatches) }
    }

    /// The gradient norms at initialization of plan `plan` on seed number `seed`.
    public func initialGradientNorms(_ plan: Int, seed: Int = 0) -> [Double] { bySeed[seed].initialGradientNorms[plan] }

    public mutating func advance() {
        for seed in bySeed.indices {
            for index in bySeed[seed].runs.indices { bySeed[seed].runs[index].step() }
        }
        stepCount += 1
    }

    /// Mean training loss of run `plan` over its last `window` steps, on seed number `seed`.
    public func recentLoss(_ plan: Int, window: Int = 50, seed: Int = 0) -> Double {
        LossCurve.recentMean(bySeed[seed].runs[plan].loss.elements, window: window)
    }

    /// The largest attention logit run `plan` has seen in steps `steps` (all so far by
    /// default), on seed number `seed`.
    public func peakLogit(_ plan: Int, steps: ClosedRange<Int>? = nil, seed: Int = 0) -> Double {
        let logits = bySeed[seed].runs[plan].largestLogit
        let first = logits.totalAppended - logits.count + 1
        let kept = logits.elements.enumerated().filter { steps?.contains(first + $0.offset) ?? true }.map(\.element)
        return kept.max() ?? .nan
    }

    public var keys: [LessonKey] {
        [LessonKey("g", help: Localized(en: "Post-LN or Pre-LN runs", de: "Post-LN- oder Pre-LN-Läufe"))]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        guard key == "g" else { return nil }
        shownGroup = (shownGroup + 1) % Self.shownGroups.count
        let group = Self.shownGroups[shownGroup]
        let names = group.runs.map { Self.plans[$0].name }.joined(separator: ", ")
        return Localized(en: "charts: \(names)", de: "Diagramme: \(names)")
    }

    /// The largest attention logit of run `plan`'s first step: where it started.
    public func firstLogit(_ plan: Int, seed: Int = 0) -> Double {
        bySeed[seed].runs[plan].largestLogit.elements.first ?? .nan
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (plan, run) in zip(Self.plans, runs) {
            record.append("loss_\(plan.column)", run.loss.last)
            record.append("largest_logit_\(plan.column)", run.largestLogit.last)
        }
        for plan in [Self.post, Self.pre, Self.preRMS] {
            for (block, norm) in initialGradientNorms(plan).enumerated() {
                record.append("init_grad_norm_\(Self.plans[plan].column)_block\(block + 1)", norm)
            }
        }
        return record
    }
}

import NormMath

/// Lesson 11's experiment: a 12-block residual MLP with layer norm after (Post-LN) or before
/// (Pre-LN) the residual add. At initialization it measures every block's weight-gradient norm;
/// then it trains both placements with and without a linear warm-up, a step of each per advance,
/// on every seed of the lesson.
public struct PrePostLNEngine: LessonEngine {
    public static let depth = 12
    public static let width = 32
    public static let hidden = 64
    public static let batchSize = 32
    /// Pre-LN trains at it with or without warm-up; Post-LN, with or without, stays behind.
    public static let learningRate = 0.03
    public static let momentum = 0.9
    public static let warmupSteps = 100
    /// Held-out batches the gradient norms at initialization are averaged over.
    public static let probeBatches = 8

    /// The four runs: each placement without and with warm-up, named on screen and in the record.
    public static let plans: [(placement: LayerNormPlacement, warmup: Int, name: String, column: String)] = [
        (.post, 0, "Post", "loss_post"), (.post, warmupSteps, "Post+W", "loss_post_warmup"),
        (.pre, 0, "Pre", "loss_pre"), (.pre, warmupSteps, "Pre+W", "loss_pre_warmup"),
    ]

    /// What one seed starts from and trains: its networks' gradients at initialization and its
    /// four runs (in the order of ``plans``).
    public struct SeedRuns: Sendable {
        public let seed: UInt64
        /// ‖∂L/∂W‖ of each block at initialization, input side first (``gradientNorms(of:on:)``).
        public let initialGradientNorms: [LayerNormPlacement: [Double]]
        public fileprivate(set) var runs: [ResidualRun]
    }

    /// One entry per seed of the lesson; the first is what the screen shows.
    public private(set) var bySeed: [SeedRuns]
    private let heldOut: Dataset
    public private(set) var stepCount = 0

    public init(seeds: LessonSeeds = .standard) {
        let (train, heldOut) = DigitsSplit.make()
        self.heldOut = heldOut
        bySeed = seeds.all.map { seed in
            var models: [LayerNormPlacement: ResidualMLP] = [:]
            var norms: [LayerNormPlacement: [Double]] = [:]
            for placement in LayerNormPlacement.allCases {
                var generator = SeededGenerator(seed: seed, stream: 0)
                let model = ResidualMLP(
                    placement: placement, inputSize: train.imageSize, width: Self.width, hidden: Self.hidden, depth: Self.depth,
                    classCount: train.classCount, using: &generator)
                models[placement] = model
                norms[placement] = Self.gradientNorms(of: model, on: heldOut)
            }
            let runs = Self.plans.map { plan in
                ResidualRun(
                    name: plan.name, model: models[plan.placement]!, data: train,
                    batchSize: Self.batchSize, learningRate: Self.learningRate, momentum: Self.momentum,
                    warmup: LinearWarmup(steps: plan.warmup), seed: seed)
            }
            return SeedRuns(seed: seed, initialGradientNorms: norms, runs: runs)
        }
    }

    /// The first seed's runs: what the screen shows.
    public var runs: [ResidualRun] { bySeed[0].runs }

    /// The gradient norms at initialization of `placement` on seed number `seed` (0: the screen's).
    public func initialGradientNorms(_ placement: LayerNormPlacement, seed: Int = 0) -> [Double] {
        bySeed[seed].initialGradientNorms[placement]!
    }

    /// Per block, √(‖∂L/∂W₁‖² + ‖∂L/∂W₂‖²), averaged over the first ``probeBatches`` held-out batches.
    public static func gradientNorms(of model: ResidualMLP, on data: Dataset) -> [Double] {
        var sums = [Double](repeating: 0, count: model.blocks.count)
        for index in 0..<probeBatches {
            let batch = data.batch((index * batchSize)..<((index + 1) * batchSize))
            let pass = model.forward(batch.images, batch: batchSize)
            let dlogits = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: model.classCount).dlogits
            for (block, g) in model.backward(dlogits: dlogits, pass: pass).blocks.enumerated() {
                sums[block] += (squaredNorm(g.expand.weight) + squaredNorm(g.project.weight)).squareRoot()
            }
        }
        return sums.map { $0 / Double(probeBatches) }
    }

    public static func squaredNorm(_ values: [Float]) -> Double {
        values.reduce(0) { $0 + Double($1) * Double($1) }
    }

    /// The last block's gradient norm over the first's, on seed number `seed`: > 1 grows toward
    /// the output.
    public func lastToFirstRatio(_ placement: LayerNormPlacement, seed: Int = 0) -> Double {
        let norms = initialGradientNorms(placement, seed: seed)
        return norms[norms.count - 1] / norms[0]
    }

    public mutating func advance() {
        for seed in bySeed.indices {
            for index in bySeed[seed].runs.indices { bySeed[seed].runs[index].step() }
        }
        stepCount += 1
    }

    /// Mean training loss of each run over its last `window` steps, on seed number `seed`.
    public func recentLoss(window: Int = 50, seed: Int = 0) -> [Double] {
        bySeed[seed].runs.map { LossCurve.recentMean($0.loss.elements, window: window) }
    }

    /// Each run's accuracy on the whole held-out set, on seed number `seed`.
    public func heldOutAccuracy(seed: Int = 0) -> [Double] { bySeed[seed].runs.map { $0.accuracy(on: heldOut) } }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (plan, run) in zip(Self.plans, runs) {
            record.append(plan.column, run.loss.last)
        }
        record.append("post_ln_grad_ratio_last_first", lastToFirstRatio(.post))
        record.append("pre_ln_grad_ratio_last_first", lastToFirstRatio(.pre))
        return record
    }
}

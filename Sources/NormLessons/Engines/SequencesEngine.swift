import NormMath

/// Lesson 10's experiment (glossary: "Anwendungsgebiete: Rekurrente Netzwerke"; Ba et al.
/// 2016): two GRUs on the adding problem (``AddingProblem``), the same initial weights and the
/// same batches, one with its recurrent summed inputs layer-normalized
/// (``GatedRecurrentUnit``). Every ``evaluationInterval`` steps both look at one held-out batch:
/// the loss, how much gradient reaches each time step (‖∂L/∂h_t‖) and how far the hidden state
/// spreads at each step. Beside them, batch norm's misfit measured on the lesson's own data:
/// per-step statistics of a padded batch of sequences of different lengths.
public struct SequencesEngine: LessonEngine {
    /// T, the length of every training sequence.
    public static let length = 60
    /// H, the hidden units of each GRU.
    public static let hiddenSize = 16
    public static let batchSize = 32
    public static let learningRate = 0.01
    /// Steps between two looks at the held-out batch.
    public static let evaluationInterval = 25
    /// The held-out batch's size.
    public static let probeSize = 128
    /// The padded batch's shortest sequence.
    public static let shortestPadded = 15

    /// One seed's runs and measurements.
    public struct SeedRun: Sendable {
        /// The plain GRU, then the one with layer norm.
        public var models: [RecurrentRegressor]
        var batches: SeededGenerator
        let probeBatch: (x: [Float], targets: [Float])
        /// Per model, the training loss of every step.
        public var loss: [RingBuffer<Double>]
        /// Per model, the held-out loss at every look.
        public var heldOutLoss: [RingBuffer<Double>]
        /// Per model, the latest look and the one before training.
        public var probes: [RecurrentRegressor.Probe]
        public let initialProbes: [RecurrentRegressor.Probe]
        /// Batch norm's view of a padded batch.
        public let padded: PaddedBatchStatistics
    }

    public private(set) var runs: [SeedRun]
    public let seeds: LessonSeeds
    public private(set) var stepCount = 0
    /// The steps of the looks at the held-out batch.
    public private(set) var measuredSteps = RingBuffer<Int>(capacity: TrainingHistory.defaultCapacity)

    public init(seeds: LessonSeeds = .standard) {
        self.seeds = seeds
        runs = seeds.all.map { seed in
            var probeGenerator = SeededGenerator(seed: seed, stream: 17)
            let probeBatch = AddingProblem.batch(count: Self.probeSize, length: Self.length, using: &probeGenerator)
            var paddingGenerator = SeededGenerator(seed: seed, stream: 18)
            let padded = PaddedBatchStatistics(
                count: Self.batchSize, length: Self.length, shortest: Self.shortestPadded, using: &paddingGenerator)
            let models = [false, true].map {
                RecurrentRegressor(seed: seed, hiddenSize: Self.hiddenSize, layerNormalized: $0, learningRate: Self.learningRate)
            }
            let probes = models.map { $0.probe(probeBatch.x, targets: probeBatch.targets) }
            let buffer = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
            var heldOut = [buffer, buffer]
            for model in 0..<2 { heldOut[model].append(probes[model].loss) }
            return SeedRun(
                models: models, batches: SeededGenerator(seed: seed, stream: 19), probeBatch: probeBatch,
                loss: [buffer, buffer], heldOutLoss: heldOut, probes: probes, initialProbes: probes, padded: padded)
        }
        measuredSteps.append(0)
    }

    public mutating func advance() {
        for index in runs.indices {
            let batch = AddingProblem.batch(count: Self.batchSize, length: Self.length, using: &runs[index].batches)
            for model in 0..<2 {
                runs[index].loss[model].append(runs[index].models[model].train(batch.x, targets: batch.targets))
            }
        }
        stepCount += 1
        if stepCount % Self.evaluationInterval == 0 { measure() }
    }

    private mutating func measure() {
        for index in runs.indices {
            let batch = runs[index].probeBatch
            for model in 0..<2 {
                let probe = runs[index].models[model].probe(batch.x, targets: batch.targets)
                runs[index].probes[model] = probe
                runs[index].heldOutLoss[model].append(probe.loss)
            }
        }
        measuredSteps.append(stepCount)
    }

    /// The latest held-out loss of model `model` (0 plain, 1 layer norm) on seed number `seed`.
    public func heldOutLoss(_ model: Int, seed: Int = 0) -> Double? { runs[seed].heldOutLoss[model].last }

    /// The mean training loss of model `model` over the last `window` steps.
    public func recentLoss(_ model: Int, window: Int = 50, seed: Int = 0) -> Double {
        LossCurve.recentMean(runs[seed].loss[model].elements, window: window)
    }

    /// ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ at the latest look: how much of the error at the end reaches the
    /// first step (1 = all of it, ≪ 1 = it vanished on the way).
    public func firstToLastGradient(_ model: Int, seed: Int = 0, initial: Bool = false) -> Double {
        let norms = (initial ? runs[seed].initialProbes : runs[seed].probes)[model].gradientNorms
        return norms[0] / norms[norms.count - 1]
    }

    /// The standard deviation of h_T (every sample and unit) at the latest look, or before training.
    public func finalSpread(_ model: Int, seed: Int = 0, initial: Bool = false) -> Double {
        (initial ? runs[seed].initialProbes : runs[seed].probes)[model].hiddenSpread.last ?? .nan
    }

    /// The padded batch's mean of the value input divided by its mean over the sequences still
    /// running — how far the padding pulls batch norm's statistic (1 = not at all) — on average
    /// over the steps `steps` (1-based) where one still runs.
    public func paddingPull(steps: ClosedRange<Int>, seed: Int = 0) -> Double {
        let padded = runs[seed].padded
        let ratios = steps.compactMap { t in padded.running[t - 1] > 0 ? padded.paddedMean[t - 1] / padded.runningMean[t - 1] : nil }
        return ratios.isEmpty ? .nan : ratios.reduce(0, +) / Double(ratios.count)
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (model, prefix) in ["plain", "ln"].enumerated() {
            record.append("\(prefix)_loss", runs[0].loss[model].last)
            record.append("\(prefix)_held_out_loss", heldOutLoss(model))
            record.append("\(prefix)_grad_first_over_last", firstToLastGradient(model))
            record.append("\(prefix)_hidden_spread_last", runs[0].probes[model].hiddenSpread.last)
        }
        record.append("padded_over_running_mean_41_60", paddingPull(steps: 41...60))
        return record
    }
}

import NormMath

/// Lesson 7's experiment (glossary: "Implizite Regularisierung"): batch norm at three batch
/// sizes; every `interval` steps the batch-to-batch spread of layer 1's statistics and the
/// accuracy on the training and held-out images.
public struct BatchNoiseEngine: LessonEngine {
    public static let batchSizes = [4, 16, 64]
    public static let interval = 50
    /// Batches drawn for each spread measurement.
    public static let spreadBatches = 16

    /// One measurement of one run.
    public struct Measurement: Sendable {
        public var step: Int
        public var spread: BatchStatisticsSpread
        public var training: Evaluation
        public var heldOut: Evaluation
        /// Training minus held-out accuracy: the generalization gap.
        public var gap: Double { training.accuracy - heldOut.accuracy }
    }

    public private(set) var runs: RunSet
    /// Per run, every measurement (the last ``TrainingHistory/defaultCapacity``).
    public private(set) var measurements: [RingBuffer<Measurement>]
    public private(set) var stepCount = 0

    public init(seeds: LessonSeeds = .standard) {
        runs = RunSet(Self.batchSizes.map { n in
            var config = ExperimentConfig()
            config.shape = TensorShape(n: n, c: config.shape.c, h: config.shape.h, w: config.shape.w)
            config.evalEvery = 0  // the lesson evaluates itself, on both splits
            return (Localized(en: "N = \(n)", de: "N = \(n)"), config)
        }, seeds: seeds.all)
        measurements = Self.batchSizes.map { _ in RingBuffer(capacity: TrainingHistory.defaultCapacity) }
    }

    public mutating func advance() {
        if stepCount % Self.interval == 0 { measure() }
        runs.step()
        stepCount += 1
    }

    /// The spread of layer 1's batch statistics and both accuracies, for every run.
    private mutating func measure() {
        for index in 0..<runs.count where !runs[index].trainer.isDiverged {
            let trainer = runs[index].trainer
            measurements[index].append(Measurement(
                step: stepCount,
                spread: trainer.batchStatisticsSpread(block: 0, batchSize: trainer.config.shape.n, batchCount: Self.spreadBatches),
                training: trainer.evaluateTrainingSet(), heldOut: trainer.evaluate()))
        }
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (n, series) in zip(Self.batchSizes, measurements) {
            let latest = series.last
            record.append("n\(n)_mean_spread", latest?.spread.relativeSpreadOfMeans)
            record.append("n\(n)_var_spread", latest?.spread.relativeSpreadOfVariances)
            record.append("n\(n)_train_accuracy", latest?.training.accuracy)
            record.append("n\(n)_heldout_accuracy", latest?.heldOut.accuracy)
        }
        return record
    }
}

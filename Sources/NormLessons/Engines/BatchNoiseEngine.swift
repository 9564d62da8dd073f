import NormMath

/// Lesson 8's experiment (glossary: "Implizite Regularisierung"): batch norm at three batch
/// sizes; every `interval` steps the batch-to-batch spread of layer 1's statistics and the
/// accuracy on the training and held-out images, on every seed.
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
    /// `measurementsBySeed[seed][run]`: every measurement of run `run` on seed number `seed`
    /// (the last ``TrainingHistory/defaultCapacity``).
    public private(set) var measurementsBySeed: [[RingBuffer<Measurement>]]
    public private(set) var stepCount = 0

    /// Per run, the measurements on the first seed (the one the screen shows).
    public var measurements: [RingBuffer<Measurement>] { measurementsBySeed[0] }

    public init(seeds: LessonSeeds = .standard) {
        runs = RunSet(Self.batchSizes.map { n in
            var config = ExperimentConfig()
            config.shape = TensorShape(n: n, c: config.shape.c, h: config.shape.h, w: config.shape.w)
            config.evalEvery = 0  // the lesson evaluates itself, on both splits
            return (Localized(en: "N = \(n)", de: "N = \(n)"), config)
        }, seeds: seeds.all)
        measurementsBySeed = Array(
            repeating: Self.batchSizes.map { _ in RingBuffer(capacity: TrainingHistory.defaultCapacity) }, count: seeds.count)
        measure()
    }

    /// One training step of every run; every `interval` steps a measurement right after it, so
    /// that a claim judged at step 600 sees the measurement of step 600.
    public mutating func advance() {
        runs.step()
        stepCount += 1
        if stepCount % Self.interval == 0 { measure() }
    }

    /// The spread of layer 1's batch statistics and both accuracies, for every run on every seed.
    private mutating func measure() {
        for seed in measurementsBySeed.indices {
            for index in 0..<runs.count where !runs[index, seed: seed].trainer.isDiverged {
                let trainer = runs[index, seed: seed].trainer
                measurementsBySeed[seed][index].append(Measurement(
                    step: stepCount,
                    spread: trainer.batchStatisticsSpread(block: 0, batchSize: trainer.config.shape.n, batchCount: Self.spreadBatches),
                    training: trainer.evaluateTrainingSet(), heldOut: trainer.evaluate()))
            }
        }
    }

    /// The measurements of run `run` on seed number `seed` taken at steps `steps`.
    public func measurements(_ run: Int, seed: Int = 0, steps: ClosedRange<Int>) -> [Measurement] {
        measurementsBySeed[seed][run].elements.filter { steps.contains($0.step) }
    }

    /// The mean of `value` over the measurements of run `run` on seed number `seed` at steps
    /// `steps`; `nil` when none was taken there.
    public func mean(
        _ value: (Measurement) -> Double, run: Int, seed: Int = 0, steps: ClosedRange<Int>
    ) -> Double? {
        let values = measurements(run, seed: seed, steps: steps).map(value)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
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

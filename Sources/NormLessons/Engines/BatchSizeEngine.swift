import NormMath

/// Lesson 4's experiment: the batch-size sweep of Wu & He (2018, Fig. 1), a chunk of training
/// per step.
public struct BatchSizeEngine: LessonEngine {
    /// Epochs per point of the default sweep: twelve networks in a few tens of seconds.
    public static let defaultEpochs = 8

    public private(set) var sweep: BatchSizeSweep
    public private(set) var stepCount = 0

    public init(sweep: BatchSizeSweep) {
        self.sweep = sweep
    }

    /// The default sweep on `seeds.first` (a sweep runs one seed: its points are the spread).
    public init(seeds: LessonSeeds = .standard) {
        self.init(sweep: BatchSizeSweep(epochs: Self.defaultEpochs, seed: seeds.first))
    }

    public mutating func advance() {
        sweep.advance()
        stepCount += 1
    }

    public var isFinished: Bool { sweep.isFinished }
    public var progress: Double? { sweep.progress }

    /// Held-out eval-mode accuracy of `variant` at every batch size, `nil` where not yet trained.
    public func evalAccuracies(_ variant: NormVariant) -> [Double?] {
        sweep.batchSizes.map { sweep.result(batchSize: $0, variant: variant)?.evaluation?.accuracy }
    }

    /// The largest minus the smallest of the finished accuracies, `nil` before two are done.
    public static func spread(_ values: [Double?]) -> Double? {
        let done = values.compactMap { $0 }
        guard done.count >= 2, let low = done.min(), let high = done.max() else { return nil }
        return high - low
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("progress", sweep.progress)
        for n in sweep.batchSizes {
            record.append("bn_eval_accuracy_n\(n)", sweep.result(batchSize: n, variant: .batch)?.evaluation?.accuracy)
            record.append("gn_eval_accuracy_n\(n)", sweep.result(batchSize: n, variant: .group)?.evaluation?.accuracy)
            record.append("bn_train_mode_accuracy_n\(n)", sweep.result(batchSize: n, variant: .batch)?.trainModeAccuracy)
        }
        return record
    }
}

import NormMath

/// Lesson 4's experiment: the batch-size sweep of Wu & He (2018, Fig. 1), a chunk of training
/// per step.
struct BatchSizeEngine: LessonEngine {
    /// Epochs per point of the default sweep: twelve networks in a few tens of seconds.
    static let defaultEpochs = 8

    private(set) var sweep: BatchSizeSweep
    private(set) var stepCount = 0

    init(sweep: BatchSizeSweep = BatchSizeSweep(epochs: defaultEpochs)) {
        self.sweep = sweep
    }

    mutating func advance() {
        sweep.advance()
        stepCount += 1
    }

    var isFinished: Bool { sweep.isFinished }
    var progress: Double? { sweep.progress }

    /// Held-out eval-mode accuracy of `variant` at every batch size, `nil` where not yet trained.
    func evalAccuracies(_ variant: NormVariant) -> [Double?] {
        sweep.batchSizes.map { sweep.result(batchSize: $0, variant: variant)?.evaluation?.accuracy }
    }

    /// The largest minus the smallest of the finished accuracies, `nil` before two are done.
    static func spread(_ values: [Double?]) -> Double? {
        let done = values.compactMap { $0 }
        guard done.count >= 2, let low = done.min(), let high = done.max() else { return nil }
        return high - low
    }

    func record() -> LessonRecord {
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

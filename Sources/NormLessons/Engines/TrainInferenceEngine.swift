import NormMath
import NumberFormatting

/// Lesson 15's experiment (glossary: "Training-Inferenz-Diskrepanz"): batch norm at three batch
/// sizes, each step measured in train and in eval mode.
public struct TrainInferenceEngine: LessonEngine {
    public static let batchSizes = [4, 16, 64]
    public static let momenta: [Double] = [0.01, 0.1, 0.5]
    /// Steps the table averages over.
    public static let window = 25

    public private(set) var momentumIndex: Int
    public private(set) var runs: RunSet
    /// What is measured after every step of one run on one seed.
    public struct Measurements: Sendable {
        /// Per step (the last ``TrainingHistory/defaultCapacity``): train-mode and eval-mode
        /// accuracy on the step's batch.
        public var trainModeAccuracy = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
        public var evalModeAccuracy = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
        /// Per step: mean over channels of |batch mean − running mean| / running σ in
        /// ``TrainInferenceEngine/block``.
        public var statisticsMismatch = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    }

    /// `measurements[seed][run]`.
    public private(set) var measurements: [[Measurements]]
    /// Per run, on the first seed (the one the screen shows).
    public var trainModeAccuracy: [RingBuffer<Double>] { measurements[0].map(\.trainModeAccuracy) }
    public var evalModeAccuracy: [RingBuffer<Double>] { measurements[0].map(\.evalModeAccuracy) }
    public var statisticsMismatch: [RingBuffer<Double>] { measurements[0].map(\.statisticsMismatch) }
    /// The run whose channels the bar chart shows.
    public private(set) var shownRun = 0
    public private(set) var stepCount = 0
    /// The layer whose statistics are compared: the last one, where the discrepancy of the
    /// earlier layers has added up.
    public static let block = 2

    /// The seeds the runs start from; the screen shows the first.
    public let seeds: LessonSeeds
    public var bnMomentum: Double { Self.momenta[momentumIndex] }

    public init(momentumIndex: Int = 1, seeds: LessonSeeds = .standard) {
        self.momentumIndex = momentumIndex
        self.seeds = seeds
        runs = RunSet(plans: Self.batchSizes.map { n in
            var config = ExperimentConfig()
            config.shape = TensorShape(n: n, c: config.shape.c, h: config.shape.h, w: config.shape.w)
            config.bnMomentum = Self.momenta[momentumIndex]
            // Every step also runs its batch in eval mode: the two modes on the same batch.
            return RunSet.Plan(name: Localized(en: "N = \(n)", de: "N = \(n)"), config: config) { $0.measuresEvalMode = true }
        }, seeds: seeds.all)
        measurements = Array(repeating: Array(repeating: Measurements(), count: Self.batchSizes.count), count: seeds.count)
    }

    public mutating func advance() {
        runs.step()
        stepCount += 1
        for seed in measurements.indices {
            for index in 0..<runs.count {
                guard let report = runs[index, seed: seed].history.latest, report.step == stepCount else { continue }
                measurements[seed][index].trainModeAccuracy.append(report.accuracy)
                measurements[seed][index].evalModeAccuracy.append(report.evalModeBatch?.accuracy ?? .nan)
                measurements[seed][index].statisticsMismatch.append(Self.mismatch(report.layers[Self.block]))
            }
        }
    }

    /// Mean over channels of |μ_batch − μ_running| / σ_running.
    public static func mismatch(_ probe: LayerProbe) -> Double {
        guard let runningMean = probe.runningMean, let runningVar = probe.runningVar, !runningMean.isEmpty else { return .nan }
        var sum = 0.0
        for c in runningMean.indices {
            sum += abs(probe.batchMean[c] - Double(runningMean[c])) / max(Double(runningVar[c]), 1e-12).squareRoot()
        }
        return sum / Double(runningMean.count)
    }

    /// The mean of the last `window` finite values (all of them when fewer).
    public static func recentMean(_ values: RingBuffer<Double>, window: Int = TrainInferenceEngine.window) -> Double? {
        let recent = values.suffix(window).filter(\.isFinite)
        return recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
    }

    /// Train-mode minus eval-mode accuracy of run `index` on seed number `seed`, over the last
    /// `window` steps.
    public func accuracyGap(_ index: Int, seed: Int = 0, window: Int = TrainInferenceEngine.window) -> Double? {
        guard let train = Self.recentMean(measurements[seed][index].trainModeAccuracy, window: window),
              let eval = Self.recentMean(measurements[seed][index].evalModeAccuracy, window: window) else { return nil }
        return train - eval
    }

    public var keys: [LessonKey] {
        [
            LessonKey("m", help: Localized(en: "bn momentum", de: "BN-Momentum")),
            LessonKey("[", help: Localized(en: "smaller N", de: "kleineres N")),
            LessonKey("]", help: Localized(en: "larger N", de: "größeres N")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "m":
            self = TrainInferenceEngine(momentumIndex: (momentumIndex + 1) % Self.momenta.count, seeds: seeds)
            let m = NumberFormat.short(bnMomentum)
            return Localized(en: "bn momentum \(m), started again", de: "BN-Momentum \(m), neu gestartet")
        case "[": shownRun = max(0, shownRun - 1)
        case "]": shownRun = min(runs.count - 1, shownRun + 1)
        default: return nil
        }
        return nil
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("bn_momentum", bnMomentum)
        for (index, n) in Self.batchSizes.enumerated() {
            record.append("n\(n)_train_mode_accuracy", trainModeAccuracy[index].last)
            record.append("n\(n)_eval_mode_accuracy", evalModeAccuracy[index].last)
            record.append("n\(n)_heldout_accuracy", runs[index].history.evaluations.last?.evaluation.accuracy)
            record.append("n\(n)_stat_mismatch", statisticsMismatch[index].last)
        }
        return record
    }
}

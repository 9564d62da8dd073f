import NormMath
import NumberFormatting

/// Lesson 7's experiment (glossary: "Optimierungslandschaft"; Santurkar et al. 2018, Fig. 4):
/// batch norm and no normalization at one learning rate; every few steps the loss along the
/// gradient of each, on a fixed held-out batch.
public struct LearningRateEngine: LessonEngine {
    public static let rates: [Double] = [0.05, 0.5, 2]
    /// The step sizes of the band, in units of the learning rate.
    public static let stepSizeFactors: [Double] = [0.25, 0.5, 1, 2, 4]
    /// Steps between two measurements of the band (each costs about three training steps).
    public static let landscapeInterval = 5

    public private(set) var rateIndex: Int
    public private(set) var pair: ComparedRuns
    /// Per run, the band at each measured step.
    /// Per run, the band at each measured step (the last ``TrainingHistory/defaultCapacity``).
    public private(set) var bands = Array(repeating: RingBuffer<LossAlongGradient>(capacity: TrainingHistory.defaultCapacity), count: 2)
    /// The steps the bands were measured at (before that step's update).
    public private(set) var bandSteps = RingBuffer<Int>(capacity: TrainingHistory.defaultCapacity)

    /// The seeds the runs start from; the screen shows the first.
    public let seeds: LessonSeeds
    public var learningRate: Double { Self.rates[rateIndex] }
    public var stepCount: Int { pair.stepCount }

    public init(rateIndex: Int = 2, seeds: LessonSeeds = .standard) {
        self.rateIndex = rateIndex
        self.seeds = seeds
        var normalized = ExperimentConfig()
        normalized.variant = .batch
        normalized.learningRate = Self.rates[rateIndex]
        pair = ComparedRuns(preset: normalized, setting: CompareSetting(.variant, NormVariant.none.rawValue),
            names: ComparedRuns.normalizationNames, seeds: seeds)
    }

    public mutating func advance() {
        if stepCount % Self.landscapeInterval == 0 {
            let stepSizes = Self.stepSizeFactors.map { $0 * learningRate }
            for index in 0..<pair.count {
                let trainer = pair[index].trainer
                bands[index].append(trainer.lossAlongGradient(on: trainer.probeBatch(), stepSizes: stepSizes))
            }
            bandSteps.append(stepCount + 1)
        }
        pair.step()
    }

    public var keys: [LessonKey] {
        [
            LessonKey("[", help: Localized(en: "lower lr", de: "kleinere Lernrate")),
            LessonKey("]", help: Localized(en: "higher lr", de: "größere Lernrate")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        let newIndex: Int
        switch key {
        case "[": newIndex = max(0, rateIndex - 1)
        case "]": newIndex = min(Self.rates.count - 1, rateIndex + 1)
        default: return nil
        }
        self = LearningRateEngine(rateIndex: newIndex, seeds: seeds)
        let rate = NumberFormat.short(learningRate)
        return Localized(en: "lr \(rate) for both, started again", de: "Lernrate \(rate) für beide, neu gestartet")
    }

    /// The latest held-out accuracy of run `index` (eval mode, every 25 steps) on seed number
    /// `seed` (0: the seed the screen shows).
    public func heldOutAccuracy(_ index: Int, seed: Int = 0) -> Double? {
        pair.runs[index, seed: seed].history.evaluations.last?.evaluation.accuracy
    }

    /// The mean training loss of run `index` over its last `steps` steps, on seed number `seed`.
    public func recentLoss(_ index: Int, steps: Int, seed: Int = 0) -> Double? {
        let losses = pair.runs[index, seed: seed].history.loss.elements.suffix(steps)
        return losses.isEmpty ? nil : losses.reduce(0, +) / Double(losses.count)
    }

    /// The mean width (high − low) of run `index`'s bands over the measurements from step
    /// `from` on; `nil` if none is finite.
    public func meanBandWidth(_ index: Int, from: Int = 1) -> Double? {
        let widths = zip(bandSteps.elements, bands[index].elements).filter { $0.0 >= from }.compactMap { $0.1.range.map { $0.upperBound - $0.lowerBound } }
        return widths.isEmpty ? nil : widths.reduce(0, +) / Double(widths.count)
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("lr", learningRate)
        record.append("bn_loss", pair[0].history.loss.last)
        record.append("none_loss", pair[1].history.loss.last)
        record.append("bn_eval_accuracy", heldOutAccuracy(0))
        record.append("none_eval_accuracy", heldOutAccuracy(1))
        for (index, prefix) in ["bn", "none"].enumerated() {
            let latestBand = bands[index].last?.range
            record.append("\(prefix)_band_low", latestBand?.lowerBound)
            record.append("\(prefix)_band_high", latestBand?.upperBound)
        }
        return record
    }
}

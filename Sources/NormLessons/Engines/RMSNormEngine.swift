import Foundation
import NormMath
import NumberFormatting

/// Lesson 5's experiment (glossary: "Hauptvarianten"; Zhang & Sennrich 2019): the same offset
/// inputs through layer norm and RMSNorm; each step trains a network with each once.
public struct RMSNormEngine: LessonEngine {
    public static let shape = TensorShape(n: 8, c: 4, h: 4, w: 4)
    public static let offsets: [Float] = [0, 0.25, 0.5, 1, 2, 4, 8]
    /// The common histogram axis of both outputs.
    public static let axis: ClosedRange<Double> = -3...3
    public static let binCount = 48

    /// Per sample: mean exactly 0, standard deviation exactly 1 (before rounding to Float).
    public let noise: [Float]
    public private(set) var offsetIndex = 0
    public private(set) var comparison: Comparison
    public var runs: RunSet
    public private(set) var stepCount = 0

    /// Both layers on `noise + offset`.
    public struct Comparison: Sendable {
        public var offset: Float
        public var input: [Float]
        public var layerNorm: [Float]
        public var rmsNorm: [Float]

        public init(noise: [Float], offset: Float) {
            self.offset = offset
            input = noise.map { $0 + offset }
            layerNorm = Self.normalize(input, variant: .layer)
            rmsNorm = Self.normalize(input, variant: .rms)
        }

        public static func normalize(_ x: [Float], variant: NormVariant) -> [Float] {
            var layer = Normalization(config: NormalizationConfig(variant: variant), channels: RMSNormEngine.shape.c)
            do {
                return try layer.forward(x, shape: RMSNormEngine.shape, mode: .train).y
            } catch {
                preconditionFailure("the lesson's tensor fits layer norm and RMSNorm: \(error)")
            }
        }

        public var largestDifference: Double {
            zip(layerNorm, rmsNorm).reduce(0.0) { max($0, Double(abs($1.0 - $1.1))) }
        }

        /// What RMSNorm's output mean should be: a/√(1 + a² + ε), as ms = 1 + a².
        public var predictedRMSMean: Double { Double(offset) * predictedRMSSpread }

        /// What RMSNorm's output spread should be: 1/√(1 + a² + ε).
        public var predictedRMSSpread: Double {
            let a = Double(offset)
            return 1 / (1 + a * a + 1e-5).squareRoot()
        }
    }

    public init(seeds: LessonSeeds = .standard) {
        let perSample = Self.shape.perSample
        noise = (0..<Self.shape.n).flatMap { n in StandardizedNoise.make(count: perSample, seed: seeds.derived(19 + UInt64(n))) }
        comparison = Comparison(noise: noise, offset: Self.offsets[0])
        runs = RunSet(variants: [
            (Localized(en: "Layer Norm", de: "Layer Norm"), .layer),
            (Localized(en: "RMSNorm", de: "RMSNorm"), .rms),
        ], seeds: seeds.all)
    }

    public mutating func advance() {
        runs.step()
        stepCount += 1
    }

    public var keys: [LessonKey] {
        [
            LessonKey("o", help: Localized(en: "offset up", de: "Offset größer")),
            LessonKey("O", help: Localized(en: "offset down", de: "Offset kleiner")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "o": offsetIndex = min(offsetIndex + 1, Self.offsets.count - 1)
        case "O": offsetIndex = max(offsetIndex - 1, 0)
        default: return nil
        }
        comparison = Comparison(noise: noise, offset: Self.offsets[offsetIndex])
        let rms = SampleStatistics(comparison.rmsNorm)
        return Localized(
            en: "offset \(NumberFormat.short(Double(comparison.offset))): RMSNorm output mean \(NumberFormat.short(rms.mean)), layer norm's 0",
            de: "Offset \(NumberFormat.short(Double(comparison.offset))): Mittelwert der RMSNorm-Ausgabe \(NumberFormat.short(rms.mean)), der von Layer Norm 0")
    }

    /// The mean training loss of run `index` (0 layer norm, 1 RMSNorm) over steps
    /// `steps` (1-based), on seed number `seed`; `nil` before those steps were taken.
    public func meanLoss(_ index: Int, steps: ClosedRange<Int>, seed: Int = 0) -> Double? {
        let losses = runs[index, seed: seed].history.loss.elements
        guard steps.lowerBound >= 1, losses.count >= steps.upperBound else { return nil }
        let window = losses[(steps.lowerBound - 1)..<steps.upperBound]
        return window.reduce(0, +) / Double(window.count)
    }

    // MARK: - Headless record

    public func record() -> LessonRecord {
        let layer = SampleStatistics(comparison.layerNorm), rms = SampleStatistics(comparison.rmsNorm)
        var record = LessonRecord(step: stepCount)
        record.append("offset", Double(comparison.offset))
        record.append("layer_mean", layer.mean)
        record.append("layer_std", layer.standardDeviation)
        record.append("rms_mean", rms.mean)
        record.append("rms_std", rms.standardDeviation)
        record.append("max_difference", comparison.largestDifference)
        record.append("layer_loss", runs[0].history.loss.last)
        record.append("rms_loss", runs[1].history.loss.last)
        return record
    }
}

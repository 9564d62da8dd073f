import Foundation
import NormMath
import NumberFormatting

/// Lesson 14's experiment (glossary: "Implementierungsaspekte / Numerische Stabilität"): three
/// measurements — a constant channel as ε → 0, ε inside or outside the root, the naive
/// variance on offset data; a step (or `e`) lowers ε of the first one by a decade, down to 0.
public struct NumericalStabilityEngine: LessonEngine {
    /// ε from 1e-1 down to 1e-12, then 0.
    public static let epsilonLadder: [Double] = (1...12).map { pow(10, -Double($0)) } + [0]
    public static let channelShape = TensorShape(n: 1, c: 1, h: 8, w: 8)
    public static let constantValue: Float = 0.7
    /// σ of the nearly constant channel.
    public static let nearlyConstantSpread: Float = 1e-3
    public static let placementEpsilon = 1e-5
    public static let placementSpreads: [Double] = [1, 1e-1, 1e-2, 1e-3, 1e-4]
    public static let offsets: [Double] = [0, 1, 10, 100, 1000, 10000]
    public static let offsetSpread: Float = 0.05

    /// What a constant and a nearly constant channel do at one ε.
    public struct EpsilonRow: Sendable {
        public var epsilon: Double
        /// max |y| and max |dx| on the constant channel (dy is standardized noise).
        public var constantOutput: Double
        public var constantGradient: Double
        /// The spread of y on the nearly constant channel.
        public var nearlyConstantSpread: Double
    }

    /// The same data normalized with ε inside and outside the root.
    public struct PlacementRow: Sendable {
        public var sigma: Double
        public var insideSpread: Double
        public var outsideSpread: Double
        public var largestDifference: Double
    }

    /// The variance of offset + 0.05·z by each algorithm, against the exact value.
    public struct VarianceRow: Sendable {
        public var offset: Double
        public var exact: Double
        /// Relative errors of the naive, two-pass and Welford variances.
        public var naiveError: Double
        public var twoPassError: Double
        public var welfordError: Double
        /// The spread of the naive layer's output (1 when the variance is right).
        public var naiveOutputSpread: Double
    }

    /// The seeds of the noise the measurements use (seed 1: the noise this lesson always had).
    public let seeds: LessonSeeds
    public private(set) var rung = 0
    public private(set) var stepCount = 0
    public private(set) var epsilonRows: [EpsilonRow] = []
    public let placementRows: [PlacementRow]
    public let varianceRows: [VarianceRow]

    public init(seeds: LessonSeeds = .standard) {
        self.seeds = seeds
        placementRows = Self.placementSpreads.map { Self.measurePlacement($0, seeds: seeds) }
        varianceRows = Self.offsets.map { Self.measureVariance($0, seeds: seeds) }
    }

    public var epsilon: Double { Self.epsilonLadder[rung] }
    public var isFinished: Bool { stepCount > 0 && rung == Self.epsilonLadder.count - 1 }
    public var progress: Double? { Double(rung) / Double(Self.epsilonLadder.count - 1) }

    public mutating func advance() {
        // The first step (taken when the lesson opens) measures ε = 0.1; later ones go down.
        if stepCount > 0 { rung = min(rung + 1, Self.epsilonLadder.count - 1) }
        stepCount += 1
        measureRung()
    }

    public var keys: [LessonKey] {
        [
            LessonKey("e", help: Localized(en: "ε ÷ 10", de: "ε ÷ 10")),
            LessonKey("E", help: Localized(en: "ε × 10", de: "ε × 10")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "e": rung = min(rung + 1, Self.epsilonLadder.count - 1)
        case "E": rung = max(rung - 1, 0)
        default: return nil
        }
        measureRung()
        let row = epsilonRows.last!
        return Localized(
            en: "ε = \(NumberFormat.short(row.epsilon)): constant channel max |dx| = \(NumberFormat.short(row.constantGradient))",
            de: "ε = \(NumberFormat.short(row.epsilon)): konstanter Kanal: max |dx| = \(NumberFormat.short(row.constantGradient))")
    }

    /// Measures the current ε, keeping one row per ε in ladder order.
    public mutating func measureRung() {
        let row = Self.measureEpsilon(epsilon, seeds: seeds)
        epsilonRows.removeAll { $0.epsilon == row.epsilon }
        epsilonRows.append(row)
        epsilonRows.sort { $0.epsilon > $1.epsilon }
    }

    // MARK: - Measurements

    public static func layer(_ config: NormalizationConfig) -> Normalization {
        Normalization(config: config, channels: 1, affine: false)
    }

    public static func forward(_ layer: inout Normalization, _ x: [Float]) -> NormalizationOutput {
        do {
            return try layer.forward(x, shape: channelShape, mode: .train)
        } catch {
            preconditionFailure("the lesson's channel fits layer norm: \(error)")
        }
    }

    public static func largestMagnitude(_ values: [Float]) -> Double {
        values.reduce(0.0) { partial, value in value.isNaN || partial.isNaN ? .nan : max(partial, Double(abs(value))) }
    }

    public static func measureEpsilon(_ epsilon: Double, seeds: LessonSeeds = .standard) -> EpsilonRow {
        var layer = layer(NormalizationConfig(variant: .layer, eps: epsilon))
        let count = channelShape.count
        let constant = [Float](repeating: constantValue, count: count)
        let constantOut = forward(&layer, constant)
        let dy = StandardizedNoise.make(count: count, seed: seeds.derived(1))
        let dx = layer.backward(dy: dy, x: constant, statistics: constantOut.statistics).dx
        let nearly = StandardizedNoise.make(count: count, seed: seeds.derived(2)).map { constantValue + nearlyConstantSpread * $0 }
        let nearlyOut = forward(&layer, nearly)
        return EpsilonRow(
            epsilon: epsilon, constantOutput: largestMagnitude(constantOut.y), constantGradient: largestMagnitude(dx),
            nearlyConstantSpread: SampleStatistics(nearlyOut.y).standardDeviation)
    }

    public static func measurePlacement(_ sigma: Double, seeds: LessonSeeds = .standard) -> PlacementRow {
        let x = StandardizedNoise.make(count: channelShape.count, seed: seeds.derived(3)).map { Float(sigma) * $0 }
        var inside = layer(NormalizationConfig(variant: .layer, eps: placementEpsilon, epsPlacement: .inside))
        var outside = layer(NormalizationConfig(variant: .layer, eps: placementEpsilon, epsPlacement: .outside))
        let yInside = forward(&inside, x).y, yOutside = forward(&outside, x).y
        return PlacementRow(
            sigma: sigma, insideSpread: SampleStatistics(yInside).standardDeviation,
            outsideSpread: SampleStatistics(yOutside).standardDeviation,
            largestDifference: largestMagnitude(zip(yInside, yOutside).map { $0 - $1 }))
    }

    public static func measureVariance(_ offset: Double, seeds: LessonSeeds = .standard) -> VarianceRow {
        let x = StandardizedNoise.make(count: channelShape.count, seed: seeds.derived(4)).map { Float(offset) + offsetSpread * $0 }
        // The exact variance of the Float data, in Double around the exact mean.
        let spread = SampleStatistics(x).standardDeviation
        let exact = spread * spread
        func run(_ algorithm: VarianceAlgorithm) -> NormalizationOutput {
            var layer = layer(NormalizationConfig(variant: .layer, varianceAlgorithm: algorithm))
            return forward(&layer, x)
        }
        let naive = run(.naive), twoPass = run(.twoPass), welford = run(.welford)
        let error = { (output: NormalizationOutput) in abs(output.statistics.variance[0] - exact) / exact }
        return VarianceRow(
            offset: offset, exact: exact, naiveError: error(naive), twoPassError: error(twoPass),
            welfordError: error(welford), naiveOutputSpread: SampleStatistics(naive.y).standardDeviation)
    }

    // MARK: - Headless record

    public func record() -> LessonRecord {
        let row = epsilonRows.first { $0.epsilon == epsilon }
        let placement = placementRows.first { $0.sigma == 1e-3 }
        let variance = varianceRows.first { $0.offset == 100 }
        var record = LessonRecord(step: stepCount)
        record.append("eps", epsilon)
        record.append("constant_y_max", row?.constantOutput)
        record.append("constant_dx_max", row?.constantGradient)
        record.append("nearly_constant_y_std", row?.nearlyConstantSpread)
        record.append("placement_ratio_sigma_1e-3", placement.map { $0.outsideSpread / $0.insideSpread })
        record.append("naive_rel_error_offset_100", variance?.naiveError)
        record.append("two_pass_rel_error_offset_100", variance?.twoPassError)
        return record
    }
}

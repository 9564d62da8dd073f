import Foundation
import NormMath

/// Lesson 1's experiment (glossary: "Hauptvarianten / Mathematische Formalisierung"): a fixed
/// small tensor, `[4, 6, 2, 2]`, normalized by the chosen variant; each step highlights the
/// next statistics group.
public struct StatisticsGroupsEngine: LessonEngine {
    public static let shape = TensorShape(n: 4, c: 6, h: 2, w: 2)
    public static let variants: [NormVariant] = [.batch, .layer, .instance, .group, .rms]
    /// One character per group, so every element on screen names its group.
    public static let groupLabels = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// The tensor: channel c around (c − 2.5)·0.8, sample n with spread 1 + 0.3·n, rounded to
    /// one decimal so the worked example can be followed by hand.
    public let x: [Float]
    public private(set) var variant: NormVariant = .batch
    /// G for Group Norm, a divisor of C.
    public private(set) var groups = 2
    /// The highlighted statistics group.
    public private(set) var group = 0
    public private(set) var stepCount = 0
    public private(set) var output: NormalizationOutput

    public init(seeds: LessonSeeds = .standard) {
        var generator = SeededGenerator(seed: seeds.first)
        let shape = Self.shape
        x = (0..<shape.count).map { index in
            let n = index / shape.perSample, c = shape.channel(ofFlatIndex: index)
            let value = (Float(c) - 2.5) * 0.8 + (1 + 0.3 * Float(n)) * generator.nextNormal()
            return (value * 10).rounded() / 10 + 0  // + 0 turns −0 into 0
        }
        output = Self.normalize(x, variant: .batch, groups: 2)
    }

    public static func normalize(_ x: [Float], variant: NormVariant, groups: Int) -> NormalizationOutput {
        var layer = Normalization(config: NormalizationConfig(variant: variant, groups: groups), channels: shape.c)
        do {
            return try layer.forward(x, shape: shape, mode: .train)
        } catch {
            preconditionFailure("the lesson's tensor fits every variant: \(error)")
        }
    }

    public var layout: StatisticsLayout { output.statistics.layout }

    /// The divisors of C: the values G can take.
    public static var groupChoices: [Int] { (1...shape.c).filter { shape.c % $0 == 0 } }

    public mutating func advance() {
        // The first step (taken when the lesson opens) shows group 0; later ones move on.
        if stepCount > 0 { group = (group + 1) % layout.groupCount }
        stepCount += 1
    }

    public var keys: [LessonKey] {
        [
            LessonKey("v", help: Localized(en: "next variant", de: "nächste Variante")),
            LessonKey("V", help: Localized(en: "previous", de: "vorige Variante")),
            LessonKey("g", help: Localized(en: "G smaller", de: "G kleiner")),
            LessonKey("G", help: Localized(en: "G larger", de: "G größer")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        let index = Self.variants.firstIndex(of: variant) ?? 0
        let choices = Self.groupChoices
        let choice = choices.firstIndex(of: groups) ?? 0
        switch key {
        case "v": select(Self.variants[(index + 1) % Self.variants.count], groups: groups)
        case "V": select(Self.variants[(index + Self.variants.count - 1) % Self.variants.count], groups: groups)
        case "g": select(.group, groups: choices[max(choice - 1, 0)])
        case "G": select(.group, groups: choices[min(choice + 1, choices.count - 1)])
        default: return nil
        }
        let count = layout.groupCount, size = layout.elementsPerGroup
        return Localized(
            en: "\(variantName) — \(count) statistics groups of \(size) elements",
            de: "\(variantName) — \(count) Statistikgruppen zu je \(size) Elementen")
    }

    public mutating func select(_ newVariant: NormVariant, groups newGroups: Int) {
        variant = newVariant
        groups = newGroups
        output = Self.normalize(x, variant: variant, groups: groups)
        group = min(group, layout.groupCount - 1)
    }

    /// 1 batch … 5 rms, as the main screen's number keys count them (for the headless record).
    public var variantNumber: Int { (Self.variants.firstIndex(of: variant) ?? -1) + 1 }

    public var variantName: String {
        variant == .group ? "Group Norm (G = \(groups))" : variant.displayName
    }

    // MARK: - The worked example

    /// The highlighted group's inputs, statistics and outputs.
    public struct WorkedGroup: Sendable {
        public var x: [Double]
        public var y: [Double]
        /// μ (0 for RMSNorm) and σ² (the mean square for RMSNorm), as the layer computed them.
        public var mean: Double
        public var variance: Double
        /// The denominator √(σ² + ε).
        public var denominator: Double
    }

    public var worked: WorkedGroup {
        let indices = layout.elementIndices(ofGroup: group)
        let statistics = output.statistics
        return WorkedGroup(
            x: indices.map { Double(x[$0]) }, y: indices.map { Double(output.y[$0]) },
            mean: statistics.mean[group], variance: statistics.variance[group],
            denominator: 1 / statistics.inverseStd[group])
    }

    // MARK: - Measured for the claims

    /// What every variant's output looks like on `x`, over all its groups (Group Norm at every
    /// G): the largest |mean| and the range of variances of y, and RMSNorm's mean squares.
    public static func outputMoments(_ x: [Float]) -> (largestMean: Double, variance: ClosedRange<Double>, rmsMeanSquare: ClosedRange<Double>) {
        var largestMean = 0.0, variances: [Double] = [], meanSquares: [Double] = []
        let settings: [(NormVariant, Int)] = [(.batch, 1), (.layer, 1), (.instance, 1), (.rms, 1)] + groupChoices.map { (.group, $0) }
        for (variant, groups) in settings {
            let output = normalize(x, variant: variant, groups: groups)
            let layout = output.statistics.layout
            for g in 0..<layout.groupCount {
                let y = layout.elementIndices(ofGroup: g).map { Double(output.y[$0]) }
                let count = Double(y.count)
                if variant == .rms {
                    meanSquares.append(y.reduce(0) { $0 + $1 * $1 } / count)
                } else {
                    let mean = y.reduce(0, +) / count
                    largestMean = max(largestMean, abs(mean))
                    variances.append(y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count)
                }
            }
        }
        return (largestMean, variances.min()!...variances.max()!, meanSquares.min()!...meanSquares.max()!)
    }

    /// Adds 1 to every element of the last sample and measures how far the other samples'
    /// outputs move: with Batch Norm, and the most with any per-sample variant (Layer,
    /// Instance, Group at every G, RMSNorm).
    public static func othersMoved(_ x: [Float]) -> (batch: Double, perSample: Double) {
        let last = (shape.n - 1) * shape.perSample
        let changed = x.enumerated().map { $0.offset >= last ? $0.element + 1 : $0.element }
        func moved(_ variant: NormVariant, groups: Int = 1) -> Double {
            let before = normalize(x, variant: variant, groups: groups).y, after = normalize(changed, variant: variant, groups: groups).y
            return (0..<last).reduce(0.0) { max($0, Double(abs(after[$1] - before[$1]))) }
        }
        let perSample = ([moved(.layer), moved(.instance), moved(.rms)] + groupChoices.map { moved(.group, groups: $0) }).max()!
        return (moved(.batch), perSample)
    }

    /// The largest difference between Group Norm's μ and σ² at `groups` and `variant`'s.
    public static func largestStatisticsDifference(_ x: [Float], groups: Int, against variant: NormVariant) -> Double {
        let group = normalize(x, variant: .group, groups: groups).statistics, other = normalize(x, variant: variant, groups: 1).statistics
        return zip(group.mean + group.variance, other.mean + other.variance).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
    }

    // MARK: - Headless record

    public func record() -> LessonRecord {
        let w = worked
        let outputs = SampleStatistics(w.y.map(Float.init))
        var record = LessonRecord(step: stepCount)
        record.append("variant", variantNumber)
        record.append("groups", groups)
        record.append("group", group)
        record.append("elements", w.x.count)
        record.append("mean", w.mean)
        record.append("variance", w.variance)
        record.append("denominator", w.denominator)
        record.append("y_mean", outputs.mean)
        record.append("y_std", outputs.standardDeviation)
        return record
    }
}

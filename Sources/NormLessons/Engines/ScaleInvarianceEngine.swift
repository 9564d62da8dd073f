import Foundation
import NormMath
import NumberFormatting

/// Lesson 6's experiment (glossary: "Re-Parametrisierungseffekte"; Ioffe & Szegedy 2015, §3.3):
/// two runs (batch norm, none); `k`/`K` scale block 2's weights by 4 or 1/4 in both and
/// measure the effect on a fixed batch.
public struct ScaleInvarianceEngine: LessonEngine {
    /// The block whose weights are scaled (0-based: layer 2).
    public static let block = 1
    public static let factor: Float = 4

    public var runs: RunSet
    public private(set) var stepCount = 0
    /// The product of all scalings so far.
    public private(set) var totalScale: Float = 1
    /// Before/after measurements of the last scaling, one per run.
    public private(set) var lastEffect: [ScalingEffect] = []

    public struct ScalingEffect: Sendable {
        public var factor: Float
        public var lossBefore: Double
        public var lossAfter: Double
        /// ‖logits after − logits before‖ / ‖logits before‖.
        public var logitChange: Double
        public var gradientBefore: Double
        public var gradientAfter: Double
        public var gradientRatio: Double { gradientAfter / gradientBefore }
    }

    public init(seeds: LessonSeeds = .standard) {
        runs = RunSet(variants: [
            (Localized(en: "Batch Norm", de: "Batch Norm"), .batch),
            (Localized(en: "no normalization", de: "ohne Normalisierung"), .none),
        ], seeds: seeds.all)
    }

    public mutating func advance() {
        runs.step()
        stepCount += 1
    }

    public var keys: [LessonKey] {
        [
            LessonKey("k", help: Localized(en: "W₂ × 4", de: "W₂ × 4")),
            LessonKey("K", help: Localized(en: "W₂ ÷ 4", de: "W₂ ÷ 4")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        let factor: Float
        switch key {
        case "k": factor = Self.factor
        case "K": factor = 1 / Self.factor
        default: return nil
        }
        scale(by: factor)
        let bn = lastEffect[0], plain = lastEffect[1]
        return Localized(
            en: "W₂ × \(NumberFormat.short(Double(factor))): Batch Norm output changed \(NumberFormat.percent(bn.logitChange)), gradient × \(NumberFormat.short(bn.gradientRatio)); without: output changed \(NumberFormat.percent(plain.logitChange))",
            de: "W₂ × \(NumberFormat.short(Double(factor))): Ausgabe mit Batch Norm um \(NumberFormat.percent(bn.logitChange)) geändert, Gradient × \(NumberFormat.short(bn.gradientRatio)); ohne: Ausgabe um \(NumberFormat.percent(plain.logitChange)) geändert")
    }

    /// Scales block 2's weights in every run and measures loss, outputs and gradient on a
    /// fixed held-out batch just before and just after.
    public mutating func scale(by factor: Float) {
        totalScale *= factor
        lastEffect = (0..<runs.count).map { index in
            var run = runs[index]
            let batch = run.trainer.probeBatch()
            let before = run.trainer.inspect(batch)
            run.trainer.scaleWeights(ofBlock: Self.block, by: factor)
            let after = run.trainer.inspect(batch)
            runs[index] = run
            return ScalingEffect(
                factor: factor, lossBefore: before.loss, lossAfter: after.loss,
                logitChange: Self.relativeChange(from: before.logits, to: after.logits),
                gradientBefore: Self.norm(before.gradients?.blocks[Self.block].weight),
                gradientAfter: Self.norm(after.gradients?.blocks[Self.block].weight))
        }
    }

    public static func relativeChange(from a: [Float], to b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .nan }
        var difference = 0.0, size = 0.0
        for (x, y) in zip(a, b) {
            difference += Double(y - x) * Double(y - x)
            size += Double(x) * Double(x)
        }
        return (difference / max(size, 1e-30)).squareRoot()
    }

    public static func norm(_ values: [Float]?) -> Double {
        guard let values else { return .nan }
        return values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("scale", Double(totalScale))
        record.append("bn_loss", runs[0].history.loss.last)
        record.append("none_loss", runs[1].history.loss.last)
        record.append("bn_l2_grad_norm", runs[0].history.layers[Self.block].weightGradNorm.last)
        record.append("none_l2_grad_norm", runs[1].history.layers[Self.block].weightGradNorm.last)
        record.append("bn_output_change", lastEffect.first?.logitChange)
        record.append("none_output_change", lastEffect.last?.logitChange)
        return record
    }
}

import Foundation
import NormMath
import NumberFormatting

/// Lesson 9's experiment (glossary: "Re-Parametrisierungseffekte"; Ioffe & Szegedy 2015, §3.3):
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
        /// ‖logits after‖ / ‖logits before‖: how much larger the outputs became.
        public var outputGrowth: Double
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
            en: "W₂ × \(NumberFormat.short(Double(factor))): Batch Norm outputs × \(NumberFormat.short(bn.outputGrowth)), gradient × \(NumberFormat.short(bn.gradientRatio)); without: outputs × \(NumberFormat.short(plain.outputGrowth))",
            de: "W₂ × \(NumberFormat.short(Double(factor))): Ausgaben mit Batch Norm × \(NumberFormat.short(bn.outputGrowth)), Gradient × \(NumberFormat.short(bn.gradientRatio)); ohne: Ausgaben × \(NumberFormat.short(plain.outputGrowth))")
    }

    /// Scales block 2's weights in every run (on every seed) and measures loss, outputs and
    /// gradient on a fixed held-out batch just before and just after; `lastEffect` is the
    /// first seed's.
    public mutating func scale(by factor: Float) {
        totalScale *= factor
        for seed in runs.seeds.indices {
            let effects = (0..<runs.count).map { index in
                let (effect, scaled) = Self.scaled(runs[index, seed: seed], by: factor)
                runs[index, seed: seed] = scaled
                return effect
            }
            if seed == 0 { lastEffect = effects }
        }
    }

    /// What scaling run `index`'s block 2 by `factor` does on seed number `seed`, measured
    /// on a copy: the engine is left as it was.
    public func effect(of factor: Float, run index: Int, seed: Int = 0) -> ScalingEffect {
        Self.scaled(runs[index, seed: seed], by: factor).effect
    }

    /// Trains run `index` on seed number `seed` on for `steps` steps twice, from copies —
    /// once as it is and once with block 2 scaled by `factor` — and returns the mean of
    /// ‖∂L/∂W₂‖ over those steps, scaled over unscaled.
    public func gradientLevel(afterScalingBy factor: Float, steps: Int, run index: Int, seed: Int = 0) -> Double {
        func meanGradient(_ run: RunSet.Run) -> Double {
            var run = run
            var total = 0.0
            for _ in 0..<steps where !run.trainer.isDiverged {
                run.history.record(run.trainer.step())
                total += run.history.layers[Self.block].weightGradNorm.last ?? .nan
            }
            return run.trainer.isDiverged ? .infinity : total / Double(steps)
        }
        let original = runs[index, seed: seed]
        return meanGradient(Self.scaled(original, by: factor).run) / meanGradient(original)
    }

    /// `run` with block 2 scaled by `factor`, and the effect on a fixed held-out batch.
    public static func scaled(_ run: RunSet.Run, by factor: Float) -> (effect: ScalingEffect, run: RunSet.Run) {
        var run = run
        let batch = run.trainer.probeBatch()
        let before = run.trainer.inspect(batch)
        run.trainer.scaleWeights(ofBlock: block, by: factor)
        let after = run.trainer.inspect(batch)
        let effect = ScalingEffect(
            factor: factor, lossBefore: before.loss, lossAfter: after.loss,
            logitChange: relativeChange(from: before.logits, to: after.logits),
            gradientBefore: norm(before.gradients?.blocks[block].weight),
            gradientAfter: norm(after.gradients?.blocks[block].weight),
            outputGrowth: norm(after.logits) / norm(before.logits))
        return (effect, run)
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

import NormMath

/// Lesson 2's experiment (glossary: "Grundprinzip — Skalierbare Reparametrisierung"): one
/// regression whose last layer is batch norm, trained with and without γ and β on the same
/// data from the same initial weights (``AffineRegression``), and the identity γ = σ, β = μ
/// on the latest batch (``AffineRoundTrip``).
public struct AffineEngine: LessonEngine {
    /// Per seed: the run with γ and β, then the one without.
    public private(set) var runs: [[AffineRegression]]
    public let seeds: LessonSeeds
    /// The channel the round trip shows.
    public private(set) var channel = 0

    public init(seeds: LessonSeeds = .standard) {
        self.seeds = seeds
        runs = seeds.all.map { seed in [AffineRegression(seed: seed, affine: true), AffineRegression(seed: seed, affine: false)] }
    }

    public var stepCount: Int { runs[0][0].stepCount }

    public mutating func advance() {
        for seed in runs.indices {
            for run in runs[seed].indices { runs[seed][run].step() }
        }
    }

    /// The run with γ and β (`affine` true) or without, on seed number `seed`.
    public func run(affine: Bool, seed: Int = 0) -> AffineRegression {
        runs[seed][affine ? 0 : 1]
    }

    /// γ = σ, β = μ on the latest batch of the run with γ and β; `nil` before the first step.
    public func roundTrip(seed: Int = 0) -> AffineRoundTrip? {
        let pre = run(affine: true, seed: seed).lastPre
        return pre.isEmpty ? nil : AffineRoundTrip(input: pre, channels: AffineRegression.channels)
    }

    public var keys: [LessonKey] {
        [LessonKey("c", help: Localized(en: "channel", de: "Kanal"))]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        guard key == "c" else { return nil }
        channel = (channel + 1) % AffineRegression.channels
        return Localized(en: "round trip of channel \(channel + 1)", de: "Rückweg von Kanal \(channel + 1)")
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        let with = run(affine: true), without = run(affine: false)
        record.append("affine_loss", with.loss.last)
        record.append("plain_loss", without.loss.last)
        record.append("affine_heldout_loss", with.heldOutLoss.last)
        record.append("plain_heldout_loss", without.heldOutLoss.last)
        for c in 0..<AffineRegression.channels {
            record.append("gamma_\(c + 1)", with.gammaHistory[c].last)
            record.append("beta_\(c + 1)", with.betaHistory[c].last)
        }
        record.append("roundtrip_max_difference", roundTrip()?.largestDifference)
        return record
    }
}

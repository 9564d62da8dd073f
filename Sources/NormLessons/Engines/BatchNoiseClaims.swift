/// What lesson 8's claims compare, as functions of the measured numbers alone, so that a test
/// can feed numbers for which a claim must fail. Single measurements of the small batches jump
/// by many points from one to the next (their training is noisy), so the accuracy claims
/// compare means over a window of measurements, never one step.
enum BatchNoiseClaims {
    /// The measurements the accuracy claims average over: steps 300 to 600, seven of them.
    static let window = 300...600

    /// How much each fourfold batch (4 → 16 → 64) divides the spread of the batch mean, at
    /// every measurement: 1/√N predicts 2. `meanSpreads[m]` and `varianceSpreads[m]` are the
    /// spreads at measurement `m`, by batch size from small to large.
    struct RootNFall: Equatable {
        /// The smallest and largest factor over all measurements and neighbouring sizes.
        var lowest: Double
        var highest: Double
        /// Whether the variance's spread fell with every larger batch, at every measurement.
        var varianceFalls: Bool

        /// The claim: every factor between 1.5 and 3, and the variance's spread falling too.
        var holds: Bool { lowest >= 1.5 && highest <= 3 && varianceFalls }
    }

    /// `nil` without a measurement.
    static func rootNFall(meanSpreads: [[Double]], varianceSpreads: [[Double]]) -> RootNFall? {
        let factors = meanSpreads.flatMap { spreads in zip(spreads, spreads.dropFirst()).map { $0 / $1 } }
        guard let lowest = factors.min(), let highest = factors.max(), !factors.contains(where: \.isNaN) else { return nil }
        let varianceFalls = varianceSpreads.allSatisfy { spreads in zip(spreads, spreads.dropFirst()).allSatisfy { $0 > $1 } }
        return RootNFall(lowest: lowest, highest: highest, varianceFalls: varianceFalls)
    }

    /// Whether `leader` is more than `margin` (a fraction: 0.05 is 5 points) above `other`.
    static func ahead(_ leader: Double?, of other: Double?, by margin: Double) -> Bool {
        guard let leader, let other else { return false }
        return leader - other > margin
    }

    /// A fraction in percentage points, for the verdicts: `0.0123` → "1.23" / "1,23".
    static func points(_ fraction: Double?, _ language: Language = .en) -> String {
        fraction.map { MeasuredNumber.short($0 * 100, language) } ?? "–"
    }
}

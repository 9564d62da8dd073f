/// Counts of values in equal-width bins over [lowerBound, upperBound]; values outside are
/// counted in the edge bins so that nothing silently disappears.
public struct Histogram: Sendable, Equatable {
    public var lowerBound: Double
    public var upperBound: Double
    public var counts: [Int]
    /// All values counted, including those clamped into the edge bins.
    public var total: Int

    public init(lowerBound: Double, upperBound: Double, counts: [Int], total: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.counts = counts
        self.total = total
    }

    public init(_ values: UnsafeBufferPointer<Float>, lowerBound: Double, upperBound: Double, binCount: Int) {
        let binning = Binning(lowerBound: lowerBound, upperBound: upperBound, binCount: binCount)
        self.init(lowerBound: lowerBound, upperBound: upperBound, counts: binning.count(values), total: values.count)
    }

    public var binWidth: Double { (upperBound - lowerBound) / Double(counts.count) }

    /// The value below which a fraction `q` of the counts lie, interpolated within its bin.
    public func quantile(_ q: Double) -> Double {
        guard total > 0 else { return .nan }
        let target = q * Double(total)
        var cumulative = 0.0
        for (bin, count) in counts.enumerated() where count > 0 {
            let next = cumulative + Double(count)
            if next >= target {
                let within = (target - cumulative) / Double(count)
                return lowerBound + (Double(bin) + within) * binWidth
            }
            cumulative = next
        }
        return upperBound
    }

    /// The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ `value` (at least
    /// 1e-3): axis bounds that stay put while the data wobble, yet waste little width.
    public static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 1e-3 else { return 1e-3 }
        var decade = 1.0
        while decade * 10 <= value { decade *= 10 }
        while decade > value { decade /= 10 }
        for step in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * decade >= value {
            return step * decade
        }
        return 10 * decade
    }
}

/// What the probes record about one activation tensor each step: a histogram on a stable
/// range, the moments, and the 1/15/50/85/99th percentiles that Ioffe & Szegedy (2015, Fig. 1)
/// and Wu & He (2018, Fig. 4) plot to show distributions moving during training.
public struct ActivationSummary: Sendable, Equatable {
    public var histogram: Histogram
    public var mean: Double
    public var std: Double
    /// Values at ``percentileLevels``, estimated from a fine histogram (within 1/1024 of
    /// the data's range), so that no sort of the whole tensor is needed every step.
    public var percentiles: [Double]
    public var minimum: Double
    public var maximum: Double

    public static let percentileLevels: [Double] = [1, 15, 50, 85, 99]
    /// Bins of the displayed histogram.
    public static let binCount = 64
    static let fineBinCount = 1024

    /// Summarizes `values`. Non-finite values make every statistic non-finite, which the
    /// trainer reports as divergence.
    public init(_ values: UnsafeBufferPointer<Float>) {
        let count = values.count
        guard count > 0, let (low, high) = Self.finiteRange(values) else {
            self.init(nonFiniteCount: count)
            return
        }
        let base = values.baseAddress!
        let moments = Moments.meanAndVariance(
            base, segmentCount: 1, segmentLength: count, segmentStride: 0, algorithm: .twoPass)
        let (mean, std) = (moments.mean, moments.variance.squareRoot())
        // A fine histogram over [min, max] gives the percentiles …
        let fine = Histogram(values, lowerBound: Double(low), upperBound: Double(high), binCount: Self.fineBinCount)
        let percentiles = Self.percentileLevels.map { fine.quantile($0 / 100) }
        // … and the displayed one uses a rounded symmetric range that changes only when the
        // spread changes by a visible amount, so bars do not jitter from step to step.
        let reach = max(abs(percentiles.first!), abs(percentiles.last!), abs(mean) + 3 * std)
        let bound = Histogram.niceCeiling(reach)
        self.init(
            histogram: Histogram(values, lowerBound: -bound, upperBound: bound, binCount: Self.binCount),
            mean: mean, std: std, percentiles: percentiles, minimum: Double(low), maximum: Double(high))
    }

    public init(histogram: Histogram, mean: Double, std: Double, percentiles: [Double], minimum: Double, maximum: Double) {
        self.histogram = histogram
        self.mean = mean
        self.std = std
        self.percentiles = percentiles
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The smallest and largest value, or nil when any value is infinite or NaN; eight lanes
    /// at a time (this runs on every activation tensor of every step).
    static func finiteRange(_ values: UnsafeBufferPointer<Float>) -> (low: Float, high: Float)? {
        let x = values.baseAddress!, count = values.count
        var low = SIMD8<Float>(repeating: .infinity), high = SIMD8<Float>(repeating: -.infinity)
        // x − x is 0 for finite x and NaN for ±∞ and NaN; the sum of those stays 0 only if
        // every value is finite.
        var check = SIMD8<Float>.zero
        var i = 0
        while i + 8 <= count {
            let v = Reduce.loadFloats(x + i)
            low = low.replacing(with: v, where: v .< low)
            high = high.replacing(with: v, where: v .> high)
            check += v - v
            i += 8
        }
        var lowest = low.min(), highest = high.max()
        var finite = check == .zero
        while i < count {
            finite = finite && x[i].isFinite
            lowest = min(lowest, x[i])
            highest = max(highest, x[i])
            i += 1
        }
        return finite && lowest.isFinite && highest.isFinite ? (lowest, highest) : nil
    }

    private init(nonFiniteCount count: Int) {
        self.init(
            histogram: Histogram(lowerBound: -1, upperBound: 1, counts: Array(repeating: 0, count: Self.binCount), total: count),
            mean: .nan, std: .nan, percentiles: Self.percentileLevels.map { _ in .nan }, minimum: .nan, maximum: .nan)
    }

    public var isFinite: Bool { mean.isFinite && std.isFinite }
}

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
        var counts = [Int](repeating: 0, count: binCount)
        let width = upperBound - lowerBound
        let scale = width > 0 ? Float(Double(binCount) / width) : 0
        let low = Float(lowerBound), last = binCount - 1
        // Bin numbers eight at a time; lane l counts into its own copy l of the bins, so that
        // runs of equal values (the zeros after a ReLU) do not wait on each other's increments.
        // UInt32 keeps 8 copies of 1024 bins in the L1 cache; a copy counts at most n/8 + 1
        // values.
        let lanes = 8
        var copies = [UInt32](repeating: 0, count: lanes * binCount)
        copies.withUnsafeMutableBufferPointer { copy in
            let bins = copy.baseAddress!, x = values.baseAddress!, n = values.count
            let vlow = SIMD8<Float>(repeating: low), vscale = SIMD8<Float>(repeating: scale)
            let vlast = SIMD8<Float>(repeating: Float(last))
            let laneNumbers = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
            var i = 0
            while i + lanes <= n {
                // max(·, 0) then min(·, last) then truncation: the same bin as the scalar rule
                // below, for every finite value.
                var position = (Reduce.loadFloats(x + i) - vlow) * vscale
                position = position.replacing(with: SIMD8<Float>.zero, where: position .< SIMD8<Float>.zero)
                position = position.replacing(with: vlast, where: position .> vlast)
                // ⌊position⌋ + 2²³ holds the bin number in its low mantissa bits: a conversion
                // without the range checks of Int(Float).
                let magic = unsafeBitCast(position.rounded(.down) + 8_388_608, to: SIMD8<UInt32>.self) & 0x7F_FFFF
                let slots = magic &<< 3 | laneNumbers
                for lane in 0..<lanes { bins[Int(slots[lane])] &+= 1 }
                i += lanes
            }
            while i < n {
                let position = (x[i] - low) * scale
                bins[(position <= 0 ? 0 : min(Int(position), last)) * lanes] += 1
                i += 1
            }
        }
        for bin in 0..<binCount {
            var sum = 0
            for lane in 0..<lanes { sum += Int(copies[bin * lanes + lane]) }
            counts[bin] = sum
        }
        self.init(lowerBound: lowerBound, upperBound: upperBound, counts: counts, total: values.count)
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

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
        guard count > 0, let (mean, std, low, high) = Self.momentsAndRange(values) else {
            self.init(nonFiniteCount: count)
            return
        }
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

    /// The mean and standard deviation — two-pass's, the bits of `Moments.meanAndVariance` —
    /// and the smallest and largest value, in one pass over the data after the pilot's; nil
    /// when any value is infinite or NaN. This runs on every activation tensor of every step:
    /// the range rides along in the moments' loop instead of taking a pass of its own.
    static func momentsAndRange(_ values: UnsafeBufferPointer<Float>) -> (mean: Double, std: Double, low: Float, high: Float)? {
        let x = values.baseAddress!, count = values.count
        let shift = Moments.pilotMean(x, segmentCount: 1, segmentLength: count, segmentStride: 0)
        // Reduce.shiftedSums's loop, with the range beside it.
        var accSum = Reduce.Lanes.zero, accSquares = Reduce.Lanes.zero
        let k = Reduce.Lanes(repeating: shift)
        var low = SIMD8<Float>(repeating: .infinity), high = SIMD8<Float>(repeating: -.infinity)
        // x − x is 0 for finite x and NaN for ±∞ and NaN; the sum of those stays 0 only if
        // every value is finite.
        var check = SIMD8<Float>.zero
        var i = 0
        while i + 8 <= count {
            let v = Reduce.loadFloats(x + i)
            let d = Reduce.Lanes(v) - k
            accSum += d
            accSquares += d * d
            // Not pointwiseMin/Max: Swift calls those lane by lane.
            low = low.replacing(with: v, where: v .< low)
            high = high.replacing(with: v, where: v .> high)
            check += v - v
            i += 8
        }
        var sum = Reduce.total(accSum), squares = Reduce.total(accSquares)
        var lowest = low.min(), highest = high.max()
        var finite = check == .zero
        while i < count {
            let d = Double(x[i]) - shift
            sum += d
            squares += d * d
            finite = finite && x[i].isFinite
            lowest = min(lowest, x[i])
            highest = max(highest, x[i])
            i += 1
        }
        guard finite, lowest.isFinite, highest.isFinite else { return nil }
        // As ShiftedSums.add adds one run's sums.
        var sums = Moments.ShiftedSums(shift: shift)
        sums.sum += sum
        sums.squares += squares
        sums.count += count
        let (mean, variance) = sums.meanAndVariance
        return (mean, variance.squareRoot(), lowest, highest)
    }

    private init(nonFiniteCount count: Int) {
        self.init(
            histogram: Histogram(lowerBound: -1, upperBound: 1, counts: Array(repeating: 0, count: Self.binCount), total: count),
            mean: .nan, std: .nan, percentiles: Self.percentileLevels.map { _ in .nan }, minimum: .nan, maximum: .nan)
    }

    public var isFinite: Bool { mean.isFinite && std.isFinite }
}

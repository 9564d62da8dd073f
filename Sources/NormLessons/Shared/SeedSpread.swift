/// One quantity over the steps of several seeds' runs: at each step the median and the range
/// (lowest, highest) — what a lesson draws as a line inside a band, so that a class sees what
/// is signal and what is one run's luck. Series are aligned at their first value; a seed whose
/// run stopped early (diverged) or has no finite value at a step is left out there.
public struct SeedSpread: Sendable, Equatable {
    public let medians: [Double]
    public let lows: [Double]
    public let highs: [Double]
    /// How many seeds' series it summarizes.
    public let seedCount: Int

    /// - Parameter perSeed: one series per seed, index for index the same steps.
    public init(_ perSeed: [[Double]]) {
        seedCount = perSeed.count
        let length = perSeed.map(\.count).max() ?? 0
        var medians: [Double] = [], lows: [Double] = [], highs: [Double] = []
        medians.reserveCapacity(length)
        for index in 0..<length {
            let values = perSeed.compactMap { index < $0.count && $0[index].isFinite ? $0[index] : nil }.sorted()
            guard let low = values.first, let high = values.last else {
                medians.append(.nan); lows.append(.nan); highs.append(.nan)
                continue
            }
            medians.append(Self.median(ofSorted: values))
            lows.append(low)
            highs.append(high)
        }
        (self.medians, self.lows, self.highs) = (medians, lows, highs)
    }

    /// The median of values in ascending order: the middle one, or the mean of the middle two.
    public static func median(ofSorted values: [Double]) -> Double {
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// The median, lowest and highest of single values, one per seed (finite ones only);
    /// `nil` when there is none.
    public static func summary(_ values: [Double]) -> (median: Double, low: Double, high: Double)? {
        let sorted = values.filter(\.isFinite).sorted()
        guard let low = sorted.first, let high = sorted.last else { return nil }
        return (median(ofSorted: sorted), low, high)
    }
}

extension RunSet {
    /// `series` of run `run` on every seed, as median and range per step.
    public func spread(_ run: Int, _ series: (Run) -> [Double]) -> SeedSpread {
        SeedSpread(seeds.indices.map { series(self[run, seed: $0]) })
    }

    /// A single number of run `run` on every seed (e.g. its held-out accuracy).
    public func values(_ run: Int, _ value: (Run) -> Double?) -> [Double] {
        seeds.indices.map { value(self[run, seed: $0]) ?? .nan }
    }
}

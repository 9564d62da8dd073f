import Testing
@testable import NormMath

/// The probes' histograms: the vector binning puts every value where the plain rule does.
struct HistogramTests {
    /// The rule, one value at a time and without any of the kernel's tricks: ⌊(x − low)·scale⌋
    /// in Float, clamped to the bins; NaN in the first.
    static func plainCounts(_ values: [Float], lowerBound: Double, upperBound: Double, binCount: Int) -> [Int] {
        let width = upperBound - lowerBound
        let scale = width > 0 ? Float(Double(binCount) / width) : 0
        var counts = [Int](repeating: 0, count: binCount)
        for x in values {
            let position = (x - Float(lowerBound)) * scale
            let bin = position.isNaN || position < 0 ? 0 : min(position, Float(binCount - 1)).rounded(.down)
            counts[Int(bin)] += 1
        }
        return counts
    }

    /// Normal values, ReLU zeros, values on bin edges and outside the range, ±∞ and NaN.
    static func awkwardValues(count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            switch i % 11 {
            case 0: 0
            case 1: Float(generator.nextInt(below: 65) - 32) / 16  // on edges of [-2, 2] / 64
            case 2: generator.nextNormal() * 10
            case 3: i % 3 == 0 ? .infinity : i % 3 == 1 ? -.infinity : .nan
            case 4: max(0, generator.nextNormal())
            default: generator.nextNormal()
            }
        }
    }

    @Test(arguments: [1, 7, 8, 9, 511, 512, 513, 1000, 4099])
    func binsEveryValueByThePlainRule(count: Int) {
        let values = Self.awkwardValues(count: count, seed: UInt64(count))
        for (low, high, bins) in [(-2.0, 2.0, 64), (-2.0, 2.0, 1024), (-0.37, 5.1, 1000), (1.0, 1.0, 16), (-3e30, 3e30, 7)] {
            let histogram = values.withUnsafeBufferPointer { Histogram($0, lowerBound: low, upperBound: high, binCount: bins) }
            #expect(histogram.counts == Self.plainCounts(values, lowerBound: low, upperBound: high, binCount: bins),
                    "[\(low), \(high)] in \(bins) bins, \(count) values")
            #expect(histogram.total == count)
        }
    }

    @Test func theSummaryShowsTheCountsOfItsOwnRange() {
        var generator = SeededGenerator(seed: 9)
        let values = (0..<50_003).map { _ in max(0, generator.nextNormal() * 2 - 0.5) }
        let summary = values.withUnsafeBufferPointer(ActivationSummary.init)
        let shown = summary.histogram
        let direct = values.withUnsafeBufferPointer {
            Histogram($0, lowerBound: shown.lowerBound, upperBound: shown.upperBound, binCount: ActivationSummary.binCount)
        }
        #expect(shown == direct)
        #expect(shown.counts.reduce(0, +) == values.count)
    }
}

import Testing
@testable import NormMath

/// The probes take two shortcuts; each must give the bits of the long way.
struct ProbeShortcutTests {
    /// Mean, standard deviation and range in one pass: the bits of two-pass moments and of
    /// min/max, on lengths with and without a tail of fewer than eight values.
    @Test(arguments: [1, 7, 8, 63, 64, 1000, 65_541])
    func momentsAndRangeInOnePass(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in generator.nextNormal() * 3 + 1_000 }
        let (mean, std, low, high) = values.withUnsafeBufferPointer { ActivationSummary.momentsAndRange($0) }!
        let expected = values.withUnsafeBufferPointer {
            Moments.meanAndVariance($0.baseAddress!, segmentCount: 1, segmentLength: count, segmentStride: 0, algorithm: .twoPass)
        }
        #expect(mean.bitPattern == expected.mean.bitPattern)
        #expect(std.bitPattern == expected.variance.squareRoot().bitPattern)
        #expect(low == values.min()! && high == values.max()!)
        for bad in [Float.nan, .infinity, -.infinity] {
            var broken = values
            broken[count / 2] = bad
            #expect(broken.withUnsafeBufferPointer { ActivationSummary.momentsAndRange($0) } == nil)
        }
    }

    /// Batch norm's own statistics in train mode are the per-channel moments the probes report
    /// (`Trainer.channelStatistics`), bit for bit, on one thread or two.
    @Test(arguments: [1, 2])
    func batchNormStatisticsAreTheChannelStatistics(threads: Int) throws {
        var generator = SeededGenerator(seed: 5)
        let shape = TensorShape(n: 64, c: 8, h: 16, w: 17)  // large enough to be split over 2 threads
        let x = (0..<shape.count).map { _ in generator.nextNormal() * 2 + 0.5 }
        var layer = Normalization(config: NormalizationConfig(variant: .batch), channels: shape.c)
        let own = try layer.forward(x, shape: shape, mode: .train, threads: threads).statistics
        let probed = Trainer.channelStatistics(x, shape: shape)
        #expect(own.mean.map(\.bitPattern) == probed.mean.map(\.bitPattern))
        #expect(own.variance.map(\.bitPattern) == probed.variance.map(\.bitPattern))
    }
}

/// The mean and (biased) variance of one statistics group, computed with a chosen algorithm.
///
/// A group is `segmentCount` runs of `segmentLength` contiguous elements, `segmentStride`
/// apart (see ``StatisticsLayout``).
enum Moments {
    static func meanAndVariance(
        _ x: UnsafePointer<Float>, segmentCount: Int, segmentLength: Int, segmentStride: Int,
        algorithm: VarianceAlgorithm
    ) -> (mean: Double, variance: Double) {
        let count = Double(segmentCount * segmentLength)
        switch algorithm {
        case .twoPass:
            var sum = 0.0
            for s in 0..<segmentCount {
                sum += Reduce.sum(x + s * segmentStride, segmentLength)
            }
            let mean = sum / count
            var squares = 0.0
            for s in 0..<segmentCount {
                squares += Reduce.sumOfSquaredDeviations(x + s * segmentStride, segmentLength, from: mean)
            }
            return (mean, squares / count)
        case .welford:
            var n = 0.0, mean = 0.0, m2 = 0.0
            for s in 0..<segmentCount {
                let base = x + s * segmentStride
                for i in 0..<segmentLength {
                    let value = Double(base[i])
                    n += 1
                    let delta = value - mean
                    mean += delta / n
                    m2 += delta * (value - mean)
                }
            }
            return (mean, m2 / n)
        case .naive:
            var sum: Float = 0, sumOfSquares: Float = 0
            for s in 0..<segmentCount {
                let base = x + s * segmentStride
                for i in 0..<segmentLength {
                    sum += base[i]
                    sumOfSquares += base[i] * base[i]
                }
            }
            let mean = sum / Float(count)
            return (Double(mean), Double(sumOfSquares / Float(count) - mean * mean))
        }
    }

    /// The mean of squares, RMSNorm's only statistic, summed in Double.
    static func meanSquare(
        _ x: UnsafePointer<Float>, segmentCount: Int, segmentLength: Int, segmentStride: Int
    ) -> Double {
        var squares = 0.0
        for s in 0..<segmentCount {
            squares += Reduce.sumOfSquaredDeviations(x + s * segmentStride, segmentLength, from: 0)
        }
        return squares / Double(segmentCount * segmentLength)
    }
}

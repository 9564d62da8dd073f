/// The mean and (biased) variance of one statistics group, computed with a chosen algorithm.
///
/// The default, two-pass, is stable on data with a large offset: its first pass finds a value
/// close to the mean, its second sums the squared distances from that value in Double.
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
            let shift = pilotMean(x, segmentCount: segmentCount, segmentLength: segmentLength, segmentStride: segmentStride)
            var sums = ShiftedSums(shift: shift)
            for s in 0..<segmentCount {
                sums.add(x + s * segmentStride, segmentLength)
            }
            return sums.meanAndVariance
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

    /// Pass one of two-pass: the mean of a pilot, the group's first elements, at least 1/16
    /// of them (and at least 64). The pilot's mean k lies within √(n/pilot)·σ ≤ 4σ of the
    /// group's mean μ, because the pilot's share of the variance, (pilot/n)·(k − μ)², is at
    /// most σ² — whatever the data.
    static func pilotMean(
        _ x: UnsafePointer<Float>, segmentCount: Int, segmentLength: Int, segmentStride: Int
    ) -> Double {
        let total = segmentCount * segmentLength
        let pilot = min(total, max((total + 15) / 16, 64))
        var sum = 0.0, taken = 0, s = 0
        while taken < pilot {
            let length = min(segmentLength, pilot - taken)
            sum += Reduce.sum(x + s * segmentStride, length)
            taken += length
            s += 1
        }
        return sum / Double(pilot)
    }

    /// Pass two of two-pass: Σ (x − k) and Σ (x − k)² over the whole group, in Double, for
    /// the pilot's mean k (the shifted-data algorithm, Chan, Golub & LeVeque 1983). With
    /// |k − μ| ≤ 4σ, `Σ(x − k)²/n − (Σ(x − k)/n)²` loses at most a factor 17 of Double's
    /// precision: as stable as centering on μ itself, at the cost of one pass over the data
    /// instead of two.
    struct ShiftedSums {
        let shift: Double
        var count = 0
        var sum = 0.0
        var squares = 0.0

        init(shift: Double) { self.shift = shift }

        /// Adds `length` contiguous elements.
        @inline(__always)
        mutating func add(_ x: UnsafePointer<Float>, _ length: Int) {
            let sums = Reduce.shiftedSums(x, length, shift: shift)
            sum += sums.sum
            squares += sums.squares
            count += length
        }

        var meanAndVariance: (mean: Double, variance: Double) {
            let n = Double(count)
            let offset = sum / n
            return (shift + offset, max(0, squares / n - offset * offset))
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

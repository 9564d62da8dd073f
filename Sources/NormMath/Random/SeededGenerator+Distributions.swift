import Foundation

/// Uniform and normal numbers, and shuffles, built only on `next()` so that they are the same
/// on every platform and Swift release.
extension SeededGenerator {
    /// A uniform Float in [0, 1), from the top 24 bits (every value a multiple of 2⁻²⁴).
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform Float in [lower, upper).
    public mutating func nextUniform(in lower: Float, _ upper: Float) -> Float {
        lower + (upper - lower) * nextUniform()
    }

    /// A uniform Double in [0, 1), from the top 53 bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal Float by the Box–Muller transform, computed in Double. Each pair of
    /// uniforms gives two normals; the second is kept for the next call.
    public mutating func nextNormal() -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let radius = (-2 * Foundation.log(1 - nextDouble())).squareRoot()  // 1 − u ∈ (0, 1]: no log(0)
        let angle = 2 * Double.pi * nextDouble()
        spareNormal = Float(radius * sin(angle))
        return Float(radius * cos(angle))
    }

    /// A normal Float with the given mean and standard deviation.
    public mutating func nextNormal(mean: Float, standardDeviation: Float) -> Float {
        mean + standardDeviation * nextNormal()
    }

    /// A uniform integer in 0..<bound, unbiased (Lemire 2019: multiply, reject the short zone).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "the upper bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Shuffles in place by Fisher–Yates.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// A random permutation of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }
}

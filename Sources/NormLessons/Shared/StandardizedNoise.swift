import NormMath

/// Seeded normal noise shifted and scaled (in Double) to a mean of exactly 0 and a standard
/// deviation of exactly 1 before rounding to Float: lessons that add an offset or a scale
/// to it then know the true statistics of their input, so what the screen shows is the layer's
/// doing and not the sample's.
public enum StandardizedNoise {
    public static func make(count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        let raw = (0..<count).map { _ in Double(generator.nextNormal()) }
        let mean = raw.reduce(0, +) / Double(count)
        let std = (raw.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)).squareRoot()
        return raw.map { Float(($0 - mean) / std) }
    }
}

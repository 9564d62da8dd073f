import NormMath

/// The identity at the heart of "Skalierbare Reparametrisierung" (glossary, "Grundprinzip";
/// Ioffe & Szegedy 2015, §3): with γ = σ and β = μ of the very statistics a normalization
/// layer removed, `y = γ·(x − μ)/σ + β` gives back x. So the learnable pair can always undo the
/// normalization, and the layer loses no expressive power by normalizing.
///
/// Computed by the one normalization core: batch norm over `[N, C]`, then the same layer
/// again with γ_c = √(σ_c² + ε) (the denominator it divided by) and β_c = μ_c.
public struct AffineRoundTrip: Sendable {
    /// x, `[N, C]`.
    public let input: [Float]
    /// x̂ = (x − μ)/√(σ² + ε), `[N, C]`.
    public let normalized: [Float]
    /// γ·x̂ + β with γ = √(σ² + ε), β = μ, `[N, C]`.
    public let restored: [Float]
    /// μ_c and √(σ_c² + ε) per channel.
    public let mean: [Double]
    public let standardDeviation: [Double]
    public let channels: Int

    /// - Precondition: `input` is `[n, channels]` with n > 1.
    public init(input: [Float], channels: Int) {
        let n = input.count / channels
        let shape = TensorShape(n: n, c: channels)
        let config = NormalizationConfig(variant: .batch)
        var plain = Normalization(config: config, channels: channels, affine: false)
        guard let output = try? plain.forward(input, shape: shape, mode: .train) else {
            preconditionFailure("batch norm refused [\(n), \(channels)]")
        }
        mean = output.statistics.mean
        standardDeviation = output.statistics.inverseStd.map { 1 / $0 }
        do {
            var undo = try Normalization(
                config: config, channels: channels, gamma: standardDeviation.map { Float($0) }, beta: mean.map { Float($0) })
            restored = try undo.forward(input, shape: shape, mode: .train).y
        } catch {
            preconditionFailure("batch norm with γ = σ, β = μ refused: \(error)")
        }
        self.input = input
        normalized = output.y
        self.channels = channels
    }

    /// Values of channel `channel` in `values` (`[N, C]`), the first `count` samples.
    public func column(_ values: [Float], channel: Int, count: Int) -> [Double] {
        let n = values.count / channels
        return (0..<min(count, n)).map { Double(values[$0 * channels + channel]) }
    }

    /// The largest |γ·x̂ + β − x| over the batch.
    public var largestDifference: Double {
        zip(restored, input).map { abs(Double($0) - Double($1)) }.max() ?? 0
    }

    /// The largest |x| over the batch, the scale the difference is measured against.
    public var largestInput: Double {
        input.map { abs(Double($0)) }.max() ?? 0
    }
}

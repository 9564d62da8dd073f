/// Initial weights.
public enum Initialization {
    /// He (Kaiming) normal initialization (He et al. 2015, "Delving Deep into Rectifiers"):
    /// N(0, σ²) with σ = gain/√fan_in and gain √2 for ReLU — PyTorch's
    /// `kaiming_normal_(w, mode="fan_in", nonlinearity="relu")`. It keeps the activations'
    /// variance roughly constant through ReLU layers *without* normalization, the baseline the
    /// normalization layers are compared with.
    /// - Parameters:
    ///   - count: number of weights.
    ///   - fanIn: inputs per output unit: `in` for a linear layer, `C_in·3·3` for a 3×3 conv.
    ///   - generator: draws the weights.
    public static func heNormal(count: Int, fanIn: Int, using generator: inout SeededGenerator) -> [Float] {
        precondition(fanIn > 0, "fan_in must be positive")
        let standardDeviation = Float((2.0 / Double(fanIn)).squareRoot())
        return (0..<count).map { _ in generator.nextNormal() * standardDeviation }
    }
}

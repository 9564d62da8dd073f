/// Reversible instance normalization, RevIN (Kim et al. 2022, "Reversible Instance
/// Normalization for Accurate Time-Series Forecasting against Distribution Shift", Eq. 1–3) —
/// the glossary's "Zeitreihen-spezifische Normalisierungsvarianten".
///
/// A forecaster sees a look-back window x `[N, C, L]` (N windows, C variables, L time steps)
/// and predicts the next H steps. RevIN normalizes each window of each variable by its own
/// mean and standard deviation, with a learnable affine pair per variable, before the model:
///
///     x̃ = γ_c·(x − μ_nc)/σ_nc + β_c,    σ_nc = √(Var_nc + ε)
///
/// and gives the model's output ŷ `[N, C, H]` back the same window's statistics after it:
///
///     y = σ_nc·(ŷ − β_c)/(γ_c + ε²) + μ_nc
///
/// so that a level or a scale the training data never had reaches the model only as the
/// shape of the window, and reaches the forecast again at the end. (ε² beside γ is the
/// reference code's guard against a γ that reaches 0.)
///
/// One statistics group is a window of one variable: the layout of instance norm on
/// `[N, C, L, 1]`. Moments in Double, two passes, as ``Normalization``.
public struct ReversibleInstanceNormalization: Sendable {
    /// C, the number of variables.
    public let channels: Int
    public let eps: Double
    /// γ, one scale per variable (starts at 1).
    public var gamma: [Float]
    /// β, one shift per variable (starts at 0).
    public var beta: [Float]

    /// μ and σ = √(Var + ε) of every window and variable, n-major (`[N·C]`): what the
    /// denormalization and both backward passes need.
    public struct Statistics: Sendable {
        public let mean: [Double]
        public let standardDeviation: [Double]
    }

    public init(channels: Int, eps: Double = 1e-5) {
        precondition(channels > 0, "RevIN needs at least one variable")
        self.channels = channels
        self.eps = eps
        gamma = Array(repeating: 1, count: channels)
        beta = Array(repeating: 0, count: channels)
    }

    /// The divisor of the denormalization, γ_c + ε².
    @inline(__always)
    func denominator(_ c: Int) -> Double { Double(gamma[c]) + eps * eps }

    /// x̃ = γ·(x − μ)/σ + β per window and variable, and the statistics.
    /// - Parameters:
    ///   - x: the look-back windows, `[N, C, L]` flat.
    ///   - length: L, at least 1.
    public func normalize(_ x: [Float], length: Int) -> (y: [Float], statistics: Statistics) {
        precondition(length > 0 && x.count % (channels * length) == 0, "x must be [N, C, L]")
        let groups = x.count / length
        var mean = [Double](repeating: 0, count: groups), deviation = [Double](repeating: 0, count: groups)
        var y = [Float](repeating: 0, count: x.count)
        for group in 0..<groups {
            let c = group % channels, start = group * length
            var sum = 0.0
            for t in 0..<length { sum += Double(x[start + t]) }
            let mu = sum / Double(length)
            var squares = 0.0
            for t in 0..<length {
                let d = Double(x[start + t]) - mu
                squares += d * d
            }
            let sigma = (squares / Double(length) + eps).squareRoot()
            mean[group] = mu
            deviation[group] = sigma
            let g = Double(gamma[c]), b = Double(beta[c])
            for t in 0..<length { y[start + t] = Float(g * (Double(x[start + t]) - mu) / sigma + b) }
        }
        return (y, Statistics(mean: mean, standardDeviation: deviation))
    }

    /// y = σ·(ŷ − β)/(γ + ε²) + μ with the statistics of the same window and variable.
    /// - Parameters:
    ///   - prediction: the model's output ŷ, `[N, C, H]` flat, in normalized units.
    ///   - statistics: what ``normalize(_:length:)`` returned for the same windows.
    public func denormalize(_ prediction: [Float], statistics: Statistics) -> [Float] {
        let groups = statistics.mean.count
        precondition(groups > 0 && prediction.count % groups == 0, "the prediction must be [N, C, H] for the same N·C windows")
        let horizon = prediction.count / groups
        var y = [Float](repeating: 0, count: prediction.count)
        for group in 0..<groups {
            let c = group % channels, start = group * horizon
            let scale = statistics.standardDeviation[group] / denominator(c), b = Double(beta[c])
            for t in 0..<horizon {
                y[start + t] = Float((Double(prediction[start + t]) - b) * scale + statistics.mean[group])
            }
        }
        return y
    }
}

/// ∂L/∂ of what RevIN's two halves depend on. The gradients of γ and β from both halves add
/// up: each appears in the normalization and in the denormalization.
public struct ReversibleInstanceNormalizationGradients: Sendable {
    /// ∂L/∂γ, `[C]`.
    public var gamma: [Float]
    /// ∂L/∂β, `[C]`.
    public var beta: [Float]

    public init(channels: Int) {
        gamma = Array(repeating: 0, count: channels)
        beta = Array(repeating: 0, count: channels)
    }
}

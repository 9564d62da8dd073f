/// PairNorm (Zhao & Akoglu 2020, "PairNorm: Tackling Oversmoothing in GNNs", Eq. 4–5), the
/// glossary's "Graph Neural Networks mit spezialisierten Normalisierungsansätzen": after a
/// graph convolution, for node features X `[n, F]`,
///
///     xᶜ_i = x_i − (1/n)·Σ_j x_j                       centre over the nodes
///     y_i  = s · xᶜ_i / √(ε + (1/n)·Σ_j ‖xᶜ_j‖²)       rescale
///
/// The statistics are over the *nodes* of one graph, per feature for the mean and over all
/// features for the scale. Centring removes the direction that repeated smoothing with Â
/// drives every node towards; rescaling keeps the total of squared pairwise distances
/// Σ_ij ‖y_i − y_j‖² = 2n²s² fixed from layer to layer, so the nodes cannot collapse onto one
/// point, however often Â averages them. No learnable parameters; s is set beforehand.
/// ε = 1e-6 under the root as in the paper's reference code. Sums in Double.
public struct PairNorm: Sendable {
    /// s, the mean squared row norm of the output is s².
    public let scale: Double
    public let eps: Double

    /// What the backward pass needs of one forward pass.
    public struct Statistics: Sendable {
        /// The mean over the nodes of each feature, `[F]`.
        public let mean: [Double]
        /// r = √(ε + (1/n)·Σ‖xᶜ_j‖²).
        public let rootMeanSquareNorm: Double
    }

    /// - Parameters:
    ///   - scale: s > 0 (the paper's default is 1).
    ///   - eps: ε ≥ 0 under the root.
    public init(scale: Double = 1, eps: Double = 1e-6) {
        precondition(scale > 0 && eps >= 0, "PairNorm needs s > 0 and ε ≥ 0")
        self.scale = scale
        self.eps = eps
    }

    /// Y = s·(X − mean)/r and the statistics.
    /// - Parameters:
    ///   - x: the node features, `[n, F]` flat, n-major.
    ///   - features: F, at least 1.
    public func forward(_ x: [Float], features: Int) -> (y: [Float], statistics: Statistics) {
        precondition(features > 0 && !x.isEmpty && x.count % features == 0, "X must be [n, F] with n ≥ 1")
        let n = x.count / features
        var mean = [Double](repeating: 0, count: features)
        for i in 0..<n {
            for f in 0..<features { mean[f] += Double(x[i * features + f]) }
        }
        for f in 0..<features { mean[f] /= Double(n) }
        var squares = 0.0
        for i in 0..<n {
            for f in 0..<features {
                let centred = Double(x[i * features + f]) - mean[f]
                squares += centred * centred
            }
        }
        let r = (eps + squares / Double(n)).squareRoot(), factor = scale / r
        var y = [Float](repeating: 0, count: x.count)
        for i in 0..<n {
            for f in 0..<features { y[i * features + f] = Float((Double(x[i * features + f]) - mean[f]) * factor) }
        }
        return (y, Statistics(mean: mean, rootMeanSquareNorm: r))
    }
}

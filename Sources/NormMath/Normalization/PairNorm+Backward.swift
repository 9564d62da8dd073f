/// The backward pass of ``PairNorm``, written by hand. With xᶜ = x − mean, y = s·xᶜ/r and
/// ∂r/∂xᶜ_ij = xᶜ_ij/(n·r) (ε does not change it):
///
///     dxᶜ = (s/r)·(dy − xᶜ·⟨dy, xᶜ⟩/(n·r²))        ⟨dy, xᶜ⟩ = Σ_ij dy_ij·xᶜ_ij
///     dx  = dxᶜ − (1/n)·Σ_i dxᶜ_i                 the centring's backward, per feature
///
/// The first line removes from dy its part along xᶜ as a whole (rescaling makes the output's
/// size independent of the input's); the second its mean over the nodes.
extension PairNorm {
    /// ∂L/∂X.
    /// - Parameters:
    ///   - dy: ∂L/∂Y, `[n, F]`.
    ///   - x: the forward pass's input X.
    ///   - statistics: what the forward pass returned for X.
    public func backward(dy: [Float], x: [Float], statistics: Statistics) -> [Float] {
        let features = statistics.mean.count
        precondition(dy.count == x.count && x.count % features == 0, "dy and X must be [n, F]")
        let n = x.count / features, r = statistics.rootMeanSquareNorm
        var inner = 0.0
        for i in 0..<n {
            for f in 0..<features {
                inner += Double(dy[i * features + f]) * (Double(x[i * features + f]) - statistics.mean[f])
            }
        }
        let factor = scale / r, along = inner / (Double(n) * r * r)
        var dCentred = [Double](repeating: 0, count: x.count)
        var columnSum = [Double](repeating: 0, count: features)
        for i in 0..<n {
            for f in 0..<features {
                let index = i * features + f
                let centred = Double(x[index]) - statistics.mean[f]
                let d = factor * (Double(dy[index]) - centred * along)
                dCentred[index] = d
                columnSum[f] += d
            }
        }
        var dx = [Float](repeating: 0, count: x.count)
        for i in 0..<n {
            for f in 0..<features {
                dx[i * features + f] = Float(dCentred[i * features + f] - columnSum[f] / Double(n))
            }
        }
        return dx
    }
}

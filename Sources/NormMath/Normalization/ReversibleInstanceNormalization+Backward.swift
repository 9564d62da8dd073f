/// The backward passes of ``ReversibleInstanceNormalization``, written by hand.
///
/// Denormalization, `y = σ·(ŷ − β)/γ' + μ` with γ' = γ + ε², over the H outputs of a window:
///
///     dŷ = dy·σ/γ'                      dβ_c += Σ −dy·σ/γ'
///     dγ_c += Σ −dy·σ·(ŷ − β)/γ'²       dμ = Σ dy,   dσ = Σ dy·(ŷ − β)/γ'
///
/// Normalization, `x̃ = γ·x̂ + β` with `x̂ = (x − μ)/σ`, over the L inputs of a window, with
/// `g = γ·dx̃` and the statistics' own gradients dμ and dσ from the denormalization (the
/// window's μ and σ reach the loss on both sides):
///
///     dγ_c += Σ dx̃·x̂                    dβ_c += Σ dx̃
///     dx   = (g − mean(g) − x̂·mean(g·x̂))/σ + dμ/L + dσ·x̂/L
///
/// since ∂μ/∂x_i = 1/L and ∂σ/∂x_i = (x_i − μ)/(L·σ) = x̂_i/L for σ = √(Var + ε). The
/// reference code detaches μ and σ; the inputs are data, so dx changes no parameter either
/// way, and here it is the true derivative, checked by finite differences.
extension ReversibleInstanceNormalization {
    /// The denormalization's part: ∂L/∂ŷ, and ∂L/∂μ and ∂L/∂σ per window (`[N·C]`); adds its
    /// part of ∂L/∂γ and ∂L/∂β to `gradients`.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N, C, H]`.
    ///   - prediction: the model's output ŷ the forward pass denormalized.
    ///   - statistics: each window's μ and σ from the forward pass.
    ///   - gradients: where ∂L/∂γ and ∂L/∂β accumulate.
    public func denormalizeBackward(
        dy: [Float], prediction: [Float], statistics: Statistics, gradients: inout ReversibleInstanceNormalizationGradients
    ) -> (dPrediction: [Float], dMean: [Double], dStandardDeviation: [Double]) {
        let groups = statistics.mean.count
        precondition(dy.count == prediction.count && prediction.count % groups == 0, "dy and ŷ must be [N, C, H]")
        let horizon = prediction.count / groups
        var dPrediction = [Float](repeating: 0, count: dy.count)
        var dMean = [Double](repeating: 0, count: groups), dDeviation = [Double](repeating: 0, count: groups)
        var dGamma = [Double](repeating: 0, count: channels), dBeta = [Double](repeating: 0, count: channels)
        for group in 0..<groups {
            let c = group % channels, start = group * horizon
            let sigma = statistics.standardDeviation[group], divisor = denominator(c), b = Double(beta[c])
            var sumDy = 0.0, sumDyCentred = 0.0
            for t in 0..<horizon {
                let g = Double(dy[start + t]), centred = Double(prediction[start + t]) - b
                dPrediction[start + t] = Float(g * sigma / divisor)
                sumDy += g
                sumDyCentred += g * centred
            }
            dMean[group] = sumDy
            dDeviation[group] = sumDyCentred / divisor
            dBeta[c] -= sumDy * sigma / divisor
            dGamma[c] -= sumDyCentred * sigma / (divisor * divisor)
        }
        for c in 0..<channels {
            gradients.gamma[c] += Float(dGamma[c])
            gradients.beta[c] += Float(dBeta[c])
        }
        return (dPrediction, dMean, dDeviation)
    }

    /// The normalization's part: ∂L/∂x from ∂L/∂x̃ and the statistics' gradients the
    /// denormalization returned; adds its part of ∂L/∂γ and ∂L/∂β to `gradients`.
    /// - Parameters:
    ///   - dNormalized: ∂L/∂x̃, `[N, C, L]` (what the model's backward pass returned).
    ///   - x: the forward pass's input windows.
    ///   - statistics: each window's μ and σ from the forward pass.
    ///   - dMean: ∂L/∂μ per window, from ``denormalizeBackward(dy:prediction:statistics:gradients:)``.
    ///   - dStandardDeviation: ∂L/∂σ per window, from the same.
    ///   - gradients: where ∂L/∂γ and ∂L/∂β accumulate.
    public func normalizeBackward(
        dNormalized: [Float], x: [Float], statistics: Statistics, dMean: [Double], dStandardDeviation: [Double],
        gradients: inout ReversibleInstanceNormalizationGradients
    ) -> [Float] {
        let groups = statistics.mean.count
        precondition(dNormalized.count == x.count && x.count % groups == 0, "dx̃ and x must be [N, C, L]")
        precondition(dMean.count == groups && dStandardDeviation.count == groups, "one dμ and dσ per window")
        let length = x.count / groups
        var dx = [Float](repeating: 0, count: x.count)
        var dGamma = [Double](repeating: 0, count: channels), dBeta = [Double](repeating: 0, count: channels)
        for group in 0..<groups {
            let c = group % channels, start = group * length
            let mu = statistics.mean[group], sigma = statistics.standardDeviation[group], g = Double(gamma[c])
            var sumG = 0.0, sumGHat = 0.0, sumD = 0.0, sumDHat = 0.0
            for t in 0..<length {
                let d = Double(dNormalized[start + t]), hat = (Double(x[start + t]) - mu) / sigma
                sumD += d
                sumDHat += d * hat
                sumG += g * d
                sumGHat += g * d * hat
            }
            dBeta[c] += sumD
            dGamma[c] += sumDHat
            let l = Double(length)
            let meanG = sumG / l, meanGHat = sumGHat / l
            for t in 0..<length {
                let d = Double(dNormalized[start + t]), hat = (Double(x[start + t]) - mu) / sigma
                let throughHat = (g * d - meanG - hat * meanGHat) / sigma
                dx[start + t] = Float(throughHat + dMean[group] / l + dStandardDeviation[group] * hat / l)
            }
        }
        for c in 0..<channels {
            gradients.gamma[c] += Float(dGamma[c])
            gradients.beta[c] += Float(dBeta[c])
        }
        return dx
    }
}

/// Adaptive gradient clipping, unit-wise (Brock et al. 2021, "High-Performance Large-Scale
/// Image Recognition Without Normalization", §4): a unit's gradient G_i is scaled down when it
/// is large *relative to its weights*,
///
///     G_i ← λ · max(‖W_i‖, ε) / ‖G_i‖ · G_i     if ‖G_i‖ / max(‖W_i‖, ε) > λ,
///
/// so no clipped gradient is larger than the fraction λ of its unit's weights; a plain SGD step
/// then changes a unit by at most lr·λ of its size, a step with momentum μ by up to about
/// lr·λ/(1 − μ), since it sums the clipped gradients of the steps before. A unit is one
/// output's row of weights: `[out, in]` for a linear layer, `[C_out, C_in·3·3]`
/// for a convolution. It is what lets networks without normalization train at large learning
/// rates, where an unclipped step would blow the weights up.
public struct AdaptiveGradientClipping: Sendable, Hashable {
    /// λ, the largest allowed ratio ‖G_i‖ / ‖W_i‖.
    public var threshold: Float
    /// ε, a floor for ‖W_i‖ so that weights starting at zero can still move.
    public var epsilon: Float

    public init(threshold: Float, epsilon: Float = 1e-3) {
        precondition(threshold > 0 && epsilon > 0, "λ and ε must be positive")
        self.threshold = threshold
        self.epsilon = epsilon
    }

    /// Clips `gradient` unit by unit against `weight`.
    /// - Parameters:
    ///   - gradient: the weight's gradient, clipped in place.
    ///   - weight: the weight the gradient belongs to.
    ///   - unitSize: values per unit (the weight's fan-in).
    /// - Returns: how many units were clipped.
    /// - Precondition: both arrays have the same length, a multiple of `unitSize`.
    @discardableResult
    public func clip(_ gradient: inout [Float], weight: [Float], unitSize: Int) -> Int {
        precondition(unitSize > 0 && gradient.count == weight.count && weight.count % unitSize == 0,
                     "the gradient and the weight must have the same whole number of units")
        var clipped = 0
        gradient.withUnsafeMutableBufferPointer { g in
            weight.withUnsafeBufferPointer { w in
                for start in stride(from: 0, to: w.count, by: unitSize) {
                    let unit = start..<(start + unitSize)
                    let weightNorm = UnsafeBufferPointer(rebasing: w[unit]).euclideanNorm
                    let allowed = Double(threshold) * max(weightNorm, Double(epsilon))
                    let norm = UnsafeBufferPointer(rebasing: g[unit]).euclideanNorm
                    guard norm > allowed else { continue }
                    let scale = Float(allowed / norm)
                    for i in start..<(start + unitSize) { g[i] *= scale }
                    clipped += 1
                }
            }
        }
        return clipped
    }
}

extension AdaptiveGradientClipping {
    /// Clips the gradient of every parameter `network` has, unit-wise against the parameter
    /// (``Network/unitSize(of:)``): a weight's units are its rows, one per output; a bias's, γ's
    /// and β's their single values.
    /// - Returns: how many weight units (rows of W, in the blocks and the head) were clipped,
    ///   and how many there are.
    @discardableResult
    public func clip(_ gradients: inout NetworkGradients, against network: Network) -> (clipped: Int, units: Int) {
        var clipped = 0, units = 0
        for parameter in network.parameters {
            guard let weight = network[parameter], gradients[parameter] != nil else { continue }
            let unitSize = network.unitSize(of: parameter)
            let count = clip(&gradients[parameter]!, weight: weight, unitSize: unitSize)
            if parameter.role == .weight {
                clipped += count
                units += weight.count / unitSize
            }
        }
        return (clipped, units)
    }
}

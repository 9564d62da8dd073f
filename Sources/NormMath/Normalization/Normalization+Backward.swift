/// The backward pass of ``Normalization``, written by hand.
///
/// With `x̂ = (x − μ)·r` (r = 1/σ), `y = γ·x̂ + β` and `g = γ·dy` over the M elements of a group:
///
///     dβ_c = Σ dy                         dγ_c = Σ dy·x̂
///     dx   = r·(g − mean(g)) − x̂·mean(g·x̂)·k
///
/// where `mean(g)` vanishes for RMSNorm (no centering) and `k` is −2/r·∂r/∂σ²:
/// `k = r` for ε inside the root, `k = 1/σ` for ε outside (the glossary's formula). When the
/// statistics are running statistics (batch norm in eval mode) they are constants: `dx = r·g`.
extension Normalization {
    public func backward(
        dy: [Float], x: [Float], statistics: GroupStatistics, threads: Int = 1
    ) -> NormalizationGradients {
        let layout = statistics.layout
        let shape = layout.shape
        precondition(dy.count == shape.count && x.count == shape.count, "dy and x must have the input's shape")
        if config.variant == .none {
            return NormalizationGradients(dx: dy, dgamma: nil, dbeta: nil)
        }
        let hw = shape.spatial
        let planesPerSegment = layout.segmentLength / hw
        let planesPerGroup = planesPerSegment * layout.segmentsPerGroup
        let count = Double(layout.elementsPerGroup)
        var dgamma = [Double](repeating: 0, count: shape.c)
        var dbeta = [Double](repeating: 0, count: shape.c)
        var dx = [Float](repeating: 0, count: shape.count)
        // Where each channel plane of the current group starts.
        var planeStart = [Int](repeating: 0, count: planesPerGroup)
                let centers = config.variant.centers
        dy.withUnsafeBufferPointer { dyb in
            x.withUnsafeBufferPointer { xb in
                dx.withUnsafeMutableBufferPointer { dxb in
                    let dyp = dyb.baseAddress!, xp = xb.baseAddress!, dxp = dxb.baseAddress!
                    for g in 0..<layout.groupCount {
                        let mean = statistics.mean[g], r = statistics.inverseStd[g]
                        var sumG = 0.0, sumGXc = 0.0
                        var p = 0
                        for segment in 0..<layout.segmentsPerGroup {
                            let segmentStart = layout.segmentStart(group: g, segment: segment)
                            for plane in 0..<planesPerSegment {
                                let start = segmentStart + plane * hw
                                let c = shape.channel(ofFlatIndex: start)
                                let sums = Reduce.gradientSums(dyp + start, xp + start, hw, centeredAt: mean)
                                planeStart[p] = start
                                dbeta[c] += sums.sumDy
                                dgamma[c] += sums.sumDyXc * r
                                let gammaC = Double(gamma?[c] ?? 1)
                                sumG += gammaC * sums.sumDy
                                sumGXc += gammaC * sums.sumDyXc
                                p += 1
                            }
                        }
                        // dx = (γ_c·dy − ḡ)·r + (x − μ)·b, with ḡ = mean(g) and b = −r·k·mean(g·x̂).
                        var meanGradient = 0.0, b = 0.0
                        if !statistics.fromRunningStatistics {
                            let k = varianceScale(variance: statistics.variance[g], inverseStd: r)
                            b = -r * k * (r * sumGXc / count)
                            meanGradient = centers ? sumG / count : 0
                        }
                        for q in 0..<planesPerGroup {
                            let start = planeStart[q]
                            Reduce.inputGradient(
                                dyp + start, xp + start, dxp + start, hw,
                                gamma: gamma?[shape.channel(ofFlatIndex: start)] ?? 1, meanGradient: Float(meanGradient),
                                inverseStd: Float(r), mean: Float(mean), varianceTerm: Float(b))
                        }
                    }
                }
            }
        }
        return NormalizationGradients(
            dx: dx,
            dgamma: gamma == nil ? nil : dgamma.map { Float($0) },
            dbeta: beta == nil ? nil : dbeta.map { Float($0) })
    }

    /// k in `dx = r·(g − mean(g)) − x̂·mean(g·x̂)·k`: how the denominator reacts to the variance.
    /// For ε outside the root and σ = 0 every x̂ is 0, so the term vanishes; k = 0 avoids 0·∞.
    @inline(__always)
    func varianceScale(variance: Double, inverseStd r: Double) -> Double {
        switch config.epsPlacement {
        case .inside: return r
        case .outside:
            let sigma = variance.squareRoot()
            return sigma > 0 ? 1 / sigma : 0
        }
    }
}

/// The gradients of a normalization layer's backward pass.
public struct NormalizationGradients: Sendable {
    /// ∂L/∂x, same shape as x.
    public var dx: [Float]
    /// ∂L/∂γ per channel; `nil` when the layer has no γ.
    public var dgamma: [Float]?
    /// ∂L/∂β per channel; `nil` when the layer has no β.
    public var dbeta: [Float]?
}

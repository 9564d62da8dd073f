/// The backward pass of ``Normalization``, written by hand.
///
/// With `x̂ = (x − μ)·r` (r = 1/σ), `y = γ·x̂ + β` and `g = γ·dy` over the M elements of a group:
///
///     dβ_c = Σ dy                         dγ_c = Σ dy·x̂
///     dx   = r·(g − mean(g)) − x̂·mean(g·x̂)·k
///
/// where `mean(g)` vanishes for RMSNorm (no centering) and `k = −2/r²·∂r/∂σ²` (σ² is the
/// group's biased variance, ∂σ²/∂x_i = 2(x_i − μ)/M, μ = 0 for RMSNorm):
///
///     ε inside,  r = 1/√(σ²+ε):  ∂r/∂σ² = −r³/2        →  k = r
///     ε outside, r = 1/(σ+ε):    ∂r/∂σ² = −r²/(2σ)     →  k = 1/σ   (the glossary's formula)
///
/// (``varianceScale(variance:inverseStd:)``). When the statistics are running statistics
/// (batch norm in eval mode) they are constants: `dx = r·g`.
extension Normalization {
    /// ∂L/∂x, ∂L/∂γ and ∂L/∂β from ∂L/∂y.
    /// - Parameters:
    ///   - dy: ∂L/∂y, shaped like x.
    ///   - x: the forward pass's input.
    ///   - statistics: what the forward pass returned with its output.
    ///   - threads: how many threads may share the work; the result is the same for every count.
    public func backward(
        dy: [Float], x: [Float], statistics: GroupStatistics, threads: Int = 1
    ) -> NormalizationGradients {
        var gradients = NormalizationGradients()
        backward(dy: dy, x: x, statistics: statistics, threads: threads, into: &gradients)
        return gradients
    }

    /// The same backward pass, writing dx into `gradients.dx`, a buffer the caller keeps from
    /// call to call (replaced only when its length is not x's); dγ and dβ are set anew.
    public func backward(
        dy: [Float], x: [Float], statistics: GroupStatistics, threads: Int = 1,
        into gradients: inout NormalizationGradients
    ) {
        let layout = statistics.layout
        let shape = layout.shape
        precondition(dy.count == shape.count && x.count == shape.count, "dy and x must have the input's shape")
        if config.variant == .none {
            gradients = NormalizationGradients(dx: dy, dgamma: nil, dbeta: nil)
            return
        }
        let hw = shape.spatial, planeCount = shape.n * shape.c
        // Σ dy and Σ dy·(x − μ) of every channel plane (NCHW plane index n·C + c); each plane
        // lies in exactly one group, so each entry is written exactly once.
        var planeSumDy = [Double](unsafeUninitializedCapacity: planeCount) { _, n in n = planeCount }
        var planeSumDyXc = [Double](unsafeUninitializedCapacity: planeCount) { _, n in n = planeCount }
        if gradients.dx.count != shape.count {
            gradients.dx = [Float](unsafeUninitializedCapacity: shape.count) { _, n in n = shape.count }
        }
        dy.withUnsafeBufferPointer { dyb in
            x.withUnsafeBufferPointer { xb in
                gradients.dx.withUnsafeMutableBufferPointer { dxb in
                    planeSumDy.withUnsafeMutableBufferPointer { sumDyb in
                        planeSumDyXc.withUnsafeMutableBufferPointer { sumDyXcb in
                            let kernel = BackwardKernel(
                                layer: self, statistics: statistics, dy: dyb.baseAddress!, x: xb.baseAddress!,
                                dx: dxb.baseAddress!, planeSumDy: sumDyb.baseAddress!,
                                planeSumDyXc: sumDyXcb.baseAddress!)
                            // Groups are independent: any split over threads gives the same bits.
                            Parallel.forEachChunk(count: layout.groupCount, threads: threads, work: 2 * shape.count) {
                                for g in $0 { kernel.run(group: g) }
                            }
                        }
                    }
                }
            }
        }
        // dβ_c = Σ dy and dγ_c = Σ dy·x̂ over channel c's planes, added in sample order.
        var dgamma = [Double](repeating: 0, count: shape.c)
        var dbeta = [Double](repeating: 0, count: shape.c)
        for plane in 0..<planeCount {
            let c = plane % shape.c
            dbeta[c] += planeSumDy[plane]
            dgamma[c] += planeSumDyXc[plane] * statistics.inverseStd[layout.group(ofFlatIndex: plane * hw)]
        }
        gradients.dgamma = gamma == nil ? nil : dgamma.map { Float($0) }
        gradients.dbeta = beta == nil ? nil : dbeta.map { Float($0) }
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

    public init(dx: [Float] = [], dgamma: [Float]? = nil, dbeta: [Float]? = nil) {
        self.dx = dx
        self.dgamma = dgamma
        self.dbeta = dbeta
    }
}

/// The backward pass of ``MultiHeadSelfAttention``, written by hand. Per sequence and head,
/// from ∂L/∂o (`dO`, [T, d_h]):
///
///     dv = Pᵀ·dO          dP = dO·vᵀ
///     dS = P ⊙ (dP − rowsum(dP ⊙ P))            the softmax's Jacobian, row by row
///     dq = dS·k/√d_h      dk = dSᵀ·q/√d_h
///
/// then through QK norm (if any) and the three projections, whose input gradients add up.
extension MultiHeadSelfAttention {
    /// The gradients of the layer's parameters.
    public struct Gradients: Sendable {
        public var query: Linear.Gradients
        public var key: Linear.Gradients
        public var value: Linear.Gradients
        public var output: Linear.Gradients
        /// dγ, dβ of QK norm's two layer norms; `nil` without QK norm.
        public var queryNorm: NormalizationGradients?
        public var keyNorm: NormalizationGradients?
    }

    /// ∂L/∂x, `[N·T, D]`, and the parameters' gradients, from ∂L/∂y.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N·T, D]`.
    ///   - pass: the forward pass that made y.
    public func backward(dy: [Float], pass: Pass) -> (dx: [Float], gradients: Gradients) {
        let (n, t, d, dh) = (pass.sequences, pass.length, width, headWidth)
        let tokens = n * t
        precondition(dy.count == tokens * d, "dy must be [N·T, D]")
        var gradients = Gradients(
            query: Linear.Gradients(for: query), key: Linear.Gradients(for: key),
            value: Linear.Gradients(for: value), output: Linear.Gradients(for: output))
        let dMixed = output.backward(dy: dy, x: pass.mixed, batch: tokens, gradients: &gradients.output)
        let scale = 1 / Float(dh).squareRoot()
        var dQueries = [Float](repeating: 0, count: tokens * d)
        var dKeys = [Float](repeating: 0, count: tokens * d)
        var dValues = [Float](repeating: 0, count: tokens * d)
        var dS = [Float](repeating: 0, count: t * t)
        dMixed.withUnsafeBufferPointer { go in
            pass.weights.withUnsafeBufferPointer { pb in
                pass.queries.withUnsafeBufferPointer { qb in
                    pass.keys.withUnsafeBufferPointer { kb in
                        pass.values.withUnsafeBufferPointer { vb in
                            dQueries.withUnsafeMutableBufferPointer { dq in
                                dKeys.withUnsafeMutableBufferPointer { dk in
                                    dValues.withUnsafeMutableBufferPointer { dv in
                                        dS.withUnsafeMutableBufferPointer { ds in
                                            for sequence in 0..<n {
                                                for head in 0..<heads {
                                                    let rows = sequence * t * d + head * dh
                                                    let p = pb.baseAddress! + (sequence * heads + head) * t * t
                                                    // dv = Pᵀ·dO
                                                    SGEMM.multiply(
                                                        dv.baseAddress! + rows, ldc: d, p, lda: t, transposeA: true,
                                                        go.baseAddress! + rows, ldb: d, transposeB: false,
                                                        m: t, n: dh, k: t, accumulate: false)
                                                    // dP = dO·vᵀ, then dS in place.
                                                    SGEMM.multiply(
                                                        ds.baseAddress!, ldc: t, go.baseAddress! + rows, lda: d, transposeA: false,
                                                        vb.baseAddress! + rows, ldb: d, transposeB: true,
                                                        m: t, n: t, k: dh, accumulate: false)
                                                    for i in 0..<t {
                                                        let weight = p + i * t, grad = ds.baseAddress! + i * t
                                                        var dot = 0.0
                                                        for j in 0..<t { dot += Double(grad[j]) * Double(weight[j]) }
                                                        let mean = Float(dot)
                                                        for j in 0..<t { grad[j] = weight[j] * (grad[j] - mean) * scale }
                                                    }
                                                    // dq = dS·k, dk = dSᵀ·q (the 1/√d_h is in dS).
                                                    SGEMM.multiply(
                                                        dq.baseAddress! + rows, ldc: d, ds.baseAddress!, lda: t, transposeA: false,
                                                        kb.baseAddress! + rows, ldb: d, transposeB: false,
                                                        m: t, n: dh, k: t, accumulate: false)
                                                    SGEMM.multiply(
                                                        dk.baseAddress! + rows, ldc: d, ds.baseAddress!, lda: t, transposeA: true,
                                                        qb.baseAddress! + rows, ldb: d, transposeB: false,
                                                        m: t, n: dh, k: t, accumulate: false)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let queryNorm, let keyNorm, let queryStatistics = pass.queryStatistics, let keyStatistics = pass.keyStatistics {
            let q = queryNorm.backward(dy: dQueries, x: pass.rawQueries, statistics: queryStatistics)
            let k = keyNorm.backward(dy: dKeys, x: pass.rawKeys, statistics: keyStatistics)
            (dQueries, dKeys) = (q.dx, k.dx)
            gradients.queryNorm = NormalizationGradients(dgamma: q.dgamma, dbeta: q.dbeta)
            gradients.keyNorm = NormalizationGradients(dgamma: k.dgamma, dbeta: k.dbeta)
        }
        var dx = query.backward(dy: dQueries, x: pass.input, batch: tokens, gradients: &gradients.query)
        let fromKeys = key.backward(dy: dKeys, x: pass.input, batch: tokens, gradients: &gradients.key)
        let fromValues = value.backward(dy: dValues, x: pass.input, batch: tokens, gradients: &gradients.value)
        for i in dx.indices { dx[i] += fromKeys[i] + fromValues[i] }
        return (dx, gradients)
    }
}

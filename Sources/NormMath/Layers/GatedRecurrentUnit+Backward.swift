/// Backpropagation through time for ``GatedRecurrentUnit``, written by hand: one step back at
/// a time from t = T to 1, carrying ∂L/∂h_{t−1} into the step before. Per step, given the total
/// dh = ∂L/∂h_t (what reaches h_t from outside plus what comes back from step t + 1):
///
///     dn = dh ⊙ (1 − z)            dz = dh ⊙ (h_{t−1} − n)        dh_{t−1} ← dh ⊙ z
///     dn̄ = dn ⊙ (1 − n²)          (n̄ = i_n + r ⊙ ã_n, the new gate before tanh)
///     di_n = dn̄   dã_n = dn̄ ⊙ r   dr̄ = dn̄ ⊙ ã_n ⊙ r(1 − r)   dz̄ = dz ⊙ z(1 − z)
///     di_r = dã_r = dr̄             di_z = dã_z = dz̄
///
/// then, with layer norm, each gate's dã goes back through the norm (dγ += dã ⊙ â, dβ += dã,
/// da = (1/σ)·(dâ − mean(dâ) − â·mean(dâ ⊙ â)) with dâ = γ ⊙ dã, the layer-norm backward of
/// Ba et al. 2016 per sample), and finally through the two products:
/// dW_hh += da·h_{t−1}ᵀ, db_hh += da, dh_{t−1} += W_hhᵀ·da, dW_ih += di·x_tᵀ, db_ih += di.
extension GatedRecurrentUnit {
    /// The parameter gradients, shaped like the parameters. The backward pass *adds* to them.
    public struct Gradients: Sendable {
        /// ∂L/∂W_ih, `[3H, I]`.
        public var weightIH: [Float]
        /// ∂L/∂W_hh, `[3H, H]`.
        public var weightHH: [Float]
        /// ∂L/∂b_ih, `[3H]`.
        public var biasIH: [Float]
        /// ∂L/∂b_hh, `[3H]`.
        public var biasHH: [Float]
        /// ∂L/∂γ, `[3H]` (zero without layer norm).
        public var gamma: [Float]
        /// ∂L/∂β, `[3H]` (zero without layer norm).
        public var beta: [Float]

        /// Zero gradients for `unit`.
        /// - Parameter unit: the unit whose parameters the gradients are shaped like.
        public init(for unit: GatedRecurrentUnit) {
            weightIH = Array(repeating: 0, count: unit.weightIH.count)
            weightHH = Array(repeating: 0, count: unit.weightHH.count)
            biasIH = Array(repeating: 0, count: unit.biasIH.count)
            biasHH = Array(repeating: 0, count: unit.biasHH.count)
            gamma = Array(repeating: 0, count: unit.gamma.count)
            beta = Array(repeating: 0, count: unit.beta.count)
        }
    }

    /// Backpropagation through time.
    /// - Parameters:
    ///   - dHidden: ∂L/∂h_t from outside the unit for t = 1 … T (index t − 1), each `[N, H]`;
    ///     an empty array stands for zeros (e.g. every step but the last, when only h_T is read).
    ///   - x: the inputs of the forward pass, `[T, N, I]`.
    ///   - pass: the forward pass over `x`.
    ///   - gradients: where the parameter gradients are added.
    /// - Returns: ∂L/∂x `[T, N, I]`, and the total ∂L/∂h_t for t = 1 … T (index t − 1), each
    ///   `[N, H]`: what reaches each hidden state from every later step — the quantity whose
    ///   norm vanishes or explodes over time.
    public func backward(
        dHidden: [[Float]], x: [Float], pass: Pass, gradients: inout Gradients
    ) -> (dx: [Float], dHidden: [[Float]]) {
        let (h, i, batch, steps) = (hiddenSize, inputSize, pass.batch, pass.steps)
        precondition(dHidden.count == steps, "one ∂L/∂h_t per step")
        precondition(x.count == steps * batch * i, "x must be the forward pass's input")
        var dx = [Float](repeating: 0, count: x.count)
        var totals = [[Float]](repeating: [], count: steps)
        var carry = [Float](repeating: 0, count: batch * h)
        var dInput = [Float](repeating: 0, count: 3 * h), dRecurrent = [Float](repeating: 0, count: 3 * h)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            var dh = carry
            if !dHidden[t].isEmpty {
                precondition(dHidden[t].count == batch * h, "∂L/∂h_t must be [N, H]")
                for index in dh.indices { dh[index] += dHidden[t][index] }
            }
            totals[t] = dh
            let previous = pass.hidden[t]
            let (r, z, n, an) = (pass.reset[t], pass.update[t], pass.candidate[t], pass.recurrentCandidate[t])
            var nextCarry = [Float](repeating: 0, count: batch * h)
            for sample in 0..<batch {
                for u in 0..<h {
                    let index = sample * h + u
                    let dn = dh[index] * (1 - z[index])
                    let dz = dh[index] * (previous[index] - n[index])
                    nextCarry[index] = dh[index] * z[index]
                    let dnBar = dn * (1 - n[index] * n[index])
                    let drBar = dnBar * an[index] * r[index] * (1 - r[index])
                    let dzBar = dz * z[index] * (1 - z[index])
                    dInput[u] = drBar
                    dInput[h + u] = dzBar
                    dInput[2 * h + u] = dnBar
                    dRecurrent[u] = drBar
                    dRecurrent[h + u] = dzBar
                    dRecurrent[2 * h + u] = dnBar * r[index]
                }
                if layerNormalized {
                    let xHat = pass.normalized[t], inverse = pass.inverseDeviation[t]
                    for gate in 0..<3 {
                        let start = gate * h, hatStart = sample * 3 * h + start
                        var meanGradient = 0.0, meanProjection = 0.0
                        for u in 0..<h {
                            let d = Double(dRecurrent[start + u]), normal = Double(xHat[hatStart + u])
                            gradients.gamma[start + u] += Float(d * normal)
                            gradients.beta[start + u] += Float(d)
                            let dNormal = d * Double(gamma[start + u])
                            meanGradient += dNormal
                            meanProjection += dNormal * normal
                        }
                        meanGradient /= Double(h)
                        meanProjection /= Double(h)
                        let inv = inverse[sample * 3 + gate]
                        for u in 0..<h {
                            let dNormal = Double(dRecurrent[start + u]) * Double(gamma[start + u])
                            let normal = Double(xHat[hatStart + u])
                            dRecurrent[start + u] = Float(inv * (dNormal - meanGradient - normal * meanProjection))
                        }
                    }
                }
                let xOffset = (t * batch + sample) * i, hBase = sample * h
                for row in 0..<(3 * h) {
                    let di = dInput[row], da = dRecurrent[row]
                    gradients.biasIH[row] += di
                    gradients.biasHH[row] += da
                    for k in 0..<i {
                        gradients.weightIH[row * i + k] += di * x[xOffset + k]
                        dx[xOffset + k] += weightIH[row * i + k] * di
                    }
                }
                previous.withUnsafeBufferPointer { hPrevious in
                    weightHH.withUnsafeBufferPointer { w in
                        gradients.weightHH.withUnsafeMutableBufferPointer { dw in
                            nextCarry.withUnsafeMutableBufferPointer { carryOut in
                                for row in 0..<(3 * h) {
                                    let da = dRecurrent[row], base = row * h
                                    for k in 0..<h {
                                        dw[base + k] += da * hPrevious[hBase + k]
                                        carryOut[hBase + k] += w[base + k] * da
                                    }
                                }
                            }
                        }
                    }
                }
            }
            carry = nextCarry
        }
        return (dx, totals)
    }
}

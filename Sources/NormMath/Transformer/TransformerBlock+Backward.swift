/// The backward pass of ``TransformerBlock``, written by hand. A residual add passes its
/// gradient to both inputs unchanged; where the normalization sits decides whether the
/// gradient on its way to the input passes through it (Xiong et al. 2020, §3):
///
///     Post-LN:  ds₂ = N₂'ᵀ·dh₂      dh₁ = ds₂ + MLP'ᵀ·ds₂      ds₁ = N₁'ᵀ·dh₁      dh = ds₁ + Attn'ᵀ·ds₁
///     Pre-LN:   dh₁ = dh₂ + N₂'ᵀ·(MLP'ᵀ·dh₂)                   dh = dh₁ + N₁'ᵀ·(Attn'ᵀ·dh₁)
extension TransformerBlock {
    /// The gradients of one block's parameters.
    public struct Gradients: Sendable {
        public var attention: MultiHeadSelfAttention.Gradients
        /// dγ, dβ of N₁ and N₂ (dβ `nil` for RMSNorm).
        public var attentionNorm: NormalizationGradients
        public var expand: Linear.Gradients
        public var project: Linear.Gradients
        public var mlpNorm: NormalizationGradients
    }

    /// ∂L/∂h, `[N·T, D]`, and the block's gradients, from ∂L/∂h₂.
    /// - Parameters:
    ///   - dy: ∂L/∂h₂, the gradient at the block's output, `[N·T, D]`.
    ///   - pass: the forward pass that made h₂.
    public func backward(dy: [Float], pass: Pass) -> (dx: [Float], gradients: Gradients) {
        let tokens = pass.input.count / width
        var expandGradients = Linear.Gradients(for: expand), projectGradients = Linear.Gradients(for: project)
        /// ∂L/∂u of the MLP's input u, from ∂L/∂MLP(u).
        func mlpBackward(_ dBranch: [Float]) -> [Float] {
            let dHidden = ReLU.backward(
                dy: project.backward(dy: dBranch, x: pass.hidden, batch: tokens, gradients: &projectGradients), y: pass.hidden)
            return expand.backward(dy: dHidden, x: pass.mlpInput, batch: tokens, gradients: &expandGradients)
        }
        let attentionNormGradients: NormalizationGradients, mlpNormGradients: NormalizationGradients
        let attentionGradients: MultiHeadSelfAttention.Gradients
        var dh: [Float]
        switch placement {
        case .post:
            mlpNormGradients = mlpNorm.backward(dy: dy, x: pass.mlpNormInput, statistics: pass.mlpNormStatistics)
            let dMiddle = Self.add(mlpNormGradients.dx, mlpBackward(mlpNormGradients.dx))
            attentionNormGradients = attentionNorm.backward(dy: dMiddle, x: pass.attentionNormInput, statistics: pass.attentionNormStatistics)
            let attention = attention.backward(dy: attentionNormGradients.dx, pass: pass.attention)
            attentionGradients = attention.gradients
            dh = Self.add(attentionNormGradients.dx, attention.dx)
        case .pre:
            mlpNormGradients = mlpNorm.backward(dy: mlpBackward(dy), x: pass.mlpNormInput, statistics: pass.mlpNormStatistics)
            let dMiddle = Self.add(dy, mlpNormGradients.dx)
            let attention = attention.backward(dy: dMiddle, pass: pass.attention)
            attentionGradients = attention.gradients
            attentionNormGradients = attentionNorm.backward(dy: attention.dx, x: pass.attentionNormInput, statistics: pass.attentionNormStatistics)
            dh = Self.add(dMiddle, attentionNormGradients.dx)
        }
        return (dh, Gradients(
            attention: attentionGradients,
            attentionNorm: NormalizationGradients(dgamma: attentionNormGradients.dgamma, dbeta: attentionNormGradients.dbeta),
            expand: expandGradients, project: projectGradients,
            mlpNorm: NormalizationGradients(dgamma: mlpNormGradients.dgamma, dbeta: mlpNormGradients.dbeta)))
    }
}

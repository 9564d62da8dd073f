/// The backward pass of ``TinyTransformer``, written by hand: the head, the final
/// normalization (Pre-LN), the blocks from the last to the first, and the embeddings, whose
/// rows collect the gradients of every token that used them.
extension TinyTransformer {
    public struct Gradients: Sendable {
        /// ∂L/∂E, `[V, D]`, and ∂L/∂P, `[T, D]`.
        public var tokenEmbedding: [Float]
        public var positionEmbedding: [Float]
        /// Input side first.
        public var blocks: [TransformerBlock.Gradients]
        /// dγ, dβ of the Pre-LN stack's final normalization; `nil` for Post-LN.
        public var finalNorm: NormalizationGradients?
        public var head: Linear.Gradients
    }

    /// Back-propagates ∂L/∂logits (`[N·T, V]`) through `pass`.
    /// - Parameters:
    ///   - dlogits: ∂L/∂logits, `[N·T, V]`.
    ///   - pass: the forward pass that made the logits.
    public func backward(dlogits: [Float], pass: Pass) -> Gradients {
        let tokens = pass.tokens.count, d = width
        var headGradients = Linear.Gradients(for: head)
        var dh = head.backward(dy: dlogits, x: pass.features, batch: tokens, gradients: &headGradients)
        var finalGradients: NormalizationGradients?
        if let finalNorm, let statistics = pass.finalStatistics {
            let g = finalNorm.backward(dy: dh, x: pass.output, statistics: statistics)
            dh = g.dx
            finalGradients = NormalizationGradients(dgamma: g.dgamma, dbeta: g.dbeta)
        }
        var blockGradients: [TransformerBlock.Gradients] = []
        for index in blocks.indices.reversed() {
            let back = blocks[index].backward(dy: dh, pass: pass.blocks[index])
            dh = back.dx
            blockGradients.append(back.gradients)
        }
        var dTokens = [Float](repeating: 0, count: tokenEmbedding.count)
        var dPositions = [Float](repeating: 0, count: positionEmbedding.count)
        for (index, token) in pass.tokens.enumerated() {
            let position = index % length
            for j in 0..<d {
                dTokens[token * d + j] += dh[index * d + j]
                dPositions[position * d + j] += dh[index * d + j]
            }
        }
        return Gradients(
            tokenEmbedding: dTokens, positionEmbedding: dPositions, blocks: blockGradients.reversed(),
            finalNorm: finalGradients, head: headGradients)
    }
}

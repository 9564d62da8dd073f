/// Training a ``TinyTransformer``: one optimizer step over all of its parameters.
extension TinyTransformer {
    /// Updates every parameter with its gradient. The optimizer's slots follow one fixed order —
    /// E, P; per block W_q, W_k, W_v, W_o, QK norm's γ_q, β_q, γ_k, β_k, N₁'s γ, β, W₁, W₂,
    /// N₂'s γ, β; the final γ, β; the head's W, b — and an array a model lacks (QK norm, β of
    /// RMSNorm) keeps its slot, so that a slot names the same array whatever the variant.
    /// - Parameters:
    ///   - gradients: what ``backward(dlogits:pass:)`` returned.
    ///   - optimizer: the SGD whose momentum buffers are kept by slot.
    public mutating func update(with gradients: Gradients, optimizer: inout SGD) {
        var slot = 0
        func step(_ norm: inout Normalization?, _ gradient: NormalizationGradients?) {
            optimizer.step(&norm, gamma: gradient?.dgamma, beta: gradient?.dbeta, slot: &slot)
        }
        func step(_ norm: inout Normalization, _ gradient: NormalizationGradients) {
            optimizer.step(&norm, gamma: gradient.dgamma, beta: gradient.dbeta, slot: &slot)
        }
        optimizer.step(&tokenEmbedding, gradients.tokenEmbedding, slot: &slot)
        optimizer.step(&positionEmbedding, gradients.positionEmbedding, slot: &slot)
        for index in blocks.indices {
            let g = gradients.blocks[index]
            optimizer.step(&blocks[index].attention.query, g.attention.query, slot: &slot)
            optimizer.step(&blocks[index].attention.key, g.attention.key, slot: &slot)
            optimizer.step(&blocks[index].attention.value, g.attention.value, slot: &slot)
            optimizer.step(&blocks[index].attention.output, g.attention.output, slot: &slot)
            step(&blocks[index].attention.queryNorm, g.attention.queryNorm)
            step(&blocks[index].attention.keyNorm, g.attention.keyNorm)
            step(&blocks[index].attentionNorm, g.attentionNorm)
            optimizer.step(&blocks[index].expand, g.expand, slot: &slot)
            optimizer.step(&blocks[index].project, g.project, slot: &slot)
            step(&blocks[index].mlpNorm, g.mlpNorm)
        }
        step(&finalNorm, gradients.finalNorm)
        optimizer.step(&head, gradients.head, slot: &slot)
    }
}

extension TinyTransformer.Gradients {
    /// Whether every gradient is a finite number, so that an update cannot poison the weights.
    public var allFinite: Bool {
        func finite(_ values: [Float]?) -> Bool { values?.allSatisfy(\.isFinite) ?? true }
        func finite(_ layer: Linear.Gradients) -> Bool { finite(layer.weight) && finite(layer.bias) }
        func finite(_ norm: NormalizationGradients?) -> Bool { finite(norm?.dgamma) && finite(norm?.dbeta) }
        return finite(tokenEmbedding) && finite(positionEmbedding) && finite(head) && finite(finalNorm)
            && blocks.allSatisfy { block in
                finite(block.attention.query) && finite(block.attention.key) && finite(block.attention.value)
                    && finite(block.attention.output) && finite(block.attention.queryNorm) && finite(block.attention.keyNorm)
                    && finite(block.attentionNorm) && finite(block.expand) && finite(block.project) && finite(block.mlpNorm)
            }
    }
}

extension TransformerBlock.Gradients {
    /// ‖∂L/∂W‖ over the block's weight matrices W_q, W_k, W_v, W_o, W₁, W₂ together: the
    /// per-layer gradient norm of Xiong et al. (2020, Fig. 3), summed in Double.
    public var weightNorm: Double {
        let matrices = [attention.query.weight, attention.key.weight, attention.value.weight, attention.output.weight, expand.weight, project.weight]
        return matrices.reduce(0.0) { $0 + $1.sumOfSquares }.squareRoot()
    }
}

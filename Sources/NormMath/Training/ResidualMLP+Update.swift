/// Training a ``ResidualMLP``: one optimizer step over all of its parameters.
extension ResidualMLP {
    /// Updates every parameter with its gradient. The optimizer's slots are numbered in a fixed
    /// order — embedding (W, b); per block W₁, b₁, W₂, b₂, γ, β; the final γ, β; the head (W, b) —
    /// so that momentum buffers stay with their parameters from step to step.
    public mutating func update(with gradients: Gradients, optimizer: inout SGD) {
        var slot = 0
        optimizer.step(&embed, gradients.embed, slot: &slot)
        for index in blocks.indices {
            let g = gradients.blocks[index]
            optimizer.step(&blocks[index].expand, g.expand, slot: &slot)
            optimizer.step(&blocks[index].project, g.project, slot: &slot)
            optimizer.step(&blocks[index].norm, gamma: g.gamma, beta: g.beta, slot: &slot)
        }
        // Without a final norm it takes no slots: the head's momentum stays where it always was.
        if finalNorm != nil { optimizer.step(&finalNorm, gamma: gradients.finalGamma, beta: gradients.finalBeta, slot: &slot) }
        optimizer.step(&head, gradients.head, slot: &slot)
    }
}

extension ResidualMLP.Gradients {
    /// Whether every gradient is a finite number, so that an update cannot poison the weights.
    public var allFinite: Bool {
        func finite(_ values: [Float]?) -> Bool { values?.allSatisfy(\.isFinite) ?? true }
        func finite(_ layer: Linear.Gradients) -> Bool { finite(layer.weight) && finite(layer.bias) }
        return finite(embed) && finite(head) && finite(finalGamma) && finite(finalBeta)
            && blocks.allSatisfy { finite($0.expand) && finite($0.project) && finite($0.gamma) && finite($0.beta) }
    }
}

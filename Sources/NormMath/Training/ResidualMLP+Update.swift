/// Training a ``ResidualMLP``: one optimizer step over all of its parameters.
extension ResidualMLP {
    /// Updates every parameter with its gradient. The optimizer's slots are numbered in a fixed
    /// order — embedding (W, b); per block W₁, b₁, W₂, b₂, γ, β; the final γ, β; the head (W, b) —
    /// so that momentum buffers stay with their parameters from step to step.
    public mutating func update(with gradients: Gradients, optimizer: inout SGD) {
        var slot = 0
        func step(_ parameter: inout [Float], _ gradient: [Float]?) {
            if let gradient { optimizer.step(&parameter, gradient: gradient, slot: slot) }
            slot += 1
        }
        func step(_ layer: inout Linear, _ gradient: Linear.Gradients) {
            step(&layer.weight, gradient.weight)
            if var bias = layer.bias {
                step(&bias, gradient.bias)
                layer.bias = bias
            } else {
                slot += 1
            }
        }
        func step(_ norm: inout Normalization, gamma: [Float]?, beta: [Float]?) {
            if var parameter = norm.gamma { step(&parameter, gamma); norm.gamma = parameter } else { slot += 1 }
            if var parameter = norm.beta { step(&parameter, beta); norm.beta = parameter } else { slot += 1 }
        }
        step(&embed, gradients.embed)
        for index in blocks.indices {
            let g = gradients.blocks[index]
            step(&blocks[index].expand, g.expand)
            step(&blocks[index].project, g.project)
            step(&blocks[index].norm, gamma: g.gamma, beta: g.beta)
        }
        if var norm = finalNorm {
            step(&norm, gamma: gradients.finalGamma, beta: gradients.finalBeta)
            finalNorm = norm
        }
        step(&head, gradients.head)
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

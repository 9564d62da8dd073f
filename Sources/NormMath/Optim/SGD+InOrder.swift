/// One step over a model's parameters in a fixed order: each parameter array takes the next
/// momentum slot (`slot` counts them), and an array a model lacks (a layer's bias, a
/// normalization's β) still takes its slot, so that a slot names the same array from step to
/// step whatever the variant. Models call these in their own order (ResidualMLP,
/// TinyTransformer).
extension SGD {
    mutating func step(_ parameter: inout [Float], _ gradient: [Float]?, slot: inout Int) {
        if let gradient { step(&parameter, gradient: gradient, slot: slot) }
        slot += 1
    }

    /// The weight, then the bias (its slot kept when the layer has none).
    mutating func step(_ layer: inout Linear, _ gradient: Linear.Gradients, slot: inout Int) {
        step(&layer.weight, gradient.weight, slot: &slot)
        if var bias = layer.bias {
            step(&bias, gradient.bias, slot: &slot)
            layer.bias = bias
        } else {
            slot += 1
        }
    }

    /// γ, then β (each slot kept when the layer, or its affine part, is missing).
    mutating func step(_ norm: inout Normalization?, gamma: [Float]?, beta: [Float]?, slot: inout Int) {
        if var parameter = norm?.gamma { step(&parameter, gamma, slot: &slot); norm?.gamma = parameter } else { slot += 1 }
        if var parameter = norm?.beta { step(&parameter, beta, slot: &slot); norm?.beta = parameter } else { slot += 1 }
    }

    mutating func step(_ norm: inout Normalization, gamma: [Float]?, beta: [Float]?, slot: inout Int) {
        var present: Normalization? = norm
        step(&present, gamma: gamma, beta: beta, slot: &slot)
        if let present { norm = present }
    }
}

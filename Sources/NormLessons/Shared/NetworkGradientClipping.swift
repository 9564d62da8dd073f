import NormMath

/// Adaptive gradient clipping of a whole network (Brock et al. 2021), as a ``Trainer``'s
/// gradient transform: every parameter is clipped unit-wise against its weights — a weight's
/// units are its rows (one per output), a bias's its single values. The head is clipped too: on
/// lesson 16's small net the head's unclipped steps alone wreck it at the lesson's learning rate.
public struct NetworkGradientClipping: GradientTransform {
    public let clipping: AdaptiveGradientClipping
    /// The fraction of weight units (blocks and head) clipped at the last step.
    public private(set) var clippedFraction = 0.0

    public init(_ clipping: AdaptiveGradientClipping) {
        self.clipping = clipping
    }

    public mutating func transform(_ gradients: inout NetworkGradients, of network: Network) {
        var clipped = 0, units = 0
        // A block's weight has one row per output channel: [C, fan-in].
        let outputs = network.activationShape.c
        for index in network.blocks.indices {
            let block = network.blocks[index]
            clipped += clipping.clip(&gradients.blocks[index].weight, weight: block.weight, unitSize: block.weight.count / outputs)
            units += outputs
            if let bias = block.bias, var gradient = gradients.blocks[index].bias {
                clipping.clip(&gradient, weight: bias, unitSize: 1)
                gradients.blocks[index].bias = gradient
            }
        }
        clipped += clipping.clip(&gradients.head.weight, weight: network.head.weight, unitSize: network.head.inFeatures)
        units += network.head.outFeatures
        if let bias = network.head.bias, var gradient = gradients.head.bias {
            clipping.clip(&gradient, weight: bias, unitSize: 1)
            gradients.head.bias = gradient
        }
        clippedFraction = Double(clipped) / Double(units)
    }
}

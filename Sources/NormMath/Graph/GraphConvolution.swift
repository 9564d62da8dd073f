/// One graph convolution (Kipf & Welling 2017, Eq. 2), for node features H `[n, in]`:
///
///     Y = Â·H·W + b        Y `[n, out]`
///
/// Â (``NormalizedAdjacency``) mixes each node with its neighbours, W maps the features, as
/// a ``Linear`` layer applied to every node. The product is taken as (Â·H)·W; the forward
/// pass returns Â·H, which the backward pass needs.
public struct GraphConvolution: Sendable {
    /// W and b, `y = x·Wᵀ + b` per node (`[out, in]` as in PyTorch).
    public var transform: Linear

    /// A layer with He-normal weights and, with `bias`, a zero bias.
    /// - Parameters:
    ///   - inFeatures: the features per node coming in.
    ///   - outFeatures: the features per node going out.
    ///   - bias: whether the layer adds b (not before a normalization that centres).
    ///   - generator: where the weights come from.
    public init(inFeatures: Int, outFeatures: Int, bias: Bool, using generator: inout SeededGenerator) {
        transform = Linear(inFeatures: inFeatures, outFeatures: outFeatures, bias: bias, using: &generator)
    }

    /// Y = (Â·H)·W + b, and Â·H.
    /// - Parameters:
    ///   - h: the node features H, `[n, in]` flat.
    ///   - adjacency: Â of the graph, n nodes.
    public func forward(_ h: [Float], adjacency: NormalizedAdjacency) -> (y: [Float], propagated: [Float]) {
        let propagated = adjacency.propagate(h, features: transform.inFeatures)
        return (transform.forward(propagated, batch: adjacency.nodeCount), propagated)
    }

    /// Adds ∂L/∂W = (Â·H)ᵀ·dY and ∂L/∂b = Σ_nodes dY to `gradients` and returns
    /// ∂L/∂H = Âᵀ·(dY·W) = Â·(dY·W), Â being symmetric.
    /// - Parameters:
    ///   - dy: ∂L/∂Y, `[n, out]`.
    ///   - propagated: Â·H from the forward pass.
    ///   - adjacency: the same Â.
    ///   - gradients: where ∂L/∂W and ∂L/∂b are added.
    public func backward(
        dy: [Float], propagated: [Float], adjacency: NormalizedAdjacency, gradients: inout Linear.Gradients
    ) -> [Float] {
        let dPropagated = transform.backward(dy: dy, x: propagated, batch: adjacency.nodeCount, gradients: &gradients)
        return adjacency.propagate(dPropagated, features: transform.inFeatures)
    }
}

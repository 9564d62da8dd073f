/// The backward pass of ``ResidualMLP``, written by hand. The residual add passes its gradient
/// to both of its inputs unchanged, which is what the placement of layer norm is about:
///
///     Post-LN:  ds = LN'ᵀ·dh_l              dh_{l−1} = ds + F'ᵀ·ds
///     Pre-LN:   dh_{l−1} = dh_l + LN'ᵀ·(F'ᵀ·dh_l)
///
/// In Post-LN every gradient on its way to the input passes through every layer norm; in
/// Pre-LN the identity path carries it past them.
extension ResidualMLP {
    /// The gradients of one block.
    public struct BlockGradients: Sendable {
        public var expand: Linear.Gradients
        public var project: Linear.Gradients
        public var gamma: [Float]
        public var beta: [Float]
    }

    public struct Gradients: Sendable {
        public var embed: Linear.Gradients
        /// Input side first.
        public var blocks: [BlockGradients]
        /// dγ and dβ of the Pre-LN stack's final layer norm.
        public var finalGamma: [Float]?
        public var finalBeta: [Float]?
        public var head: Linear.Gradients
    }

    /// Back-propagates ∂L/∂logits through `pass`.
    public func backward(dlogits: [Float], pass: Pass) -> Gradients {
        let n = pass.batch
        var headGradients = Linear.Gradients(for: head)
        var dh = head.backward(dy: dlogits, x: pass.features, batch: n, gradients: &headGradients)
        var finalGamma: [Float]?, finalBeta: [Float]?
        if let finalNorm, let statistics = pass.finalStatistics {
            let g = finalNorm.backward(dy: dh, x: pass.output, statistics: statistics)
            (dh, finalGamma, finalBeta) = (g.dx, g.dgamma, g.dbeta)
        }
        var blockGradients: [BlockGradients] = []
        for index in blocks.indices.reversed() {
            let block = blocks[index], cache = pass.blocks[index]
            var expand = Linear.Gradients(for: block.expand), project = Linear.Gradients(for: block.project)
            /// ∂L/∂u of F's input u, from ∂L/∂F.
            func branchBackward(_ dbranch: [Float]) -> [Float] {
                let dhidden = ReLU.backward(
                    dy: block.project.backward(dy: dbranch, x: cache.hidden, batch: n, gradients: &project), y: cache.hidden)
                return block.expand.backward(dy: dhidden, x: cache.branchInput, batch: n, gradients: &expand)
            }
            let normGradients: NormalizationGradients
            switch placement {
            case .post:
                normGradients = block.norm.backward(dy: dh, x: cache.normInput, statistics: cache.normStatistics)
                dh = Self.add(normGradients.dx, branchBackward(normGradients.dx))
            case .pre:
                let du = branchBackward(dh)
                normGradients = block.norm.backward(dy: du, x: cache.normInput, statistics: cache.normStatistics)
                dh = Self.add(dh, normGradients.dx)
            }
            blockGradients.append(BlockGradients(
                expand: expand, project: project, gamma: normGradients.dgamma ?? [], beta: normGradients.dbeta ?? []))
        }
        var embedGradients = Linear.Gradients(for: embed)
        _ = embed.backward(dy: dh, x: pass.embedInput, batch: n, gradients: &embedGradients)
        return Gradients(
            embed: embedGradients, blocks: blockGradients.reversed(), finalGamma: finalGamma, finalBeta: finalBeta,
            head: headGradients)
    }
}

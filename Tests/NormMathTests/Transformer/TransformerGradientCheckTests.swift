import Testing
@testable import NormMath

/// The hand-written backward passes of the Transformer pieces against central differences of
/// the test loss L = Σ w·y (Double sum, ``GradientCheck``): attention alone, one block in each
/// placement, and the whole model down to its embeddings.
struct TransformerGradientCheckTests {
    static let (sequences, length, width, heads, hidden) = (2, 4, 8, 2, 12)
    /// Small, so that few of the MLP's pre-activations cross a ReLU kink inside a difference;
    /// the forward pass is Float, so the differences carry its rounding (≈ 1e-7·|L|/h).
    static let step: Float = 1e-3
    static let tolerance = 5e-3

    @Test(arguments: [false, true])
    func attentionBackwardMatchesCentralDifferences(qkNorm: Bool) {
        var generator = SeededGenerator(seed: 17)
        var attention = MultiHeadSelfAttention(width: Self.width, heads: Self.heads, normalizesQueriesAndKeys: qkNorm, using: &generator)
        if qkNorm {
            attention.queryNorm?.gamma = GradientCheck.random(Self.width / Self.heads, &generator).map { 1 + 0.3 * $0 }
            attention.keyNorm?.beta = GradientCheck.random(Self.width / Self.heads, &generator, scale: 0.3)
        }
        let tokens = Self.sequences * Self.length
        let x = GradientCheck.random(tokens * Self.width, &generator, scale: 1.5)
        let w = GradientCheck.random(tokens * Self.width, &generator)
        func loss(_ layer: MultiHeadSelfAttention, _ x: [Float]) -> Double {
            GradientCheck.weightedSum(layer.forward(x, sequences: Self.sequences, length: Self.length).y, w)
        }
        let (dx, gradients) = attention.backward(dy: w, pass: attention.forward(x, sequences: Self.sequences, length: Self.length))
        var errors = ["dx": GradientCheck.relativeError(of: dx, at: x, step: Self.step) { loss(attention, $0) }]
        let weights: [(String, WritableKeyPath<MultiHeadSelfAttention, Linear>, [Float])] = [
            ("dW_q", \.query, gradients.query.weight), ("dW_k", \.key, gradients.key.weight),
            ("dW_v", \.value, gradients.value.weight), ("dW_o", \.output, gradients.output.weight),
        ]
        for (name, path, analytic) in weights {
            errors[name] = GradientCheck.relativeError(of: analytic, at: attention[keyPath: path].weight, step: Self.step) { weight in
                var changed = attention
                changed[keyPath: path].weight = weight
                return loss(changed, x)
            }
        }
        if qkNorm {
            errors["dγ_q"] = GradientCheck.relativeError(of: gradients.queryNorm!.dgamma!, at: attention.queryNorm!.gamma!, step: Self.step) {
                var changed = attention
                changed.queryNorm!.gamma = $0
                return loss(changed, x)
            }
            errors["dβ_q"] = GradientCheck.relativeError(of: gradients.queryNorm!.dbeta!, at: attention.queryNorm!.beta!, step: Self.step) {
                var changed = attention
                changed.queryNorm!.beta = $0
                return loss(changed, x)
            }
        }
        for (name, error) in errors { #expect(error < Self.tolerance, "\(name) relative error \(error)") }
    }

    @Test(arguments: [
        (LayerNormPlacement.post, NormVariant.layer, false), (.pre, .layer, false), (.post, .layer, true), (.pre, .rms, false),
    ])
    func blockBackwardMatchesCentralDifferences(placement: LayerNormPlacement, norm: NormVariant, qkNorm: Bool) {
        var generator = SeededGenerator(seed: 23)
        var block = TransformerBlock(
            placement: placement, norm: norm, width: Self.width, heads: Self.heads, hidden: Self.hidden,
            normalizesQueriesAndKeys: qkNorm, using: &generator)
        block.attentionNorm.gamma = GradientCheck.random(Self.width, &generator).map { 1 + 0.3 * $0 }
        let tokens = Self.sequences * Self.length
        let x = GradientCheck.random(tokens * Self.width, &generator, scale: 1.5)
        let w = GradientCheck.random(tokens * Self.width, &generator)
        func loss(_ block: TransformerBlock, _ x: [Float]) -> Double {
            GradientCheck.weightedSum(block.forward(x, sequences: Self.sequences, length: Self.length).output, w)
        }
        let (dx, gradients) = block.backward(dy: w, pass: block.forward(x, sequences: Self.sequences, length: Self.length))
        var errors = ["dx": Self.kinkFreeError(of: dx, at: x) {
            (loss(block, $0), block.forward($0, sequences: Self.sequences, length: Self.length).hidden.map { $0 > 0 })
        }]
        let weights: [(String, WritableKeyPath<TransformerBlock, [Float]>, [Float])] = [
            ("dW_q", \.attention.query.weight, gradients.attention.query.weight),
            ("dW_v", \.attention.value.weight, gradients.attention.value.weight),
            ("dW₁", \.expand.weight, gradients.expand.weight), ("dW₂", \.project.weight, gradients.project.weight),
        ]
        for (name, path, analytic) in weights {
            errors[name] = Self.kinkFreeError(of: analytic, at: block[keyPath: path]) { weight in
                var changed = block
                changed[keyPath: path] = weight
                return (loss(changed, x), changed.forward(x, sequences: Self.sequences, length: Self.length).hidden.map { $0 > 0 })
            }
        }
        errors["dγ₁"] = GradientCheck.relativeError(of: gradients.attentionNorm.dgamma!, at: block.attentionNorm.gamma!, step: Self.step) {
            var changed = block
            changed.attentionNorm.gamma = $0
            return loss(changed, x)
        }
        for (name, error) in errors { #expect(error < Self.tolerance, "\(placement) \(norm) qk \(qkNorm): \(name) relative error \(error)") }
    }

    /// Like ``GradientCheck/relativeError(of:at:step:loss:)``, but an entry whose two
    /// evaluations see a different ReLU pattern (a kink between them, where the difference
    /// is no derivative) is left out; most entries must remain.
    static func kinkFreeError(
        of analytic: [Float], at values: [Float], loss: ([Float]) -> (value: Double, pattern: [Bool])
    ) -> Double {
        var worst = 0.0, scale = 1.0, skipped = 0
        for index in values.indices {
            var plus = values, minus = values
            plus[index] += step
            minus[index] -= step
            let (up, down) = (loss(plus), loss(minus))
            scale = max(scale, abs(Double(analytic[index])))
            guard up.pattern == down.pattern else {
                skipped += 1
                continue
            }
            let numeric = (up.value - down.value) / Double(plus[index] - minus[index])
            worst = max(worst, abs(numeric - Double(analytic[index])))
        }
        return skipped * 4 < values.count ? worst / scale : .infinity
    }

    /// Through the whole model: the embeddings collect the gradients of every token and position.
    @Test(arguments: [LayerNormPlacement.post, .pre])
    func modelBackwardMatchesCentralDifferences(placement: LayerNormPlacement) {
        var generator = SeededGenerator(seed: 29)
        let model = TinyTransformer(
            placement: placement, norm: .layer, vocabulary: 5, length: Self.length, width: Self.width, heads: Self.heads,
            hidden: Self.hidden, depth: 2, normalizesQueriesAndKeys: false, using: &generator)
        let tokens = (0..<(Self.sequences * Self.length)).map { _ in generator.nextInt(below: 5) }
        let w = GradientCheck.random(tokens.count * 5, &generator)
        func loss(_ model: TinyTransformer) -> Double {
            GradientCheck.weightedSum(model.forward(tokens, sequences: Self.sequences).logits, w)
        }
        let gradients = model.backward(dlogits: w, pass: model.forward(tokens, sequences: Self.sequences))
        let token = GradientCheck.relativeError(of: gradients.tokenEmbedding, at: model.tokenEmbedding, step: Self.step) {
            var changed = model
            changed.tokenEmbedding = $0
            return loss(changed)
        }
        let position = GradientCheck.relativeError(of: gradients.positionEmbedding, at: model.positionEmbedding, step: Self.step) {
            var changed = model
            changed.positionEmbedding = $0
            return loss(changed)
        }
        let first = GradientCheck.relativeError(of: gradients.blocks[0].attention.key.weight, at: model.blocks[0].attention.key.weight, step: Self.step) {
            var changed = model
            changed.blocks[0].attention.key.weight = $0
            return loss(changed)
        }
        #expect(token < Self.tolerance, "\(placement): dE relative error \(token)")
        #expect(position < Self.tolerance, "\(placement): dP relative error \(position)")
        #expect(first < Self.tolerance, "\(placement): block 1 dW_k relative error \(first)")
    }
}

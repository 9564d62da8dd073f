/// A tiny Transformer encoder for token tasks on short digit sequences (sorting, reversing):
/// every position predicts one output digit.
///
///     embed:  h₀[n, t] = E[x[n, t]] + P[t]                 x: N·T digits → [N·T, D]
///     blocks: h_l = Block_l(h_{l−1})                         ``TransformerBlock``, Pre-LN or Post-LN
///     head:   logits = N_final(h_L)·Wᵀ + b                   [N·T, V]; N_final only for Pre-LN
///
/// E and P are N(0, 1), as PyTorch's `nn.Embedding`; the head is LeCun-initialized.
public struct TinyTransformer: Sendable {
    /// V, the number of token values (10 digits).
    public let vocabulary: Int
    /// T, the tokens of one sequence.
    public let length: Int
    /// D, the width of a token.
    public let width: Int
    public let placement: LayerNormPlacement
    /// E, `[V, D]`.
    public var tokenEmbedding: [Float]
    /// P, `[T, D]`.
    public var positionEmbedding: [Float]
    public var blocks: [TransformerBlock]
    /// The Pre-LN stack's last normalization before the head; `nil` for Post-LN.
    public var finalNorm: Normalization?
    public var head: Linear

    /// A freshly initialized model.
    /// - Parameters:
    ///   - placement: where each block's normalization layers sit.
    ///   - norm: their variant, `.layer` or `.rms`.
    ///   - vocabulary: V, the token values.
    ///   - length: T, the tokens per sequence.
    ///   - width: D, the width of a token.
    ///   - heads: attention heads per block; must divide D.
    ///   - hidden: F, the MLP's inner width.
    ///   - depth: the number of blocks.
    ///   - normalizesQueriesAndKeys: whether the attention has QK normalization.
    ///   - generator: draws the initial weights: E, P, the blocks in order, the head. QK norm
    ///     draws nothing, so models that differ only in it or in the placement start from the
    ///     same weights.
    public init(
        placement: LayerNormPlacement, norm: NormVariant, vocabulary: Int, length: Int, width: Int, heads: Int,
        hidden: Int, depth: Int, normalizesQueriesAndKeys: Bool, using generator: inout SeededGenerator
    ) {
        precondition(vocabulary >= 2 && length >= 1 && depth >= 1, "a Transformer needs two token values, one position and one block")
        self.vocabulary = vocabulary
        self.length = length
        self.width = width
        self.placement = placement
        tokenEmbedding = (0..<(vocabulary * width)).map { _ in generator.nextNormal() }
        positionEmbedding = (0..<(length * width)).map { _ in generator.nextNormal() }
        blocks = (0..<depth).map { _ in
            TransformerBlock(
                placement: placement, norm: norm, width: width, heads: heads, hidden: hidden,
                normalizesQueriesAndKeys: normalizesQueriesAndKeys, using: &generator)
        }
        finalNorm = placement == .pre ? Normalization(config: NormalizationConfig(variant: norm), channels: width) : nil
        let sigma = 1 / Float(width).squareRoot()
        head = Linear(
            inFeatures: width, outFeatures: vocabulary,
            weight: (0..<(width * vocabulary)).map { _ in generator.nextNormal() * sigma },
            bias: Array(repeating: 0, count: vocabulary))
    }

    /// One forward pass, kept for the backward pass.
    public struct Pass: Sendable {
        public let sequences: Int
        /// x, `[N·T]` token values.
        public var tokens: [Int]
        public var blocks: [TransformerBlock.Pass] = []
        /// h_L, the stream after the last block.
        public var output: [Float] = []
        public var finalStatistics: GroupStatistics?
        /// What the head sees: N_final(h_L) for Pre-LN, h_L for Post-LN.
        public var features: [Float] = []
        /// `[N·T, V]`.
        public var logits: [Float] = []

        /// The largest |attention logit| of the pass, over every block and head.
        public var largestAttentionLogit: Double { blocks.map(\.attention.largestLogit).max() ?? 0 }
    }

    /// Runs the model on `n` sequences of T tokens.
    /// - Parameters:
    ///   - tokens: the token values, `[N·T]`, each in 0..<V.
    ///   - n: N, the number of sequences.
    public func forward(_ tokens: [Int], sequences n: Int) -> Pass {
        precondition(tokens.count == n * length, "tokens must be [N·T]")
        precondition(tokens.allSatisfy { (0..<vocabulary).contains($0) }, "every token must lie in 0..<V")
        let d = width
        var h = [Float](repeating: 0, count: tokens.count * d)
        for (index, token) in tokens.enumerated() {
            let position = index % length
            for j in 0..<d { h[index * d + j] = tokenEmbedding[token * d + j] + positionEmbedding[position * d + j] }
        }
        var pass = Pass(sequences: n, tokens: tokens)
        for block in blocks {
            let blockPass = block.forward(h, sequences: n, length: length)
            h = blockPass.output
            pass.blocks.append(blockPass)
        }
        pass.output = h
        if var finalNorm {
            let normalized = MultiHeadSelfAttention.normalize(&finalNorm, h, TensorShape(n: tokens.count, c: d))
            pass.finalStatistics = normalized.statistics
            pass.features = normalized.y
        } else {
            pass.features = h
        }
        pass.logits = head.forward(pass.features, batch: tokens.count)
        return pass
    }
}

/// One Transformer block: self-attention and a two-layer ReLU MLP, each in a residual branch,
/// each with a normalization layer over the D values of every token (Vaswani et al. 2017;
/// Xiong et al. 2020, Fig. 1):
///
///     Post-LN:  h₁ = N₁(h + Attn(h))          h₂ = N₂(h₁ + MLP(h₁))        the original Transformer
///     Pre-LN:   h₁ = h + Attn(N₁(h))          h₂ = h₁ + MLP(N₂(h₁))        GPT-2 and most LLMs since
///
///     MLP(u) = W₂·ReLU(W₁·u)                  [N·T, D] → [N·T, F] → [N·T, D]
///
/// N is a layer norm or RMSNorm (``NormalizationConfig/variant``), per token: the statistics
/// groups are the tokens, `[N·T, D]` read as `[N, C]`.
public struct TransformerBlock: Sendable {
    public let placement: LayerNormPlacement
    public var attention: MultiHeadSelfAttention
    /// N₁, before (Pre-LN) or after (Post-LN) the attention branch.
    public var attentionNorm: Normalization
    /// W₁: D → F, He-initialized (a ReLU follows), no bias.
    public var expand: Linear
    /// W₂: F → D, LeCun-initialized, no bias.
    public var project: Linear
    /// N₂, around the MLP branch.
    public var mlpNorm: Normalization

    /// D, the width of a token.
    public var width: Int { attention.width }

    /// A freshly initialized block.
    /// - Parameters:
    ///   - placement: where the normalization layers sit, Pre-LN or Post-LN.
    ///   - norm: the normalization layers' variant, `.layer` or `.rms`.
    ///   - width: D, the width of a token.
    ///   - heads: the attention heads; must divide D.
    ///   - hidden: F, the MLP's inner width.
    ///   - normalizesQueriesAndKeys: whether the attention has QK normalization.
    ///   - generator: draws the initial weights: attention (W_q, W_k, W_v, W_o), then W₁, W₂.
    public init(
        placement: LayerNormPlacement, norm: NormVariant, width: Int, heads: Int, hidden: Int,
        normalizesQueriesAndKeys: Bool, using generator: inout SeededGenerator
    ) {
        precondition(norm == .layer || norm == .rms, "a Transformer block normalizes each token: layer norm or RMSNorm")
        self.placement = placement
        attention = MultiHeadSelfAttention(
            width: width, heads: heads, normalizesQueriesAndKeys: normalizesQueriesAndKeys, using: &generator)
        expand = Linear(inFeatures: width, outFeatures: hidden, bias: false, using: &generator)
        let sigma = 1 / Float(hidden).squareRoot()
        project = Linear(
            inFeatures: hidden, outFeatures: width,
            weight: (0..<(hidden * width)).map { _ in generator.nextNormal() * sigma }, bias: nil)
        attentionNorm = Normalization(config: NormalizationConfig(variant: norm), channels: width)
        mlpNorm = attentionNorm
    }

    /// What the backward pass needs of one forward pass.
    public struct Pass: Sendable {
        /// h, the block's input, `[N·T, D]`.
        public var input: [Float]
        public var attention: MultiHeadSelfAttention.Pass
        /// What N₁ normalized: h + Attn(h) (Post-LN) or h (Pre-LN); and its statistics.
        public var attentionNormInput: [Float]
        public var attentionNormStatistics: GroupStatistics
        /// h₁, between the two branches.
        public var middle: [Float]
        /// The MLP's input: h₁ (Post-LN) or N₂(h₁) (Pre-LN).
        public var mlpInput: [Float]
        /// ReLU(W₁·u), `[N·T, F]`.
        public var hidden: [Float]
        /// What N₂ normalized: h₁ + MLP(h₁) (Post-LN) or h₁ (Pre-LN); and its statistics.
        public var mlpNormInput: [Float]
        public var mlpNormStatistics: GroupStatistics
        /// h₂, the block's output.
        public var output: [Float]
    }

    /// Runs the block on `n` sequences of `length` tokens.
    /// - Parameters:
    ///   - h: the block's input, `[N·T, D]`, sequence by sequence.
    ///   - n: N, the number of sequences.
    ///   - t: T, the tokens per sequence.
    public func forward(_ h: [Float], sequences n: Int, length t: Int) -> Pass {
        let tokens = n * t
        let shape = TensorShape(n: tokens, c: width)
        var attentionNorm = attentionNorm, mlpNorm = mlpNorm
        switch placement {
        case .post:
            let attention = attention.forward(h, sequences: n, length: t)
            let sum = Self.add(h, attention.y)
            let first = MultiHeadSelfAttention.normalize(&attentionNorm, sum, shape)
            let hidden = ReLU.forward(expand.forward(first.y, batch: tokens))
            let secondSum = Self.add(first.y, project.forward(hidden, batch: tokens))
            let second = MultiHeadSelfAttention.normalize(&mlpNorm, secondSum, shape)
            return Pass(
                input: h, attention: attention, attentionNormInput: sum, attentionNormStatistics: first.statistics,
                middle: first.y, mlpInput: first.y, hidden: hidden, mlpNormInput: secondSum,
                mlpNormStatistics: second.statistics, output: second.y)
        case .pre:
            let first = MultiHeadSelfAttention.normalize(&attentionNorm, h, shape)
            let attention = attention.forward(first.y, sequences: n, length: t)
            let middle = Self.add(h, attention.y)
            let second = MultiHeadSelfAttention.normalize(&mlpNorm, middle, shape)
            let hidden = ReLU.forward(expand.forward(second.y, batch: tokens))
            return Pass(
                input: h, attention: attention, attentionNormInput: h, attentionNormStatistics: first.statistics,
                middle: middle, mlpInput: second.y, hidden: hidden, mlpNormInput: middle,
                mlpNormStatistics: second.statistics, output: Self.add(middle, project.forward(hidden, batch: tokens)))
        }
    }

    static func add(_ a: [Float], _ b: [Float]) -> [Float] {
        precondition(a.count == b.count, "a residual sum needs equal shapes")
        return [Float](unsafeUninitializedCapacity: a.count) { sum, initialized in
            a.withUnsafeBufferPointer { ab in
                b.withUnsafeBufferPointer { bb in
                    for i in 0..<a.count { sum[i] = ab[i] + bb[i] }
                }
            }
            initialized = a.count
        }
    }
}

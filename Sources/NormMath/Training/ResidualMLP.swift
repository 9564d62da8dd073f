/// Where a residual block's layer norm sits (Xiong et al. 2020, "On Layer Normalization in the
/// Transformer Architecture").
public enum LayerNormPlacement: String, CaseIterable, Sendable, Codable {
    /// `h = LN(h + F(h))`: the original Transformer (Vaswani et al. 2017).
    case post
    /// `h = h + F(LN(h))`, and one more LN before the head: GPT-2 and most LLMs since.
    case pre
}

/// A Transformer's skeleton without attention: residual MLP blocks around layer norm, on
/// flattened images. It is enough to show what the placement of layer norm does to the
/// gradients (Xiong et al. 2020, Fig. 3) and why Post-LN wants a learning-rate warm-up.
///
///     embed:    h₀ = x·Eᵀ + e                                       x [N, in] → [N, D]
///     block l:  F(u) = W₂·ReLU(W₁·u + b₁) + b₂                      [N, D] → [N, H] → [N, D]
///               Post-LN: h_l = LN(h_{l−1} + F(h_{l−1}))
///               Pre-LN:  h_l = h_{l−1} + F(LN(h_{l−1}))
///     head:     logits = LN_final(h_L)·Wᵀ + c   (LN_final only for Pre-LN)
///
/// W₁ is He-initialized (a ReLU follows it), W₂ and the head LeCun-initialized (σ = 1/√fan_in,
/// no ReLU follows): each branch F starts with about its input's scale.
public struct ResidualMLP: Sendable {
    /// One residual block: its layer norm and the two linear layers of F.
    public struct Block: Sendable {
        public var norm: Normalization
        /// W₁, b₁: D → H.
        public var expand: Linear
        /// W₂, b₂: H → D.
        public var project: Linear
    }

    public let placement: LayerNormPlacement
    /// D, the width of the residual stream.
    public let width: Int
    public let classCount: Int
    public var embed: Linear
    public var blocks: [Block]
    /// The Pre-LN stack's last layer norm, before the head; `nil` for Post-LN.
    public var finalNorm: Normalization?
    public var head: Linear

    /// A freshly initialized stack.
    /// - Parameters:
    ///   - placement: where each block's layer norm sits, Pre-LN or Post-LN.
    ///   - inputSize: values per input (64 for the 8×8 digits).
    ///   - width: D, the residual stream.
    ///   - hidden: H, the width inside each block's F.
    ///   - depth: the number of residual blocks.
    ///   - classCount: the head's outputs.
    ///   - generator: draws the initial weights.
    public init(
        placement: LayerNormPlacement, inputSize: Int, width: Int, hidden: Int, depth: Int, classCount: Int,
        using generator: inout SeededGenerator
    ) {
        precondition(depth >= 1 && width >= 2 && hidden >= 1, "a residual stack needs at least one block and a width of 2")
        self.placement = placement
        self.width = width
        self.classCount = classCount
        func lecun(_ inFeatures: Int, _ outFeatures: Int) -> Linear {
            let sigma = 1 / Float(inFeatures).squareRoot()
            return Linear(
                inFeatures: inFeatures, outFeatures: outFeatures,
                weight: (0..<(inFeatures * outFeatures)).map { _ in generator.nextNormal() * sigma },
                bias: Array(repeating: 0, count: outFeatures))
        }
        let layerNorm = NormalizationConfig(variant: .layer)
        embed = Linear(inFeatures: inputSize, outFeatures: width, bias: true, using: &generator)
        blocks = (0..<depth).map { _ in
            Block(
                norm: Normalization(config: layerNorm, channels: width),
                expand: Linear(inFeatures: width, outFeatures: hidden, bias: true, using: &generator),
                project: lecun(hidden, width))
        }
        finalNorm = placement == .pre ? Normalization(config: layerNorm, channels: width) : nil
        head = lecun(width, classCount)
    }

    /// The values of one block's forward pass that its backward pass needs.
    public struct BlockPass: Sendable {
        /// h_{l−1}, the block's input.
        public var input: [Float]
        /// What the layer norm normalized: h_{l−1} + F (Post-LN) or h_{l−1} (Pre-LN).
        public var normInput: [Float]
        public var normStatistics: GroupStatistics
        /// F's input: h_{l−1} (Post-LN) or LN(h_{l−1}) (Pre-LN).
        public var branchInput: [Float]
        /// ReLU(W₁·u + b₁), [N, H].
        public var hidden: [Float]
    }

    /// One forward pass, kept for the backward pass.
    public struct Pass: Sendable {
        public let batch: Int
        public var embedInput: [Float]
        public var blocks: [BlockPass] = []
        /// h_L, the residual stream after the last block.
        public var output: [Float] = []
        public var finalStatistics: GroupStatistics?
        /// What the head sees: LN_final(h_L) for Pre-LN, h_L for Post-LN.
        public var features: [Float] = []
        public var logits: [Float] = []
    }

    /// Runs the stack on `x` ([n, inputSize], flat). Layer norm has no running statistics, so
    /// training and evaluation compute the same thing.
    public func forward(_ x: [Float], batch n: Int) -> Pass {
        var pass = Pass(batch: n, embedInput: x)
        let shape = TensorShape(n: n, c: width)
        var h = embed.forward(x, batch: n)
        for block in blocks {
            var norm = block.norm
            switch placement {
            case .post:
                let hidden = ReLU.forward(block.expand.forward(h, batch: n))
                let sum = Self.add(h, block.project.forward(hidden, batch: n))
                let normalized = Self.normalize(&norm, sum, shape)
                pass.blocks.append(BlockPass(input: h, normInput: sum, normStatistics: normalized.statistics, branchInput: h, hidden: hidden))
                h = normalized.y
            case .pre:
                let normalized = Self.normalize(&norm, h, shape)
                let hidden = ReLU.forward(block.expand.forward(normalized.y, batch: n))
                pass.blocks.append(BlockPass(input: h, normInput: h, normStatistics: normalized.statistics, branchInput: normalized.y, hidden: hidden))
                h = Self.add(h, block.project.forward(hidden, batch: n))
            }
        }
        pass.output = h
        if var finalNorm {
            let normalized = Self.normalize(&finalNorm, h, shape)
            pass.finalStatistics = normalized.statistics
            pass.features = normalized.y
        } else {
            pass.features = h
        }
        pass.logits = head.forward(pass.features, batch: n)
        return pass
    }

    /// Layer norm over the D values of each sample; it accepts every [N, D] with D ≥ 1.
    static func normalize(_ norm: inout Normalization, _ x: [Float], _ shape: TensorShape) -> NormalizationOutput {
        do {
            return try norm.forward(x, shape: shape, mode: .train)
        } catch {
            preconditionFailure("layer norm refused [N, D]: \(error)")
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

/// One normalized block: a transform (conv3×3 or linear) → normalization → ReLU.
public struct NormBlock: Sendable {
    /// The weights that feed the normalization.
    public enum Transform: Sendable {
        case conv(Conv2D)
        case linear(Linear)
    }

    public var transform: Transform
    public var norm: Normalization

    /// The transform's weight, whatever its kind.
    public var weight: [Float] {
        get {
            switch transform {
            case .conv(let conv): conv.weight
            case .linear(let linear): linear.weight
            }
        }
        set {
            switch transform {
            case .conv(var conv):
                conv.weight = newValue
                transform = .conv(conv)
            case .linear(var linear):
                linear.weight = newValue
                transform = .linear(linear)
            }
        }
    }

    public var bias: [Float]? {
        get {
            switch transform {
            case .conv(let conv): conv.bias
            case .linear(let linear): linear.bias
            }
        }
        set {
            switch transform {
            case .conv(var conv):
                conv.bias = newValue
                transform = .conv(conv)
            case .linear(var linear):
                linear.bias = newValue
                transform = .linear(linear)
            }
        }
    }
}

/// The toy network of a run (docs/DESIGN.md, "The toy network"):
///
///     conv: x[N,1,H,W] → D × (conv3×3 → norm → ReLU) [N,C,H,W] → global average pool [N,C] → linear → logits
///     mlp:  x[N,H·W]   → D × (linear → norm → ReLU) [N,C]                                    → linear → logits
///
/// Weights are He-initialized from the run's seed. The transforms have a bias only without
/// normalization: before a normalization layer a bias is subtracted again with μ, and β takes
/// its place (Ioffe & Szegedy 2015, §3.2).
public struct Network: Sendable {
    public let model: ModelKind
    /// The shape of every normalized activation, [N, C, H, W].
    public let activationShape: TensorShape
    public var blocks: [NormBlock]
    public var head: Linear
    public let classCount: Int
    /// Values per input image (H·W of the data).
    public let inputSize: Int

    public init(config: ExperimentConfig, inputSize: Int, classCount: Int, using generator: inout SeededGenerator) {
        model = config.model
        activationShape = config.shape
        self.classCount = classCount
        self.inputSize = inputSize
        let channels = config.shape.c
        let useBias = config.variant == .none
        blocks = (0..<config.depth).map { index in
            let transform: NormBlock.Transform
            switch config.model {
            case .conv:
                transform = .conv(Conv2D(
                    inChannels: index == 0 ? Dataset.channels : channels, outChannels: channels, bias: useBias,
                    using: &generator))
            case .mlp:
                transform = .linear(Linear(
                    inFeatures: index == 0 ? inputSize : channels, outFeatures: channels, bias: useBias,
                    using: &generator))
            }
            return NormBlock(transform: transform, norm: Normalization(config: config.normalization, channels: channels))
        }
        head = Linear(inFeatures: channels, outFeatures: classCount, bias: true, using: &generator)
    }

    /// The shape of block `index`'s input for a batch of `n` images.
    func inputShape(ofBlock index: Int, batch n: Int) -> TensorShape {
        if index > 0 { return TensorShape(n: n, c: activationShape.c, h: activationShape.h, w: activationShape.w) }
        switch model {
        case .conv: return TensorShape(n: n, c: Dataset.channels, h: activationShape.h, w: activationShape.w)
        case .mlp: return TensorShape(n: n, c: inputSize)
        }
    }

    /// Runs the network on `images` (`[n, 1, H, W]`, flat). In train mode batch norm updates
    /// its running statistics, as PyTorch's `model.train()`. `threads` threads may share the
    /// convolutions and normalizations; the result is the same bits for every count.
    /// - Throws: a normalization error when the batch cannot be normalized (e.g. batch norm
    ///   on a single value per channel).
    public mutating func forward(
        _ images: [Float], batch n: Int, mode: NormMode, threads: Int = 1
    ) throws(NormalizationError) -> ForwardPass {
        var pass = ForwardPass(batch: n)
        var x = images
        let shape = TensorShape(n: n, c: activationShape.c, h: activationShape.h, w: activationShape.w)
        for index in blocks.indices {
            let inShape = inputShape(ofBlock: index, batch: n)
            let pre: [Float]
            switch blocks[index].transform {
            case .conv(let conv): pre = conv.forward(x, shape: inShape, threads: threads)
            case .linear(let linear): pre = linear.forward(x, batch: n)
            }
            let normalized = try blocks[index].norm.forward(pre, shape: shape, mode: mode, threads: threads)
            let post = ReLU.forward(normalized.y, threads: threads)
            pass.blockInputs.append(x)
            pass.pre.append(pre)
            pass.normalized.append(normalized)
            pass.post.append(post)
            x = post
        }
        pass.features = model == .conv ? GlobalAveragePool.forward(x, shape: shape) : x
        pass.logits = head.forward(pass.features, batch: n)
        return pass
    }

    /// Back-propagates ∂L/∂logits through `pass` and returns every gradient; `threads` threads
    /// may share the convolutions and normalizations, with the same bits for every count.
    public func backward(dlogits: [Float], pass: ForwardPass, threads: Int = 1) -> NetworkGradients {
        let n = pass.batch
        let shape = TensorShape(n: n, c: activationShape.c, h: activationShape.h, w: activationShape.w)
        var headGradients = Linear.Gradients(for: head)
        let dfeatures = head.backward(dy: dlogits, x: pass.features, batch: n, gradients: &headGradients)
        var dpost = model == .conv ? GlobalAveragePool.backward(dy: dfeatures, shape: shape) : dfeatures
        var blockGradients: [BlockGradients] = []
        for index in blocks.indices.reversed() {
            let block = blocks[index]
            let dnormalized = ReLU.backward(dy: dpost, y: pass.post[index], threads: threads)
            let normGradients = block.norm.backward(
                dy: dnormalized, x: pass.pre[index], statistics: pass.normalized[index].statistics, threads: threads)
            let dpre = normGradients.dx
            let inShape = inputShape(ofBlock: index, batch: n)
            var gradients = BlockGradients(
                weight: [], bias: nil, gamma: normGradients.dgamma, beta: normGradients.dbeta,
                preActivation: dpre)
            switch block.transform {
            case .conv(let conv):
                var g = Conv2D.Gradients(for: conv)
                if index == 0 {
                    conv.accumulateParameterGradients(dy: dpre, x: pass.blockInputs[index], shape: inShape, threads: threads, into: &g)
                } else {
                    dpost = conv.backward(dy: dpre, x: pass.blockInputs[index], shape: inShape, threads: threads, gradients: &g)
                }
                (gradients.weight, gradients.bias) = (g.weight, g.bias)
            case .linear(let linear):
                var g = Linear.Gradients(for: linear)
                let dx = linear.backward(dy: dpre, x: pass.blockInputs[index], batch: n, gradients: &g)
                if index > 0 { dpost = dx }
                (gradients.weight, gradients.bias) = (g.weight, g.bias)
            }
            blockGradients.append(gradients)
        }
        return NetworkGradients(blocks: blockGradients.reversed(), head: headGradients)
    }
}

/// What a forward pass keeps for the backward pass and the probes, block by block.
public struct ForwardPass: Sendable {
    public let batch: Int
    /// The input of each block's transform.
    public var blockInputs: [[Float]] = []
    /// The transform's output: the normalization's input.
    public var pre: [[Float]] = []
    /// The normalization's output and statistics.
    public var normalized: [NormalizationOutput] = []
    /// After the ReLU.
    public var post: [[Float]] = []
    /// What the head sees: pooled [N, C].
    public var features: [Float] = []
    public var logits: [Float] = []

    init(batch: Int) { self.batch = batch }
}

/// The gradients of one block.
public struct BlockGradients: Sendable {
    public var weight: [Float]
    public var bias: [Float]?
    public var gamma: [Float]?
    public var beta: [Float]?
    /// ∂L/∂(pre-norm activation), for the probes.
    public var preActivation: [Float]
}

public struct NetworkGradients: Sendable {
    public var blocks: [BlockGradients]
    public var head: Linear.Gradients
}

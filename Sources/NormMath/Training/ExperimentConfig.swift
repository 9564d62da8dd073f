/// The model family of a run: a small conv net on images, or an MLP on flattened images.
public enum ModelKind: String, CaseIterable, Sendable, Codable {
    /// D blocks of conv3×3 → normalization → ReLU, then global average pooling → linear.
    case conv
    /// D blocks of linear → normalization → ReLU on [N, C], then linear.
    case mlp
}

/// Everything that defines a training run. The same configuration and seed give the same
/// numbers, bit for bit, in the UI and in `normtui train`.
///
/// The defaults are what a class sees first: the real digits, a 3-block conv net on
/// 32×16×8×8 activations with batch norm, learning visibly within a few seconds.
public struct ExperimentConfig: Hashable, Sendable {
    public var variant: NormVariant = .batch
    /// Channel groups for group norm.
    public var groups: Int = 4
    /// The shape of the activations at every normalized layer: N (batch size), C channels,
    /// H×W positions. For the MLP, H = W = 1 and the input images keep their own size.
    public var shape = TensorShape(n: 32, c: 16, h: 8, w: 8)
    public var model: ModelKind = .conv
    /// Number of normalized blocks, 1–12.
    public var depth: Int = 3
    public var dataset: String = "digits"
    public var learningRate: Double = 0.05
    public var momentum: Double = 0.9
    public var weightDecay: Double = 0
    /// Batch norm's momentum for the running statistics.
    public var bnMomentum: Double = 0.1
    public var eps: Double = 1e-5
    public var epsPlacement: EpsilonPlacement = .inside
    public var varianceAlgorithm: VarianceAlgorithm = .twoPass
    public var seed: UInt64 = 1
    /// Evaluate on held-out data in eval mode every this many steps (0: never).
    public var evalEvery: Int = 25

    public init() {}

    public static let depthRange = 1...12
    /// The largest activation tensor a run may use, in elements per layer; bigger shapes
    /// are refused up front so that a typo cannot exhaust the machine's memory.
    public static let maximumActivationElements = 1 << 22

    /// The normalization settings every block shares.
    public var normalization: NormalizationConfig {
        NormalizationConfig(
            variant: variant, groups: groups, eps: eps, epsPlacement: epsPlacement,
            varianceAlgorithm: varianceAlgorithm, momentum: bnMomentum)
    }

    /// Checks the configuration and says, in one sentence, what is impossible about it.
    public func validate() throws(ExperimentError) {
        guard Self.depthRange.contains(depth) else {
            throw ExperimentError("depth must be between \(Self.depthRange.lowerBound) and \(Self.depthRange.upperBound), got \(depth)")
        }
        guard learningRate.isFinite, learningRate > 0 else {
            throw ExperimentError("the learning rate must be a positive number, got \(learningRate)")
        }
        guard momentum.isFinite, (0..<1).contains(momentum) else {
            throw ExperimentError("momentum must be at least 0 and below 1, got \(momentum)")
        }
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw ExperimentError("weight decay must be a number >= 0, got \(weightDecay)")
        }
        guard evalEvery >= 0 else { throw ExperimentError("the eval interval must be >= 0, got \(evalEvery)") }
        if variant == .group, groups < 1 {
            throw ExperimentError("groups must be at least 1, got \(groups)")
        }
        if variant == .group, shape.c % groups != 0 {
            throw ExperimentError("C = \(shape.c) is not divisible by G = \(groups)")
        }
        if model == .mlp, shape.spatial != 1 {
            throw ExperimentError("the mlp model normalizes [N, C] activations: give the shape as NxC, got \(shape)")
        }
        if variant == .instance, shape.spatial <= 1 {
            throw ExperimentError("instance norm needs more than one position per channel (H·W > 1), got \(shape)")
        }
        if variant == .batch, shape.n * shape.spatial <= 1 {
            throw ExperimentError("batch norm needs more than one value per channel (N·H·W > 1), got \(shape)")
        }
        if model == .conv, shape.h < 2 || shape.w < 2 {
            throw ExperimentError("the conv model needs images of at least 2×2, got \(shape.h)×\(shape.w)")
        }
        guard shape.count <= Self.maximumActivationElements else {
            throw ExperimentError(
                "shape \(shape) has \(shape.count) elements per layer, more than the limit of \(Self.maximumActivationElements) (\(Self.maximumActivationElements * 4 / (1 << 20)) MiB)")
        }
        do { try normalization.validate() } catch { throw ExperimentError(error.description) }
    }
}

/// Why a configuration cannot run: one sentence for people.
public struct ExperimentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

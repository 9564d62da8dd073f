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
    /// Checked by ``validate()``, so that an unknown name is refused in the same words everywhere.
    public var dataset: DatasetName = .digits
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

    /// Checks the configuration and says, in one sentence, what is impossible about it, and
    /// which setting to change (the settings editor moves its cursor there).
    public func validate() throws(ExperimentError) {
        for setting in ExperimentSetting.all {
            if let problem = setting.rangeRefusal(in: self) { throw ExperimentError(field: setting.name, problem) }
        }
        if variant == .group, groups < 1 {
            throw ExperimentError(field: .groups, "groups must be at least 1, got \(groups)")
        }
        if variant == .group, shape.c % groups != 0 {
            throw ExperimentError(field: .groups, "C = \(shape.c) is not divisible by G = \(groups)")
        }
        if model == .mlp, shape.spatial != 1 {
            throw ExperimentError(field: .shape, "the mlp model normalizes [N, C] activations: give the shape as NxC, got \(shape)")
        }
        if variant == .instance, shape.spatial <= 1 {
            throw ExperimentError(field: .shape, "instance norm needs more than one position per channel (H·W > 1), got \(shape)")
        }
        if variant == .batch, shape.n * shape.spatial <= 1 {
            throw ExperimentError(field: .shape, "batch norm needs more than one value per channel (N·H·W > 1), got \(shape)")
        }
        if model == .conv, shape.h < 2 || shape.w < 2 {
            throw ExperimentError(field: .shape, "the conv model needs images of at least 2×2, got \(shape.h)×\(shape.w)")
        }
        guard shape.count <= Self.maximumActivationElements else {
            throw ExperimentError(
                field: .shape,
                "shape \(shape) has \(shape.count) elements per layer, more than the limit of \(Self.maximumActivationElements) (\(Self.maximumActivationElements * 4 / (1 << 20)) MiB)")
        }
        do {
            try normalization.validate()
        } catch {
            // NormalizationConfig checks ε first, then batch norm's momentum (groups were
            // checked above): the ε is to blame exactly when it is out of range.
            throw ExperimentError(field: eps.isFinite && eps >= 0 ? .bnMomentum : .eps, error.description)
        }
        guard dataset.isKnown else { throw ExperimentError(field: .dataset, DatasetError.unknownName(dataset.rawValue).description) }
    }
}

/// Why a configuration cannot run: one sentence for people, and the setting to change when
/// one is to blame.
public struct ExperimentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// The setting the sentence is about; `nil` when no single one is (the file is not JSON).
    public let field: ExperimentSetting.Name?

    public init(_ description: String) {
        self.description = description
        field = nil
    }

    public init(field: ExperimentSetting.Name, _ description: String) {
        self.description = description
        self.field = field
    }
}

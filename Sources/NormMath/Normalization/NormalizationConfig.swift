/// Everything that decides how a normalization layer computes, apart from its learned
/// parameters. Defaults are PyTorch's (docs/DESIGN.md, "PyTorch semantics").
public struct NormalizationConfig: Hashable, Sendable {
    public var variant: NormVariant
    /// Number of channel groups; group norm only.
    public var groups: Int
    /// The small constant ε that keeps the division finite (glossary: "numerische Stabilität").
    public var eps: Double
    public var epsPlacement: EpsilonPlacement
    public var varianceAlgorithm: VarianceAlgorithm
    /// Weight of the newest batch in the running statistics: `running = (1−m)·running + m·batch`.
    public var momentum: Double

    public init(
        variant: NormVariant, groups: Int = 1, eps: Double = 1e-5, epsPlacement: EpsilonPlacement = .inside,
        varianceAlgorithm: VarianceAlgorithm = .twoPass, momentum: Double = 0.1
    ) {
        self.variant = variant
        self.groups = groups
        self.eps = eps
        self.epsPlacement = epsPlacement
        self.varianceAlgorithm = varianceAlgorithm
        self.momentum = momentum
    }

    /// Checks the settings that do not depend on a tensor.
    public func validate() throws(NormalizationError) {
        guard eps.isFinite, eps >= 0 else {
            throw .invalidParameter("eps must be a finite number >= 0, got \(eps)")
        }
        guard momentum.isFinite, (0...1).contains(momentum) else {
            throw .invalidParameter("momentum must be between 0 and 1, got \(momentum)")
        }
        if variant == .group, groups < 1 {
            throw .invalidParameter("groups must be at least 1, got \(groups)")
        }
    }

    /// Checks that the variant can normalize a tensor of `shape` in `mode`, with PyTorch's
    /// conditions and wording.
    public func validate(shape: TensorShape, mode: NormMode) throws(NormalizationError) {
        try validate()
        switch variant {
        case .batch:
            if mode == .train, shape.n * shape.spatial <= 1 {
                throw .tooFewValuesPerChannel(shape: shape.dims)
            }
        case .instance:
            if shape.spatial <= 1 { throw .tooFewSpatialElements(shape: shape.dims) }
        case .group:
            if shape.c % groups != 0 { throw .channelsNotDivisible(channels: shape.c, groups: groups) }
            // PyTorch's group_norm views x as [N·C/G, G, H, W] and refuses, in either mode, when
            // that leaves one value per group in the whole batch: N·(C/G)·H·W = 1.
            let perGroup = shape.c / groups
            if shape.n * perGroup * shape.spatial == 1 {
                throw .tooFewValuesPerChannel(shape: [shape.n * perGroup, groups, shape.h, shape.w])
            }
        case .layer, .rms, .none:
            break
        }
    }

    /// The statistics groups of this variant on `shape`.
    /// - Precondition: `validate(shape:mode:)` passed.
    public func layout(for shape: TensorShape) -> StatisticsLayout {
        StatisticsLayout(variant: variant, shape: shape, groups: groups)
    }
}

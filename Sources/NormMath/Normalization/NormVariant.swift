/// The normalization variants the glossary names (section "Hauptvarianten"), plus RMSNorm and
/// `none` so that a network can also run without normalization.
///
/// All of them are one formula, `y = γ·(x − μ)/σ + β`; they differ only in *which elements
/// share a μ and σ* — see ``StatisticsLayout``.
public enum NormVariant: String, CaseIterable, Sendable, Codable {
    /// Per channel, over the batch and the spatial positions (Ioffe & Szegedy 2015).
    case batch
    /// Per sample, over all channels and positions (Ba et al. 2016).
    case layer
    /// Per sample and channel, over the spatial positions (Ulyanov et al. 2016).
    case instance
    /// Per sample and group of C/G channels (Wu & He 2018).
    case group
    /// Per sample, no centering: divides by the root mean square (Zhang & Sennrich 2019).
    case rms
    /// The identity: no statistics, no parameters.
    case none

    /// A name for people, as the header and the help overlay show it.
    public var displayName: String {
        switch self {
        case .batch: "Batch Norm"
        case .layer: "Layer Norm"
        case .instance: "Instance Norm"
        case .group: "Group Norm"
        case .rms: "RMSNorm"
        case .none: "no normalization"
        }
    }

    /// Whether the variant subtracts a mean (every one but RMSNorm and the identity).
    public var centers: Bool { self != .rms && self != .none }

    /// Whether the variant keeps running statistics for evaluation (only batch norm does).
    public var keepsRunningStatistics: Bool { self == .batch }

    /// Whether the variant has a learnable shift β (RMSNorm scales only).
    public var hasShift: Bool { self != .rms && self != .none }
}

/// Where ε enters the denominator. Every framework adds it to the variance, inside the square
/// root; the glossary's formula ("Mathematische Formalisierung") adds it to σ. Both are taught.
public enum EpsilonPlacement: String, CaseIterable, Sendable, Codable {
    /// `(x − μ) / √(σ² + ε)` — PyTorch, TensorFlow, JAX.
    case inside
    /// `(x − μ) / (σ + ε)` — the glossary's formula.
    case outside
}

/// Whether a layer uses the statistics of the current batch or the stored running statistics.
public enum NormMode: String, CaseIterable, Sendable, Codable {
    case train
    case eval
}

/// How the mean and variance of a statistics group are computed (glossary,
/// "Implementierungsaspekte → numerische Stabilität").
public enum VarianceAlgorithm: String, CaseIterable, Sendable, Codable {
    /// Mean first, then the mean of squared deviations, both summed in Double. The default.
    case twoPass = "two-pass"
    /// One pass with Welford's running update (what PyTorch's CPU kernels use), in Double.
    case welford
    /// E[x²] − E[x]² summed in Float, as a careless single-pass kernel would. Kept on purpose:
    /// with a large offset the two terms cancel catastrophically and the variance comes out
    /// wrong or even negative — the numerical-stability lesson.
    case naive
}

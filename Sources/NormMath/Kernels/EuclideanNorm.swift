/// ‖x‖ = √(Σ x²), the one Euclidean norm of the package: gradient and weight norms, adaptive
/// gradient clipping, the loss-landscape probe.
///
/// The squares are summed in Double in `Reduce`'s fixed order — eight SIMD lanes, combined
/// pairwise, then the tail in sequence — so a norm is the same bits on every machine, at
/// every vector level and thread count. Summing in another order would change the last bits,
/// and with them the training records, which must repeat bit for bit.
extension UnsafeBufferPointer<Float> {
    /// Σ x², in Double.
    public var sumOfSquares: Double {
        guard let base = baseAddress, count > 0 else { return 0 }
        return Reduce.sumOfSquaredDeviations(base, count, from: 0)
    }

    /// ‖x‖ = √(Σ x²), in Double.
    public var euclideanNorm: Double { sumOfSquares.squareRoot() }
}

extension Array<Float> {
    /// Σ x², in Double, in the order of ``Swift/UnsafeBufferPointer/sumOfSquares``.
    public var sumOfSquares: Double { withUnsafeBufferPointer(\.sumOfSquares) }

    /// ‖x‖ = √(Σ x²), in Double, in the order of ``Swift/UnsafeBufferPointer/sumOfSquares``.
    public var euclideanNorm: Double { withUnsafeBufferPointer(\.euclideanNorm) }
}

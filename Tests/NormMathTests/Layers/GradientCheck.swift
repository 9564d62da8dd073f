@testable import NormMath

/// Central finite differences for a scalar test loss `L = Σ wᵢ·yᵢ` (w fixed, so ∂L/∂y = w),
/// compared with an analytic gradient. The loss is summed in Double; the step h is chosen per
/// layer (large for layers linear in the perturbed input, where the difference is exact).
enum GradientCheck {
    /// Σ wᵢ·yᵢ in Double.
    static func weightedSum(_ y: [Float], _ w: [Float]) -> Double {
        zip(y, w).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// The largest |numeric − analytic| over every element of `values`, relative to the
    /// largest |analytic| (or 1 when that is smaller).
    static func relativeError(
        of analytic: [Float], at values: [Float], step h: Float, loss: ([Float]) -> Double
    ) -> Double {
        precondition(analytic.count == values.count)
        var worst = 0.0
        var scale = 1.0
        for index in values.indices {
            var plus = values, minus = values
            plus[index] += h
            minus[index] -= h
            let numeric = (loss(plus) - loss(minus)) / Double(plus[index] - minus[index])
            worst = max(worst, abs(numeric - Double(analytic[index])))
            scale = max(scale, abs(Double(analytic[index])))
        }
        return worst / scale
    }

    static func random(_ count: Int, _ generator: inout SeededGenerator, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in generator.nextUniform(in: -scale, scale) }
    }
}

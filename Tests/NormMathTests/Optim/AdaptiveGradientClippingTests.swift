import Testing
@testable import NormMath

struct AdaptiveGradientClippingTests {
    static func norm(_ values: ArraySlice<Float>) -> Double {
        values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    @Test func clipsOnlyUnitsWhoseGradientIsLargeRelativeToTheirWeights() {
        let clipping = AdaptiveGradientClipping(threshold: 0.1)
        // Unit 0: ‖W‖ = 5, ‖G‖ = 0.25 → ratio 0.05, kept. Unit 1: ‖W‖ = 5, ‖G‖ = 5 → ratio 1, clipped to 0.5.
        let weight: [Float] = [3, 4, 0, 5]
        var gradient: [Float] = [0.15, 0.2, 3, 4]
        let clipped = clipping.clip(&gradient, weight: weight, unitSize: 2)
        #expect(clipped == 1)
        #expect(gradient[0] == 0.15 && gradient[1] == 0.2)
        #expect(abs(Self.norm(gradient[2...3]) - 0.5) < 1e-6)
        // The direction is kept.
        #expect(abs(gradient[2] / gradient[3] - 0.75) < 1e-6)
    }

    @Test func zeroWeightsUseTheEpsilonFloor() {
        let clipping = AdaptiveGradientClipping(threshold: 0.5, epsilon: 1e-2)
        var gradient: [Float] = [1, 0, 0]
        clipping.clip(&gradient, weight: [0, 0, 0], unitSize: 3)
        #expect(abs(Double(gradient[0]) - 5e-3) < 1e-9)
    }
}

import Foundation
import Testing
@testable import NormMath

/// Finite-difference checks of the hand-written backward pass: for L = Σ dy·y (summed in
/// Double), the analytic dx, dγ, dβ must match central differences of the forward pass.
struct GradientCheckTests {
    struct Setup: CustomTestStringConvertible, Sendable {
        let variant: NormVariant
        let mode: NormMode
        let placement: EpsilonPlacement
        var testDescription: String { "\(variant.rawValue) \(mode.rawValue) eps \(placement.rawValue)" }
    }

    static let setups: [Setup] = NormVariant.allCases.flatMap { variant in
        NormMode.allCases.flatMap { mode in
            EpsilonPlacement.allCases.map { Setup(variant: variant, mode: mode, placement: $0) }
        }
    }

    @Test(arguments: setups)
    func analyticGradientsMatchFiniteDifferences(setup: Setup) throws {
        let shape = TensorShape(n: 3, c: 4, h: 2, w: 3)
        var random = TestRandom(seed: 7)
        let x = (0..<shape.count).map { _ in Float(random.normal() * 1.5 + 0.3) }
        let dy = (0..<shape.count).map { _ in Float(random.normal()) }
        let config = NormalizationConfig(
            variant: setup.variant, groups: 2, eps: 0.1, epsPlacement: setup.placement, momentum: 0.3)
        var layer = Normalization(config: config, channels: shape.c)
        if setup.variant != .none {
            layer.gamma = (0..<shape.c).map { _ in Float(1 + 0.5 * random.normal()) }
            if layer.beta != nil { layer.beta = (0..<shape.c).map { _ in Float(random.normal()) } }
        }
        if setup.variant == .batch {
            layer.runningMean = (0..<shape.c).map { _ in Float(random.normal() * 0.2) }
            layer.runningVar = (0..<shape.c).map { _ in Float(1 + random.uniform()) }
        }

        func loss(_ layer: Normalization, _ x: [Float]) -> Double {
            var copy = layer  // the forward pass may update running statistics
            let y = try! copy.forward(x, shape: shape, mode: setup.mode).y
            return zip(y, dy).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }

        var forwardCopy = layer
        let output = try forwardCopy.forward(x, shape: shape, mode: setup.mode)
        let gradients = layer.backward(dy: dy, x: x, statistics: output.statistics)

        let h: Float = 1e-2
        func centralDifference(_ perturb: (inout Normalization, inout [Float], Float) -> Void) -> Double {
            var (lp, xp) = (layer, x), (lm, xm) = (layer, x)
            perturb(&lp, &xp, h)
            perturb(&lm, &xm, -h)
            return (loss(lp, xp) - loss(lm, xm)) / Double(2 * h)
        }

        let numericDx = (0..<x.count).map { i in centralDifference { _, x, step in x[i] += step } }
        expectClose(gradients.dx.map(Double.init), numericDx, "dx")
        if let dgamma = gradients.dgamma {
            let numeric = (0..<shape.c).map { c in centralDifference { l, _, step in l.gamma![c] += step } }
            expectClose(dgamma.map(Double.init), numeric, "dgamma")
        }
        if let dbeta = gradients.dbeta {
            let numeric = (0..<shape.c).map { c in centralDifference { l, _, step in l.beta![c] += step } }
            expectClose(dbeta.map(Double.init), numeric, "dbeta")
        }
        #expect((gradients.dgamma != nil) == (setup.variant != .none))
        #expect((gradients.dbeta != nil) == setup.variant.hasShift)
    }

    /// The Float forward pass keeps the differences below 1e-4 of the largest gradient here;
    /// a wrong term in the formula is off by far more.
    func expectClose(_ analytic: [Double], _ numeric: [Double], _ name: String) {
        let error = relativeError(analytic, numeric)
        #expect(error < 1e-3, "\(name): error \(error) of the largest magnitude")
    }
}

/// A small seeded generator for test data, independent of the code under test.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * .pi * v)
    }
}

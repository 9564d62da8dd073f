import Testing
@testable import NormMath

/// RevIN (Kim et al. 2022): each window normalized by its own statistics, the forecast given
/// them back; the backward pass by hand against central differences.
struct ReversibleInstanceNormalizationTests {
    static let (n, c, length, horizon) = (3, 2, 7, 4)

    /// Windows with a level and a scale of their own.
    static func windows(_ generator: inout SeededGenerator) -> [Float] {
        (0..<(n * c)).flatMap { group in
            let level = Float(group) * 3 - 4, scale = 0.5 + Float(group)
            return (0..<length).map { _ in level + scale * generator.nextNormal() }
        }
    }

    /// Normalized windows have mean β and standard deviation |γ|·σ/√(σ² + ε) ≈ |γ|.
    @Test func normalizedWindowsHaveTheAffineStatistics() {
        var generator = SeededGenerator(seed: 3)
        var layer = ReversibleInstanceNormalization(channels: Self.c)
        layer.gamma = [2, 0.5]
        layer.beta = [1, -1]
        let x = Self.windows(&generator)
        let y = layer.normalize(x, length: Self.length).y
        for group in 0..<(Self.n * Self.c) {
            let window = y[(group * Self.length)..<((group + 1) * Self.length)].map(Double.init)
            let mean = window.reduce(0, +) / Double(Self.length)
            let deviation = (window.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(Self.length)).squareRoot()
            #expect(abs(mean - Double(layer.beta[group % Self.c])) < 1e-5)
            #expect(abs(deviation - Double(layer.gamma[group % Self.c])) < 1e-3)
        }
    }

    /// Denormalizing the normalized window itself gives back the input: reversible.
    @Test func denormalizingTheNormalizedWindowGivesBackTheInput() {
        var generator = SeededGenerator(seed: 4)
        var layer = ReversibleInstanceNormalization(channels: Self.c)
        layer.gamma = [1.5, 0.8]
        layer.beta = [0.3, -0.2]
        let x = Self.windows(&generator)
        let (normalized, statistics) = layer.normalize(x, length: Self.length)
        let back = layer.denormalize(normalized, statistics: statistics)
        for (a, b) in zip(back, x) { #expect(abs(a - b) <= 1e-5 * max(1, abs(b))) }
        // A new level and scale of the input do not reach the model: only ε, which weighs
        // less beside a larger variance, tells the two apart.
        let shifted = x.map { 3 * $0 + 10 }
        let shiftedNormalized = layer.normalize(shifted, length: Self.length).y
        for (a, b) in zip(shiftedNormalized, normalized) { #expect(abs(a - b) < 1e-3) }
    }

    /// dx, dγ and dβ of `L = Σ w·denormalize(model(normalize(x)))`, with a linear model from
    /// the window to the horizon, against central differences (Double loss).
    @Test func backwardMatchesCentralDifferences() {
        var generator = SeededGenerator(seed: 9)
        var layer = ReversibleInstanceNormalization(channels: Self.c)
        layer.gamma = [1.3, 0.7]
        layer.beta = [0.2, -0.4]
        let model = Linear(inFeatures: Self.length, outFeatures: Self.horizon, bias: true, using: &generator)
        let x = Self.windows(&generator)
        let w = GradientCheck.random(Self.n * Self.c * Self.horizon, &generator)
        let groups = Self.n * Self.c

        func loss(_ layer: ReversibleInstanceNormalization, _ x: [Float]) -> Double {
            let (normalized, statistics) = layer.normalize(x, length: Self.length)
            let prediction = model.forward(normalized, batch: groups)
            return GradientCheck.weightedSum(layer.denormalize(prediction, statistics: statistics), w)
        }

        let (normalized, statistics) = layer.normalize(x, length: Self.length)
        let prediction = model.forward(normalized, batch: groups)
        var gradients = ReversibleInstanceNormalizationGradients(channels: Self.c)
        let back = layer.denormalizeBackward(dy: w, prediction: prediction, statistics: statistics, gradients: &gradients)
        var modelGradients = Linear.Gradients(for: model)
        let dNormalized = model.backward(dy: back.dPrediction, x: normalized, batch: groups, gradients: &modelGradients)
        let dx = layer.normalizeBackward(
            dNormalized: dNormalized, x: x, statistics: statistics, dMean: back.dMean,
            dStandardDeviation: back.dStandardDeviation, gradients: &gradients)

        let dxError = GradientCheck.relativeError(of: dx, at: x, step: 1e-2) { loss(layer, $0) }
        let dGammaError = GradientCheck.relativeError(of: gradients.gamma, at: layer.gamma, step: 1e-2) { gamma in
            var changed = layer
            changed.gamma = gamma
            return loss(changed, x)
        }
        let dBetaError = GradientCheck.relativeError(of: gradients.beta, at: layer.beta, step: 1e-2) { beta in
            var changed = layer
            changed.beta = beta
            return loss(changed, x)
        }
        #expect(dxError < 2e-3, "dx relative error \(dxError)")
        #expect(dGammaError < 2e-3, "dγ relative error \(dGammaError)")
        #expect(dBetaError < 2e-3, "dβ relative error \(dBetaError)")
    }
}

import Testing
@testable import NormMath

/// The unfused forward pass (four passes, as a framework without fusion runs it) computes
/// what the fused kernel computes: the fused-kernels lesson times the two against each other,
/// which means something only if they do the same work.
struct UnfusedNormalizationTests {
    /// Large enough that `Parallel` really uses two threads (≥ 2 × 64 Ki elements), with an
    /// offset so that centring matters.
    static let shapes = [TensorShape(n: 4, c: 8, h: 64, w: 64), TensorShape(n: 3, c: 6, h: 5, w: 7)]

    @Test(arguments: NormVariant.allCases, [1, 2])
    func unfusedEqualsFused(variant: NormVariant, threads: Int) throws {
        for shape in Self.shapes {
            var random = TestRandom(seed: 5)
            let x = (0..<shape.count).map { _ in Float(3 + 2 * random.normal()) }
            var layer = Normalization(config: NormalizationConfig(variant: variant, groups: 2), channels: shape.c)
            layer.gamma = layer.gamma.map { $0.indices.map { 1 + Float($0) * 0.1 } }
            layer.beta = layer.beta.map { $0.indices.map { Float($0) * 0.2 - 0.5 } }
            var fused = layer
            let expected = try fused.forward(x, shape: shape, mode: .train, threads: threads).y
            var normalized: [Float] = [], y: [Float] = []
            try layer.forwardUnfused(x, shape: shape, threads: threads, normalized: &normalized, into: &y)
            let largest = expected.reduce(0) { max($0, abs($1)) }
            let worst = zip(y, expected).reduce(0) { max($0, abs($1.0 - $1.1)) }
            #expect(y.count == expected.count)
            #expect(worst <= 1e-5 * max(largest, 1), "\(variant) \(shape.dims) threads \(threads): off by \(worst)")
            // x̂ is the normalized tensor before γ and β: mean 0 and variance 1 per group (rms: mean square 1).
            if variant != .none {
                let layout = layer.config.layout(for: shape)
                let group = layout.elementIndices(ofGroup: 0).map { Double(normalized[$0]) }
                let mean = group.reduce(0, +) / Double(group.count)
                let square = group.reduce(0) { $0 + $1 * $1 } / Double(group.count)
                if variant.centers { #expect(abs(mean) < 1e-4) }
                #expect(abs(square - 1) < 1e-2)
            }
            #expect(layer.runningMean == Normalization(config: layer.config, channels: shape.c).runningMean)
        }
    }

    @Test func unfusedResultDoesNotDependOnTheThreadCount() throws {
        let shape = Self.shapes[0]
        var random = TestRandom(seed: 9)
        let x = (0..<shape.count).map { _ in Float(random.normal()) }
        for variant in [NormVariant.batch, .layer] {
            let layer = Normalization(config: NormalizationConfig(variant: variant), channels: shape.c)
            var scratch: [Float] = [], one: [Float] = [], two: [Float] = []
            try layer.forwardUnfused(x, shape: shape, threads: 1, normalized: &scratch, into: &one)
            try layer.forwardUnfused(x, shape: shape, threads: 2, normalized: &scratch, into: &two)
            #expect(one == two)
        }
    }

    @Test func unfusedRefusesWhatFusedRefuses() {
        let layer = Normalization(config: NormalizationConfig(variant: .batch), channels: 3)
        var scratch: [Float] = [], y: [Float] = []
        #expect(throws: NormalizationError.self) {
            try layer.forwardUnfused([1, 2, 3], shape: TensorShape(n: 1, c: 3, h: 1, w: 1), normalized: &scratch, into: &y)
        }
    }
}

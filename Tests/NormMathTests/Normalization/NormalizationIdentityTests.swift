import Testing
@testable import NormMath

/// The glossary's claim that the variants are one formula over different axes, and the
/// invariances normalization is known for.
struct NormalizationIdentityTests {
    let shape = TensorShape(n: 4, c: 6, h: 3, w: 3)

    func randomTensor(seed: UInt64, scale: Double = 1, offset: Double = 0) -> [Float] {
        var random = TestRandom(seed: seed)
        return (0..<shape.count).map { _ in Float(random.normal() * scale + offset) }
    }

    func run(_ variant: NormVariant, groups: Int = 1, x: [Float], dy: [Float]) throws -> ([Float], [Float]) {
        var layer = Normalization(config: NormalizationConfig(variant: variant, groups: groups), channels: shape.c)
        layer.gamma = (0..<shape.c).map { Float(1 + 0.1 * Double($0)) }
        let output = try layer.forward(x, shape: shape, mode: .train)
        return (output.y, layer.backward(dy: dy, x: x, statistics: output.statistics).dx)
    }

    @Test func groupNormWithOneGroupIsLayerNorm() throws {
        let x = randomTensor(seed: 1), dy = randomTensor(seed: 2)
        let group = try run(.group, groups: 1, x: x, dy: dy), layer = try run(.layer, x: x, dy: dy)
        #expect(group.0 == layer.0)
        #expect(group.1 == layer.1)
    }

    @Test func groupNormWithOneGroupPerChannelIsInstanceNorm() throws {
        let x = randomTensor(seed: 3), dy = randomTensor(seed: 4)
        let group = try run(.group, groups: shape.c, x: x, dy: dy), instance = try run(.instance, x: x, dy: dy)
        #expect(group.0 == instance.0)
        #expect(group.1 == instance.1)
    }

    /// Ioffe & Szegedy §3.3: BN(a·x) = BN(x) for a > 0, so scaling the weights before the
    /// layer changes nothing (up to ε).
    @Test(arguments: [0.25, 3.0, 40.0])
    func batchNormIgnoresAPositiveScale(scale: Double) throws {
        let x = randomTensor(seed: 5)
        var layer = Normalization(config: NormalizationConfig(variant: .batch, eps: 1e-9), channels: shape.c)
        let y = try layer.forward(x, shape: shape, mode: .train).y
        let scaledY = try layer.forward(x.map { $0 * Float(scale) }, shape: shape, mode: .train).y
        #expect(relativeError(scaledY.map(Double.init), y.map(Double.init)) < 1e-5)
        // Without normalization the output scales with the input.
        var identity = Normalization(config: NormalizationConfig(variant: .none), channels: shape.c)
        let identityY = try identity.forward(x.map { $0 * Float(scale) }, shape: shape, mode: .train).y
        #expect(relativeError(identityY.map(Double.init), x.map(Double.init)) > 0.5)
    }

    @Test func everyGroupOfTheOutputHasMeanZeroAndVarianceOne() throws {
        let x = randomTensor(seed: 6, scale: 4, offset: -2)
        for variant in [NormVariant.batch, .layer, .instance, .group] {
            var layer = Normalization(config: NormalizationConfig(variant: variant, groups: 3, eps: 0), channels: shape.c)
            let output = try layer.forward(x, shape: shape, mode: .train)
            let layout = output.statistics.layout
            for g in 0..<layout.groupCount {
                let values = layout.elementIndices(ofGroup: g).map { Double(output.y[$0]) }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
                #expect(abs(mean) < 1e-5, "\(variant) group \(g)")
                #expect(abs(variance - 1) < 1e-4, "\(variant) group \(g)")
            }
        }
    }

    @Test func rmsNormGivesUnitMeanSquareAndKeepsTheMean() throws {
        let x = randomTensor(seed: 8, scale: 1, offset: 3)
        var layer = Normalization(config: NormalizationConfig(variant: .rms, eps: 0), channels: shape.c)
        let y = try layer.forward(x, shape: shape, mode: .train).y
        for n in 0..<shape.n {
            let sample = y[(n * shape.perSample)..<((n + 1) * shape.perSample)].map(Double.init)
            let meanSquare = sample.map { $0 * $0 }.reduce(0, +) / Double(sample.count)
            let mean = sample.reduce(0, +) / Double(sample.count)
            #expect(abs(meanSquare - 1) < 1e-4)
            #expect(mean > 0.9, "no centering: the offset survives as a mean near 1")
        }
    }

    @Test func batchNormUpdatesRunningStatisticsLikePyTorch() throws {
        let x = randomTensor(seed: 9, scale: 2, offset: 1)
        var layer = Normalization(config: NormalizationConfig(variant: .batch, momentum: 0.25), channels: shape.c)
        let output = try layer.forward(x, shape: shape, mode: .train)
        let count = Double(shape.n * shape.spatial)
        for c in 0..<shape.c {
            let expectedMean = 0.75 * 0 + 0.25 * output.statistics.mean[c]
            let expectedVar = 0.75 * 1 + 0.25 * output.statistics.variance[c] * count / (count - 1)
            #expect(abs(Double(layer.runningMean[c]) - expectedMean) < 1e-6)
            #expect(abs(Double(layer.runningVar[c]) - expectedVar) < 1e-5)
        }
        // Eval mode uses, and does not change, the running statistics.
        let before = layer.runningMean
        let eval = try layer.forward(x, shape: shape, mode: .eval)
        #expect(layer.runningMean == before)
        #expect(eval.statistics.mean == before.map(Double.init))
    }
}

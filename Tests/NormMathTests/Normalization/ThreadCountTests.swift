import Testing
@testable import NormMath

/// Splitting the groups over threads changes who computes a group, never how: the outputs and
/// gradients must be the same bits for every thread count.
struct ThreadCountTests {
    /// Large enough that `Parallel` really uses several threads (≥ 2 × 64 Ki elements).
    static let shape = TensorShape(n: 4, c: 8, h: 64, w: 64)

    @Test(arguments: NormVariant.allCases)
    func resultsDoNotDependOnTheThreadCount(variant: NormVariant) throws {
        var random = TestRandom(seed: 21)
        let x = (0..<Self.shape.count).map { _ in Float(3 + 2 * random.normal()) }
        let dy = (0..<Self.shape.count).map { _ in Float(random.normal()) }
        func run(threads: Int) throws -> (y: [Float], gradients: NormalizationGradients, running: [Float]) {
            var layer = Normalization(config: NormalizationConfig(variant: variant, groups: 4), channels: Self.shape.c)
            layer.gamma = layer.gamma.map { $0.indices.map { 1 + Float($0) * 0.1 } }
            let output = try layer.forward(x, shape: Self.shape, mode: .train, threads: threads)
            let gradients = layer.backward(dy: dy, x: x, statistics: output.statistics, threads: threads)
            return (output.y, gradients, layer.runningMean + layer.runningVar)
        }
        let one = try run(threads: 1), two = try run(threads: 2), three = try run(threads: 3)
        for other in [two, three] {
            #expect(other.y == one.y)
            #expect(other.gradients.dx == one.gradients.dx)
            #expect(other.gradients.dgamma == one.gradients.dgamma)
            #expect(other.gradients.dbeta == one.gradients.dbeta)
            #expect(other.running == one.running)
        }
    }
}

import Benchmark
import NormMath

/// The kernels `normtui bench` times, as ordo-one/benchmark benchmarks, so that a change's
/// effect shows up as a comparison against a stored baseline (`swift package benchmark
/// baseline compare`). Same tensor as issue 6: [32, 64, 32, 32], float32, one thread.
///
/// The framework calls each closure once per measured iteration, so the state that lives
/// across iterations — the layer, its output buffers, the trainer — is made outside it, as a
/// training loop would keep it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 1000)

    let shape = TensorShape(n: 32, c: 64, h: 32, w: 32)
    let x = randomTensor(count: shape.count, seed: 1)
    let dy = randomTensor(count: shape.count, seed: 2)

    for variant in NormVariant.allCases where variant != .none {
        var layer = Normalization(config: NormalizationConfig(variant: variant, groups: 4), channels: shape.c)
        var y: [Float] = []
        var gradients = NormalizationGradients()
        Benchmark("forward/\(variant.rawValue)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! layer.forward(x, shape: shape, mode: .train, into: &y))
            }
        }
        Benchmark("forward+backward/\(variant.rawValue)") { benchmark in
            for _ in benchmark.scaledIterations {
                let statistics = try! layer.forward(x, shape: shape, mode: .train, into: &y)
                layer.backward(dy: dy, x: x, statistics: statistics, into: &gradients)
                blackHole(gradients.dgamma)
            }
        }
    }

    // A training step of the default experiment (conv, depth 3, 32×16×8×8, digits, batch norm),
    // and of the largest one issue 6 names (64×32×16×16, depth 4).
    var defaultRun = try! Trainer(config: ExperimentConfig())
    Benchmark("train-step/default") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(defaultRun.step()) }
    }
    var largeConfig = ExperimentConfig()
    largeConfig.shape = TensorShape(n: 64, c: 32, h: 16, w: 16)
    largeConfig.depth = 4
    var largeRun = try! Trainer(config: largeConfig)
    Benchmark("train-step/64x32x16x16-depth4") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(largeRun.step()) }
    }
}

/// Standard-normal values with an offset, from a fixed seed.
func randomTensor(count: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in generator.nextNormal() * 2 + 0.5 }
}

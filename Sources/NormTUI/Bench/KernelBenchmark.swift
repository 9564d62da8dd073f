import NormMath

/// Times one normalization layer's forward pass, and forward + backward, on random data — the
/// kernels behind every number the UI shows.
struct KernelBenchmark {
    let config: NormalizationConfig
    let shape: TensorShape
    let threads: Int

    /// The measurement of one variant, in nanoseconds per element of x.
    struct Result {
        var variant: NormVariant
        var forwardNanosecondsPerElement: Double
        var forwardBackwardNanosecondsPerElement: Double
    }

    /// - Throws: when the variant cannot normalize `shape` (e.g. group norm with C % G ≠ 0).
    func run() throws(NormalizationError) -> Result {
        try config.validate(shape: shape, mode: .train)
        var generator = SeededGenerator(seed: 7, stream: 9)
        let x = (0..<shape.count).map { _ in generator.nextNormal() * 2 + 0.5 }
        let dy = (0..<shape.count).map { _ in generator.nextNormal() }
        var layer = Normalization(config: config, channels: shape.c)
        // Non-trivial γ and β, so that no multiplication by one is skipped.
        layer.gamma = layer.gamma.map { $0.indices.map { 1 + Float($0 % 7) * 0.1 } }
        layer.beta = layer.beta.map { $0.indices.map { Float($0 % 5) * 0.1 } }
        let threads = self.threads
        let shape = self.shape

        // The output buffers live across repetitions, as in a training loop that keeps its
        // activations: what is timed is the arithmetic and the memory traffic, not page faults.
        var y: [Float] = []
        var gradients = NormalizationGradients()
        let forward = Stopwatch.best {
            keep(try! layer.forward(x, shape: shape, mode: .train, threads: threads, into: &y))
        }
        let forwardBackward = Stopwatch.best {
            let statistics = try! layer.forward(x, shape: shape, mode: .train, threads: threads, into: &y)
            layer.backward(dy: dy, x: x, statistics: statistics, threads: threads, into: &gradients)
        }
        keep(gradients)
        let perElement = 1e9 / Double(shape.count)
        return Result(
            variant: config.variant, forwardNanosecondsPerElement: forward * perElement,
            forwardBackwardNanosecondsPerElement: forwardBackward * perElement)
    }
}

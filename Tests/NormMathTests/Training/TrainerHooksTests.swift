import Testing
@testable import NormMath

/// The hooks on ``Trainer``: a gradient transform between backward pass and update, and an
/// initialization of the caller's before the first step.
struct TrainerHooksTests {
    /// Zeroes every gradient and counts its calls: with it, SGD (no weight decay) moves nothing.
    struct ZeroGradients: GradientTransform {
        var calls = 0
        mutating func transform(_ gradients: inout NetworkGradients, of network: Network) {
            calls += 1
            for index in gradients.blocks.indices {
                gradients.blocks[index].weight = gradients.blocks[index].weight.map { _ in 0 }
            }
            gradients.head.weight = gradients.head.weight.map { _ in 0 }
        }
    }

    @Test func theGradientTransformRunsBeforeTheUpdate() throws {
        var trainer = try Trainer(config: ExperimentConfig())
        trainer.gradientTransform = ZeroGradients()
        let before = trainer.network.blocks.map(\.weight)
        _ = trainer.step()
        _ = trainer.step()
        #expect(trainer.network.blocks.map(\.weight) == before)
        #expect((trainer.gradientTransform as? ZeroGradients)?.calls == 2)
    }

    @Test func withoutATransformTheStepIsUnchanged() throws {
        var plain = try Trainer(config: ExperimentConfig())
        var hooked = try Trainer(config: ExperimentConfig())
        hooked.initializeWeights { _, _ in }
        for _ in 0..<3 { #expect(plain.step().loss == hooked.step().loss) }
    }

    @Test func theInitializationSeesTheTrainingSetBeforeTheFirstStep() throws {
        var trainer = try Trainer(config: ExperimentConfig())
        let trainingCount = trainer.trainingSet.count
        var seen = 0
        trainer.initializeWeights { network, trainingSet in
            seen = trainingSet.count
            network.head.weight = network.head.weight.map { $0 * 2 }
        }
        #expect(seen == trainingCount)
        let fresh = try Trainer(config: ExperimentConfig())
        #expect(trainer.network.head.weight == fresh.network.head.weight.map { $0 * 2 })
    }
}

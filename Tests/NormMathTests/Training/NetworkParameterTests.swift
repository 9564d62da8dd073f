import Testing
@testable import NormMath

/// The one walk over a network's parameters (Training/Network+Parameters.swift): its order,
/// its slots, and the arrays each variant has.
struct NetworkParameterTests {
    static func network(_ variant: NormVariant, depth: Int = 3) -> Network {
        var config = ExperimentConfig()
        config.variant = variant
        config.depth = depth
        var generator = SeededGenerator(seed: 1, stream: 0)
        return Network(config: config, inputSize: 64, classCount: 10, using: &generator)
    }

    @Test func slotsArePerBlockWBGammaBetaThenTheHead() {
        let parameters = Self.network(.batch, depth: 2).parameters
        #expect(parameters.map(\.slot) == Array(0..<10))
        #expect(parameters[5].owner == .block(1) && parameters[5].role == .bias)
        #expect(parameters[8].owner == .head && parameters[8].role == .weight)
        #expect(parameters[9].owner == .head && parameters[9].role == .bias)
    }

    /// Which arrays exist: a bias only without normalization, no β for RMSNorm, no γ and β
    /// without normalization — and the slots stay where they are.
    @Test(arguments: NormVariant.allCases)
    func presentArraysFollowTheVariant(variant: NormVariant) {
        let network = Self.network(variant)
        let present = network.parameters.filter { network[$0] != nil }.map { "\($0.owner) \($0.role)" }
        var expected: [String] = []
        for block in 0..<3 {
            expected.append("block(\(block)) weight")
            if variant == .none { expected.append("block(\(block)) bias") }
            if variant != .none { expected.append("block(\(block)) gamma") }
            if variant != .none, variant != .rms { expected.append("block(\(block)) beta") }
        }
        expected += ["head weight", "head bias"]
        #expect(present == expected)
    }

    @Test func subscriptsReadAndWriteTheArraysThemselves() {
        var network = Self.network(.group)
        let gamma = NetworkParameter.all(blockCount: 3)[6]  // block 1's γ
        network[gamma] = Array(repeating: 2, count: 16)
        #expect(network.blocks[1].norm.gamma == Array(repeating: 2, count: 16))
        #expect(network[network.parameters[0]] == network.blocks[0].weight)
        #expect(network.unitSize(of: network.parameters[0]) == 9)  // 1 input channel · 3·3
        #expect(network.unitSize(of: network.parameters[4]) == 16 * 9)
        #expect(network.unitSize(of: network.parameters[12]) == 16)  // the head's fan-in
        #expect(network.unitSize(of: gamma) == 1)
    }

    /// Gradients of the loss on the default run's probe batch.
    static func gradients(of network: Network) throws -> NetworkGradients {
        let trainer = try Trainer(config: ExperimentConfig())
        let batch = trainer.probeBatch()
        var copy = network
        let pass = try copy.forward(batch.images, batch: batch.shape.n, mode: .train)
        let loss = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        return network.backward(dlogits: loss.dlogits, pass: pass)
    }

    /// The update walks every slot: SGD without momentum moves each array by −lr·g.
    @Test func updateStepsEveryParameterThatHasAGradient() throws {
        let network = Self.network(.batch)
        let gradients = try Self.gradients(of: network)
        var optimizer = SGD(learningRate: 0.5)
        var updated = network
        updated.update(with: gradients, optimizer: &optimizer)
        var moved = 0
        for parameter in network.parameters {
            guard let before = network[parameter], let gradient = gradients[parameter] else { continue }
            let after = try #require(updated[parameter])
            for i in before.indices { #expect(after[i] == before[i] - 0.5 * gradient[i]) }
            moved += 1
        }
        #expect(moved == 3 * 3 + 2)  // W, γ, β per batch-norm block; the head's W and b
    }

    /// Clipping a whole network clips each array as clipping it alone would, and counts the
    /// rows of the weights: C per block, one per class in the head.
    @Test func clippingWalksEveryParameter() throws {
        let network = Self.network(.none)
        let original = try Self.gradients(of: network)
        let clipping = AdaptiveGradientClipping(threshold: 0.01)
        var gradients = original
        let (clipped, units) = clipping.clip(&gradients, against: network)
        #expect(units == 3 * 16 + 10)
        #expect(clipped > 0)
        for parameter in network.parameters {
            guard let weight = network[parameter], var alone = original[parameter] else { continue }
            clipping.clip(&alone, weight: weight, unitSize: network.unitSize(of: parameter))
            #expect(gradients[parameter] == alone, "\(parameter.owner) \(parameter.role)")
        }
    }
}

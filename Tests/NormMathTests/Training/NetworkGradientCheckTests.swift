import Foundation
import Testing
@testable import NormMath

/// Whole-network finite differences: the composed backward pass (head, pooling, ReLU,
/// normalization, conv/linear) must match central differences of the loss, for every variant.
struct NetworkGradientCheckTests {
    struct Setup: CustomTestStringConvertible, Sendable {
        let variant: NormVariant
        let model: ModelKind
        var testDescription: String { "\(model.rawValue) \(variant.rawValue)" }
    }

    static let setups: [Setup] = NormVariant.allCases.flatMap { variant in
        ModelKind.allCases.compactMap { model in
            model == .mlp && variant == .instance ? nil : Setup(variant: variant, model: model)
        }
    }

    @Test(arguments: setups)
    func backwardMatchesFiniteDifferences(setup: Setup) throws {
        var config = ExperimentConfig()
        config.variant = setup.variant
        config.model = setup.model
        config.depth = 2
        config.groups = 2
        config.eps = 1e-3
        config.shape = setup.model == .conv ? TensorShape(n: 4, c: 4, h: 3, w: 3) : TensorShape(n: 6, c: 4)
        config.dataset = "blobs"
        let data = try Dataset.make("blobs", height: 3, width: 3, seed: 5, count: 60)
        let trainer = try Trainer(config: config, data: data)
        let batch = trainer.trainingSet.batch(0..<config.shape.n)

        /// The loss, and which ReLU inputs are positive: where a perturbation flips one, the
        /// loss has a kink inside the difference and that entry is not compared.
        func loss(_ network: Network) -> (value: Double, pattern: [Bool]) {
            var copy = network
            let pass = try! copy.forward(batch.images, batch: config.shape.n, mode: .train)
            let pattern = pass.normalized.flatMap { $0.y.map { $0 > 0 } }
            return (crossEntropy(pass.logits, labels: batch.labels, classes: data.classCount), pattern)
        }

        var network = trainer.network
        let pass = try network.forward(batch.images, batch: config.shape.n, mode: .train)
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: data.classCount)
        let gradients = trainer.network.backward(dlogits: result.dlogits, pass: pass)

        let h: Float = 1e-3  // small, so that few pre-activations cross a ReLU kink
        var compared = 0, skipped = 0
        let base = loss(trainer.network)
        /// Central differences where no ReLU kink lies between the two evaluations, else a
        /// one-sided difference on the side without one; `nil` when both sides have one.
        func numeric(_ count: Int, _ perturb: (inout Network, Int, Float) -> Void) -> [Double?] {
            (0..<count).map { i in
                var plus = trainer.network, minus = trainer.network
                perturb(&plus, i, h)
                perturb(&minus, i, -h)
                let (lp, lm) = (loss(plus), loss(minus))
                let (plusSmooth, minusSmooth) = (lp.pattern == base.pattern, lm.pattern == base.pattern)
                guard plusSmooth || minusSmooth else { skipped += 1; return nil }
                compared += 1
                if plusSmooth && minusSmooth { return (lp.value - lm.value) / Double(2 * h) }
                return plusSmooth ? (lp.value - base.value) / Double(h) : (base.value - lm.value) / Double(h)
            }
        }
        for block in 0..<config.depth {
            let checked = 12  // the first entries of each weight: every block and kind is covered
            let dW = numeric(checked) { network, i, step in network.blocks[block].weight[i] += step }
            expectClose(gradients.blocks[block].weight.prefix(checked).map(Double.init), dW, "block \(block) weight")
            if let dgamma = gradients.blocks[block].gamma {
                let numericGamma = numeric(dgamma.count) { network, i, step in network.blocks[block].norm.gamma![i] += step }
                expectClose(dgamma.map(Double.init), numericGamma, "block \(block) gamma")
            }
            if let dbeta = gradients.blocks[block].beta {
                let numericBeta = numeric(dbeta.count) { network, i, step in network.blocks[block].norm.beta![i] += step }
                expectClose(dbeta.map(Double.init), numericBeta, "block \(block) beta")
            }
        }
        let dHead = numeric(gradients.head.weight.count) { network, i, step in network.head.weight[i] += step }
        expectClose(gradients.head.weight.map(Double.init), dHead, "head weight")
        #expect(skipped < compared, "too many kinks: \(skipped) skipped, \(compared) compared")
    }

    /// The mean cross-entropy summed in Double, so that the differences are not lost in the
    /// loss's own rounding.
    func crossEntropy(_ logits: [Float], labels: [Int], classes: Int) -> Double {
        var total = 0.0
        for (row, label) in labels.enumerated() {
            let values = logits[(row * classes)..<((row + 1) * classes)].map(Double.init)
            let largest = values.max()!
            let logSum = largest + Foundation.log(values.map { Foundation.exp($0 - largest) }.reduce(0, +))
            total += logSum - values[label]
        }
        return total / Double(labels.count)
    }

    func expectClose(_ analytic: [Double], _ numericOrKink: [Double?], _ name: String) {
        let pairs = zip(analytic, numericOrKink).compactMap { a, n in n.map { (a, $0) } }
        let (analytic, numeric) = (pairs.map(\.0), pairs.map(\.1))
        #expect(!pairs.isEmpty, "\(name): every entry straddles a kink")
        let error = relativeError(analytic, numeric)
        #expect(error < 2e-2, "\(name): error \(error) of the largest magnitude \(analytic.prefix(4)) \(numeric.prefix(4))")
    }
}

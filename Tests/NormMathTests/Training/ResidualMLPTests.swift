import Foundation
import Testing
@testable import NormMath

/// The residual stack's hand-written backward pass against central differences of its loss,
/// for both placements of layer norm, and its update rule.
struct ResidualMLPTests {
    static let (inputSize, width, hidden, depth, classes, batch) = (5, 4, 6, 2, 3, 3)

    static func model(_ placement: LayerNormPlacement) -> ResidualMLP {
        var generator = SeededGenerator(seed: 7)
        var model = ResidualMLP(
            placement: placement, inputSize: inputSize, width: width, hidden: hidden, depth: depth, classCount: classes,
            using: &generator)
        // Non-trivial γ and β, so that their gradients and their effect on dx are checked too.
        for index in model.blocks.indices {
            model.blocks[index].norm.gamma = GradientCheck.random(width, &generator, scale: 1).map { 1 + 0.5 * $0 }
            model.blocks[index].norm.beta = GradientCheck.random(width, &generator, scale: 0.3)
        }
        return model
    }

    static func loss(_ model: ResidualMLP, _ x: [Float], _ labels: [Int]) -> Double {
        let logits = model.forward(x, batch: batch).logits
        var total = 0.0
        for row in 0..<batch {
            let z = logits[(row * classes)..<((row + 1) * classes)].map(Double.init)
            let largest = z.max()!
            total += largest + log(z.reduce(0) { $0 + exp($1 - largest) }) - z[labels[row]]
        }
        return total / Double(batch)
    }

    @Test(arguments: LayerNormPlacement.allCases)
    func backwardMatchesFiniteDifferences(placement: LayerNormPlacement) {
        var generator = SeededGenerator(seed: 11)
        let x = GradientCheck.random(Self.batch * Self.inputSize, &generator)
        let labels = [0, 2, 1]
        let model = Self.model(placement)
        let pass = model.forward(x, batch: Self.batch)
        let dlogits = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: labels, classes: Self.classes).dlogits
        let gradients = model.backward(dlogits: dlogits, pass: pass)

        /// The worst relative error over one parameter array, perturbed through `keyPath`.
        func check(_ analytic: [Float], _ keyPath: WritableKeyPath<ResidualMLP, [Float]>, _ name: String) {
            let error = GradientCheck.relativeError(of: analytic, at: model[keyPath: keyPath], step: 1e-2) { values in
                var perturbed = model
                perturbed[keyPath: keyPath] = values
                return Self.loss(perturbed, x, labels)
            }
            #expect(error < 2e-2, "\(placement) \(name): relative error \(error)")
        }
        check(gradients.embed.weight, \.embed.weight, "embed W")
        check(gradients.embed.bias!, \.embed.bias!, "embed b")
        for index in 0..<Self.depth {
            let g = gradients.blocks[index]
            check(g.expand.weight, \.blocks[index].expand.weight, "block \(index) W1")
            check(g.expand.bias!, \.blocks[index].expand.bias!, "block \(index) b1")
            check(g.project.weight, \.blocks[index].project.weight, "block \(index) W2")
            check(g.project.bias!, \.blocks[index].project.bias!, "block \(index) b2")
            check(g.gamma, \.blocks[index].norm.gamma!, "block \(index) gamma")
            check(g.beta, \.blocks[index].norm.beta!, "block \(index) beta")
        }
        if placement == .pre {
            check(gradients.finalGamma!, \.finalNorm!.gamma!, "final gamma")
            check(gradients.finalBeta!, \.finalNorm!.beta!, "final beta")
        }
        check(gradients.head.weight, \.head.weight, "head W")
        #expect(gradients.allFinite)
    }

    @Test func onlyPreLNHasAFinalLayerNorm() {
        var generator = SeededGenerator(seed: 3)
        let x = GradientCheck.random(Self.batch * Self.inputSize, &generator, scale: 4)
        let post = Self.model(.post).forward(x, batch: Self.batch)
        #expect(post.finalStatistics == nil && post.features == post.output)
        let pre = Self.model(.pre).forward(x, batch: Self.batch)
        #expect(pre.finalStatistics != nil && pre.features != pre.output)
    }

    @Test func updateMovesEveryParameterAgainstItsGradient() {
        var generator = SeededGenerator(seed: 5)
        let x = GradientCheck.random(Self.batch * Self.inputSize, &generator)
        let labels = [1, 0, 2]
        var model = Self.model(.pre)
        let before = Self.loss(model, x, labels)
        var optimizer = SGD(learningRate: 0.05)
        for _ in 0..<5 {
            let pass = model.forward(x, batch: Self.batch)
            let dlogits = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: labels, classes: Self.classes).dlogits
            model.update(with: model.backward(dlogits: dlogits, pass: pass), optimizer: &optimizer)
        }
        #expect(Self.loss(model, x, labels) < before)
    }
}

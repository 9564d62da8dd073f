import Foundation
import Testing
@testable import NormMath

@Suite("Softmax cross-entropy")
struct SoftmaxCrossEntropyTests {
    @Test("uniform logits cost log K; accuracy counts the argmax, first on ties")
    func uniform() {
        let result = SoftmaxCrossEntropy.evaluate(logits: [0, 0, 0, 0, 1, 0], labels: [0, 1], classes: 3)
        #expect(result.correct == 2)
        #expect(result.accuracy == 1)
        let expected = (log(3.0) + (log(2 + M_E) - 1)) / 2
        #expect(abs(Double(result.loss) - expected) < 1e-6)
        // Each row of the gradient sums to zero.
        #expect(abs(result.dlogits[0..<3].reduce(0, +)) < 1e-7)
    }

    @Test("huge logits do not overflow")
    func stable() {
        let result = SoftmaxCrossEntropy.evaluate(logits: [1000, 0, -1000, 1e30], labels: [1, 1], classes: 2)
        #expect(result.loss.isFinite)
        #expect(abs(result.loss - 500) < 1e-3)
        #expect(result.dlogits.allSatisfy { $0.isFinite })
        #expect(result.correct == 1)
    }

    @Test("dlogits matches central differences of the mean loss")
    func gradient() {
        var generator = SeededGenerator(seed: 8)
        let (n, k) = (4, 5)
        let logits = GradientCheck.random(n * k, &generator, scale: 3)
        let labels = (0..<n).map { _ in generator.nextInt(below: k) }
        let analytic = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels, classes: k).dlogits
        let error = GradientCheck.relativeError(of: analytic, at: logits, step: 1e-2) {
            Double(SoftmaxCrossEntropy.evaluate(logits: $0, labels: labels, classes: k).loss)
        }
        #expect(error < 2e-3)
    }
}

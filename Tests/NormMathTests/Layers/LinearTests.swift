import Testing
@testable import NormMath

@Suite("Linear")
struct LinearTests {
    @Test("forward is x·Wᵀ + b")
    func forward() {
        let layer = Linear(inFeatures: 2, outFeatures: 3, weight: [1, 2, 3, 4, 5, 6], bias: [0.5, 0, -1])
        #expect(layer.forward([1, 1, 2, -1], batch: 2) == [3.5, 7, 10, 0.5, 2, 3])
    }

    @Test("backward matches central differences for dx, dW and db")
    func gradients() {
        var generator = SeededGenerator(seed: 5)
        let (n, input, output) = (3, 7, 5)
        var layer = Linear(inFeatures: input, outFeatures: output, bias: true, using: &generator)
        layer.bias = GradientCheck.random(output, &generator)
        let x = GradientCheck.random(n * input, &generator)
        let dy = GradientCheck.random(n * output, &generator)
        var gradients = Linear.Gradients(for: layer)
        let dx = layer.backward(dy: dy, x: x, batch: n, gradients: &gradients)
        let dxError = GradientCheck.relativeError(of: dx, at: x, step: 0.25) {
            GradientCheck.weightedSum(layer.forward($0, batch: n), dy)
        }
        let dwError = GradientCheck.relativeError(of: gradients.weight, at: layer.weight, step: 0.25) {
            GradientCheck.weightedSum(Linear(inFeatures: input, outFeatures: output, weight: $0, bias: layer.bias).forward(x, batch: n), dy)
        }
        let dbError = GradientCheck.relativeError(of: gradients.bias!, at: layer.bias!, step: 0.25) {
            GradientCheck.weightedSum(Linear(inFeatures: input, outFeatures: output, weight: layer.weight, bias: $0).forward(x, batch: n), dy)
        }
        #expect(dxError < 1e-4)
        #expect(dwError < 1e-4)
        #expect(dbError < 1e-4)

        // A second backward pass adds the same amount again.
        let first = gradients
        _ = layer.backward(dy: dy, x: x, batch: n, gradients: &gradients)
        #expect(zip(first.weight, gradients.weight).allSatisfy { abs(2 * $0 - $1) <= 1e-5 })
        #expect(zip(first.bias!, gradients.bias!).allSatisfy { abs(2 * $0 - $1) <= 1e-5 })
    }
}

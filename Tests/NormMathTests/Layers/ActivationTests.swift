import Testing
@testable import NormMath

@Suite("ReLU and global average pooling")
struct ActivationTests {
    @Test("ReLU clips negatives, and its gradient passes only where the output is positive")
    func relu() {
        let x: [Float] = [-2, -0.0, 0, 0.5, 3, -1, 7, -8, 9, 0.25, -0.125]  // longer than one SIMD8 block
        let y = ReLU.forward(x)
        #expect(y == [0, 0, 0, 0.5, 3, 0, 7, 0, 9, 0.25, 0])
        let dy = [Float](repeating: 1.5, count: x.count)
        #expect(ReLU.backward(dy: dy, y: y) == [0, 0, 0, 1.5, 1.5, 0, 1.5, 0, 1.5, 1.5, 0])
    }

    @Test("ReLU's gradient matches central differences away from the kink")
    func reluGradient() {
        var generator = SeededGenerator(seed: 6)
        let x = (0..<37).map { _ in
            let v = generator.nextUniform(in: 0.1, 2)
            return generator.nextUniform() < 0.5 ? -v : v
        }
        let dy = GradientCheck.random(x.count, &generator)
        let dx = ReLU.backward(dy: dy, y: ReLU.forward(x))
        let error = GradientCheck.relativeError(of: dx, at: x, step: 0.01) {
            GradientCheck.weightedSum(ReLU.forward($0), dy)
        }
        #expect(error < 1e-4)
    }

    @Test("pooling averages each plane; its gradient matches central differences")
    func pool() {
        let shape = TensorShape(n: 2, c: 3, h: 3, w: 5)
        var generator = SeededGenerator(seed: 7)
        let x = GradientCheck.random(shape.count, &generator)
        let y = GlobalAveragePool.forward(x, shape: shape)
        #expect(y.count == 6)
        for plane in 0..<6 {
            let mean = x[(plane * 15)..<((plane + 1) * 15)].reduce(0, +) / 15
            #expect(abs(y[plane] - mean) < 1e-6)
        }
        let dy = GradientCheck.random(6, &generator)
        let dx = GlobalAveragePool.backward(dy: dy, shape: shape)
        let error = GradientCheck.relativeError(of: dx, at: x, step: 0.25) {
            GradientCheck.weightedSum(GlobalAveragePool.forward($0, shape: shape), dy)
        }
        #expect(error < 1e-4)
    }
}

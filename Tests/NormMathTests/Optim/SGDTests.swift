import Testing
@testable import NormMath

@Suite("SGD")
struct SGDTests {
    @Test("momentum and weight decay follow PyTorch: buf = g on the first step, then μ·buf + g")
    func pytorchRule() {
        var sgd = SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        var p: [Float] = [1, -2]
        // Step 1: g = ∇ + λp = [0.51, 0.23]; buf = g; p -= 0.1·buf.
        sgd.step(&p, gradient: [0.5, 0.25], slot: 0)
        #expect(abs(p[0] - 0.949) < 1e-6 && abs(p[1] - -2.023) < 1e-6)
        // Step 2: g = [0.5 + 0.00949, 0.25 − 0.02023]; buf = 0.9·[0.51, 0.23] + g.
        sgd.step(&p, gradient: [0.5, 0.25], slot: 0)
        #expect(abs(p[0] - (0.949 - 0.1 * (0.9 * 0.51 + 0.50949))) < 1e-6)
        #expect(abs(p[1] - (-2.023 - 0.1 * (0.9 * 0.23 + 0.22977))) < 1e-6)
    }

    @Test("without momentum a step is p −= lr·(∇ + λp)")
    func plain() {
        var sgd = SGD(learningRate: 0.5, weightDecay: 0.1)
        var p: [Float] = [2]
        sgd.step(&p, gradient: [1], slot: 0)
        #expect(p == [2 - 0.5 * 1.2])
        sgd.step(&p, gradient: [1], slot: 0)
        #expect(abs(p[0] - (1.4 - 0.5 * 1.14)) < 1e-6)
    }

    @Test("slots keep separate buffers; reset forgets them")
    func slots() {
        var sgd = SGD(learningRate: 1, momentum: 0.5)
        var a: [Float] = [0], b: [Float] = [0, 0]
        sgd.step(&a, gradient: [1], slot: 0)
        sgd.step(&b, gradient: [2, 2], slot: 2)
        sgd.step(&a, gradient: [1], slot: 0)
        #expect(a == [-1 - 1.5])
        #expect(b == [-2, -2])
        sgd.reset()
        sgd.step(&a, gradient: [1], slot: 0)
        #expect(a == [-3.5])
    }
}

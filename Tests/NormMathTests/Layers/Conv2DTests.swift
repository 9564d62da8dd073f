import Testing
@testable import NormMath

@Suite("Conv2D")
struct Conv2DTests {
    let shape = TensorShape(n: 2, c: 3, h: 5, w: 4)

    /// The convolution by its definition, for a same-padded 3×3 kernel.
    func direct(_ layer: Conv2D, _ x: [Float], _ shape: TensorShape) -> [Double] {
        let (n, ci, h, w, co) = (shape.n, shape.c, shape.h, shape.w, layer.outChannels)
        var y = [Double](repeating: 0, count: n * co * h * w)
        for s in 0..<n {
            for o in 0..<co {
                for i in 0..<h {
                    for j in 0..<w {
                        var sum = Double(layer.bias?[o] ?? 0)
                        for c in 0..<ci {
                            for ky in 0..<3 {
                                for kx in 0..<3 {
                                    let (si, sj) = (i + ky - 1, j + kx - 1)
                                    guard (0..<h).contains(si), (0..<w).contains(sj) else { continue }
                                    sum += Double(layer.weight[((o * ci + c) * 3 + ky) * 3 + kx]) * Double(x[((s * ci + c) * h + si) * w + sj])
                                }
                            }
                        }
                        y[((s * co + o) * h + i) * w + j] = sum
                    }
                }
            }
        }
        return y
    }

    func layer(bias: Bool, _ generator: inout SeededGenerator) -> Conv2D {
        var layer = Conv2D(inChannels: 3, outChannels: 6, bias: bias, using: &generator)
        if bias { layer.bias = GradientCheck.random(6, &generator) }
        return layer
    }

    @Test("forward matches the definition, with and without bias", arguments: [false, true])
    func forward(bias: Bool) {
        var generator = SeededGenerator(seed: 1)
        let conv = layer(bias: bias, &generator)
        let x = GradientCheck.random(shape.count, &generator)
        let y = conv.forward(x, shape: shape)
        let expected = direct(conv, x, shape)
        #expect(y.count == conv.outputShape(for: shape).count)
        #expect(zip(y, expected).allSatisfy { abs(Double($0) - $1) < 1e-5 })
    }

    @Test("backward matches central differences for dx, dW and db")
    func gradients() {
        var generator = SeededGenerator(seed: 2)
        let conv = layer(bias: true, &generator)
        let x = GradientCheck.random(shape.count, &generator)
        let dy = GradientCheck.random(conv.outputShape(for: shape).count, &generator)
        var gradients = Conv2D.Gradients(for: conv)
        let dx = conv.backward(dy: dy, x: x, shape: shape, gradients: &gradients)

        let dxError = GradientCheck.relativeError(of: dx, at: x, step: 0.25) {
            GradientCheck.weightedSum(conv.forward($0, shape: shape), dy)
        }
        let dwError = GradientCheck.relativeError(of: gradients.weight, at: conv.weight, step: 0.25) {
            let probe = Conv2D(inChannels: 3, outChannels: 6, weight: $0, bias: conv.bias)
            return GradientCheck.weightedSum(probe.forward(x, shape: shape), dy)
        }
        let dbError = GradientCheck.relativeError(of: gradients.bias!, at: conv.bias!, step: 0.25) {
            let probe = Conv2D(inChannels: 3, outChannels: 6, weight: conv.weight, bias: $0)
            return GradientCheck.weightedSum(probe.forward(x, shape: shape), dy)
        }
        #expect(dxError < 1e-4)
        #expect(dwError < 1e-4)
        #expect(dbError < 1e-4)
    }

    @Test("parameter gradients accumulate with +=")
    func accumulates() {
        var generator = SeededGenerator(seed: 3)
        let conv = layer(bias: true, &generator)
        let x = GradientCheck.random(shape.count, &generator)
        let dy = GradientCheck.random(conv.outputShape(for: shape).count, &generator)
        var once = Conv2D.Gradients(for: conv), twice = Conv2D.Gradients(for: conv)
        conv.accumulateParameterGradients(dy: dy, x: x, shape: shape, into: &once)
        conv.accumulateParameterGradients(dy: dy, x: x, shape: shape, into: &twice)
        conv.accumulateParameterGradients(dy: dy, x: x, shape: shape, into: &twice)
        #expect(zip(once.weight, twice.weight).allSatisfy { abs(2 * $0 - $1) <= 1e-5 * max(1, abs($1)) })
        #expect(zip(once.bias!, twice.bias!).allSatisfy { abs(2 * $0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test("He initialization has standard deviation √(2/fan_in) and no bias by choice")
    func initialization() {
        var generator = SeededGenerator(seed: 4)
        let conv = Conv2D(inChannels: 32, outChannels: 64, bias: false, using: &generator)
        let variance = conv.weight.reduce(0) { $0 + Double($1) * Double($1) } / Double(conv.weight.count)
        #expect(abs(variance.squareRoot() - (2.0 / 288).squareRoot()) < 0.003)
        #expect(conv.bias == nil)
    }

    @Test("a 1×1 image sees only the kernel's centre")
    func singlePixel() {
        let conv = Conv2D(inChannels: 1, outChannels: 1, weight: (1...9).map(Float.init), bias: [0.5])
        #expect(conv.forward([2], shape: TensorShape(n: 1, c: 1, h: 1, w: 1)) == [10.5])
    }
}

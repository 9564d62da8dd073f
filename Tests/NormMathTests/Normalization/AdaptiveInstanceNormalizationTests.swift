import Testing
@testable import NormMath

struct AdaptiveInstanceNormalizationTests {
    static let shape = TensorShape(n: 2, c: 3, h: 4, w: 5)

    static func tensor(seed: UInt64, scale: Float, shift: Float) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<shape.count).map { index in
            let plane = Float(index / shape.spatial)
            return scale * (1 + plane) * generator.nextNormal() + shift * plane
        }
    }

    static func moments(_ x: ArraySlice<Float>) -> (mean: Double, variance: Double) {
        let mean = x.reduce(0.0) { $0 + Double($1) } / Double(x.count)
        return (mean, x.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(x.count))
    }

    /// Every output plane has the style plane's mean and (ε-adjusted) variance, and is an
    /// increasing affine map of the content plane.
    @Test func outputCarriesTheStyleStatisticsAndTheContentLayout() throws {
        let content = Self.tensor(seed: 1, scale: 0.5, shift: 2)
        let style = Self.tensor(seed: 2, scale: 3, shift: -1)
        let y = try AdaptiveInstanceNormalization.forward(content: content, style: style, shape: Self.shape)
        let size = Self.shape.spatial
        for plane in 0..<(Self.shape.n * Self.shape.c) {
            let range = (plane * size)..<((plane + 1) * size)
            let out = Self.moments(y[range]), target = Self.moments(style[range]), source = Self.moments(content[range])
            #expect(abs(out.mean - target.mean) < 1e-4 * max(1, abs(target.mean)))
            // σ_y² = (σ_s² + ε)·σ_c²/(σ_c² + ε)
            let expected = (target.variance + 1e-5) * source.variance / (source.variance + 1e-5)
            #expect(abs(out.variance - expected) < 1e-4 * expected)
            for i in range.dropFirst() {
                #expect((y[i] - y[range.lowerBound] > 0) == (content[i] - content[range.lowerBound] > 0))
            }
        }
    }

    /// A tensor styled by itself comes back unchanged (up to ε).
    @Test func selfStyleIsTheIdentity() throws {
        let x = Self.tensor(seed: 3, scale: 2, shift: 1)
        let y = try AdaptiveInstanceNormalization.forward(content: x, style: x, shape: Self.shape)
        #expect(zip(x, y).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func refusesMismatchedShapes() {
        #expect(throws: NormalizationError.self) {
            try AdaptiveInstanceNormalization.forward(content: [1, 2, 3, 4], style: [1, 2], shape: TensorShape(n: 1, c: 1, h: 2, w: 2))
        }
    }
}

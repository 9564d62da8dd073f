import Testing
@testable import NormMath

/// Â = D̃^−½(A + I)D̃^−½ and one graph convolution (Kipf & Welling 2017): Â's structure, and
/// the backward pass by hand against central differences.
struct GraphConvolutionTests {
    /// A path 0–1–2–3 and a triangle 4–5–6 joined by 3–4.
    static let edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (4, 6)]
    static let adjacency = NormalizedAdjacency(nodeCount: 7, edges: edges)

    /// Â is symmetric, has 1/d̃ on its diagonal, and √d̃ is its eigenvector of eigenvalue 1:
    /// the direction repeated smoothing tends to.
    @Test func normalizedAdjacencyIsSymmetricWithEigenvectorRootDegree() {
        let a = Self.adjacency
        #expect(a.degrees == [2, 3, 3, 3, 4, 3, 3])
        for i in 0..<7 {
            #expect(abs(a.entry(i, i) - 1 / Double(a.degrees[i])) < 1e-12)
            for j in 0..<7 { #expect(a.entry(i, j) == a.entry(j, i)) }
        }
        #expect(abs(a.entry(0, 1) - 1 / 6.0.squareRoot()) < 1e-12)
        #expect(a.entry(0, 2) == 0)
        let root = a.degrees.map { Float(Double($0).squareRoot()) }
        for (smoothed, original) in zip(a.propagate(root, features: 1), root) { #expect(abs(smoothed - original) < 1e-6) }
    }

    /// Repeated Â drives any features towards √d̃ times one row: the rows' directions agree.
    @Test func repeatedPropagationMakesTheRowsParallel() {
        var generator = SeededGenerator(seed: 5)
        var h = GradientCheck.random(7 * 3, &generator)
        for _ in 0..<200 { h = Self.adjacency.propagate(h, features: 3) }
        let root = Self.adjacency.degrees.map { Double($0).squareRoot() }
        for i in 0..<7 {
            for f in 0..<3 {
                let expected = Double(h[f]) / root[0] * root[i]
                #expect(abs(Double(h[i * 3 + f]) - expected) < 1e-4 * max(1, abs(expected)))
            }
        }
    }

    /// dH, dW and db of `L = Σ w·conv(H)` against central differences (Double loss).
    @Test func backwardMatchesCentralDifferences() {
        var generator = SeededGenerator(seed: 11)
        var layer = GraphConvolution(inFeatures: 3, outFeatures: 4, bias: true, using: &generator)
        layer.transform.bias = GradientCheck.random(4, &generator)
        let h = GradientCheck.random(7 * 3, &generator), w = GradientCheck.random(7 * 4, &generator)
        let a = Self.adjacency
        func loss(_ layer: GraphConvolution, _ h: [Float]) -> Double {
            GradientCheck.weightedSum(layer.forward(h, adjacency: a).y, w)
        }
        let propagated = layer.forward(h, adjacency: a).propagated
        var gradients = Linear.Gradients(for: layer.transform)
        let dh = layer.backward(dy: w, propagated: propagated, adjacency: a, gradients: &gradients)
        let dhError = GradientCheck.relativeError(of: dh, at: h, step: 1e-2) { loss(layer, $0) }
        let dwError = GradientCheck.relativeError(of: gradients.weight, at: layer.transform.weight, step: 1e-2) { weight in
            var changed = layer
            changed.transform.weight = weight
            return loss(changed, h)
        }
        let dbError = GradientCheck.relativeError(of: gradients.bias!, at: layer.transform.bias!, step: 1e-2) { bias in
            var changed = layer
            changed.transform.bias = bias
            return loss(changed, h)
        }
        #expect(dhError < 1e-3, "dH relative error \(dhError)")
        #expect(dwError < 1e-3, "dW relative error \(dwError)")
        #expect(dbError < 1e-3, "db relative error \(dbError)")
    }
}

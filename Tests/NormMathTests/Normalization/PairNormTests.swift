import Foundation
import Testing
@testable import NormMath

/// PairNorm (Zhao & Akoglu 2020): what its output keeps fixed, its backward pass against
/// central differences, and a graph convolution → PairNorm → ReLU → graph convolution against
/// PyTorch autograd (Fixtures/pairnorm, made by its make.py; PyTorch core has no PairNorm).
struct PairNormTests {
    static let (n, features) = (9, 5)

    /// Features with an offset shared by every node: what smoothing leaves behind.
    static func features(_ generator: inout SeededGenerator) -> [Float] {
        (0..<(n * features)).map { index in Float(index % features) * 2 + 3 * generator.nextNormal() }
    }

    /// Every feature has mean 0 over the nodes, the mean squared row norm is s², so the sum of
    /// squared pairwise distances is 2n²s²; scaling and shifting every node alike changes nothing.
    @Test func outputIsCentredWithFixedTotalPairwiseDistance() {
        var generator = SeededGenerator(seed: 2)
        let layer = PairNorm(scale: 1.5)
        let x = Self.features(&generator)
        let y = layer.forward(x, features: Self.features).y.map(Double.init)
        let (n, f) = (Self.n, Self.features)
        for column in 0..<f {
            let mean = (0..<n).map { y[$0 * f + column] }.reduce(0, +) / Double(n)
            #expect(abs(mean) < 1e-6)
        }
        let meanSquare = y.map { $0 * $0 }.reduce(0, +) / Double(n)
        #expect(abs(meanSquare - 1.5 * 1.5) < 1e-4)
        var pairwise = 0.0
        for i in 0..<n {
            for j in 0..<n {
                for column in 0..<f { pairwise += (y[i * f + column] - y[j * f + column]) * (y[i * f + column] - y[j * f + column]) }
            }
        }
        #expect(abs(pairwise - 2 * Double(n * n) * 1.5 * 1.5) < 1e-2)
        let moved = x.enumerated().map { 4 * $0.element - Float($0.offset % f) }
        for (a, b) in zip(layer.forward(moved, features: f).y, y) { #expect(abs(Double(a) - b) < 1e-4) }
    }

    /// dX of `L = Σ w·PairNorm(X)` against central differences (Double loss).
    @Test func backwardMatchesCentralDifferences() {
        var generator = SeededGenerator(seed: 8)
        let layer = PairNorm(scale: 0.7)
        let x = Self.features(&generator), w = GradientCheck.random(Self.n * Self.features, &generator)
        let statistics = layer.forward(x, features: Self.features).statistics
        let dx = layer.backward(dy: w, x: x, statistics: statistics)
        let error = GradientCheck.relativeError(of: dx, at: x, step: 1e-2) {
            GradientCheck.weightedSum(layer.forward($0, features: Self.features).y, w)
        }
        #expect(error < 1e-3, "dX relative error \(error)")
        // PairNorm's output ignores a common shift, so dX sums to 0 over the nodes per feature.
        for column in 0..<Self.features {
            let sum = (0..<Self.n).map { Double(dx[$0 * Self.features + column]) }.reduce(0, +)
            #expect(abs(sum) < 1e-5)
        }
    }

    struct ReferenceCase {
        let nodes: Int, features: Int, hidden: Int, classes: Int, scale: Double
        let edges: [(Int, Int)]
        let x: [Float], w1: [Float], w2: [Float], b2: [Float], w: [Float]
        let expected: [String: [Double]]
    }

    static let referenceFiles: [URL] = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("pairnorm")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }()

    static func load(_ file: URL) throws -> ReferenceCase {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let input = try #require(object["input"] as? [String: Any])
        let expected = try #require(object["expected"] as? [String: [Double]])
        func floats(_ key: String) throws -> [Float] { try #require(input[key] as? [Double]).map(Float.init) }
        func int(_ key: String) throws -> Int { try #require(input[key] as? Int) }
        let edges = try #require(input["edges"] as? [[Int]]).map { ($0[0], $0[1]) }
        return ReferenceCase(
            nodes: try int("nodes"), features: try int("features"), hidden: try int("hidden"), classes: try int("classes"),
            scale: try #require(input["scale"] as? Double), edges: edges, x: try floats("x"), w1: try floats("w1"),
            w2: try floats("w2"), b2: try floats("b2"), w: try floats("w"), expected: expected)
    }

    @Test func referenceCasesArePresent() {
        #expect(Self.referenceFiles.count == 2)
    }

    /// out, dX, dW1, dW2 and db2 of the composition within 1e-3 of each array's largest magnitude.
    @Test(arguments: referenceFiles)
    func matchesPyTorchAutograd(file: URL) throws {
        let reference = try Self.load(file)
        let a = NormalizedAdjacency(nodeCount: reference.nodes, edges: reference.edges)
        var generator = SeededGenerator(seed: 1)
        var first = GraphConvolution(inFeatures: reference.features, outFeatures: reference.hidden, bias: false, using: &generator)
        var second = GraphConvolution(inFeatures: reference.hidden, outFeatures: reference.classes, bias: true, using: &generator)
        first.transform.weight = reference.w1
        second.transform.weight = reference.w2
        second.transform.bias = reference.b2
        let norm = PairNorm(scale: reference.scale)

        let (z, propagatedX) = first.forward(reference.x, adjacency: a)
        let (p, statistics) = norm.forward(z, features: reference.hidden)
        let h = ReLU.forward(p)
        let (out, propagatedH) = second.forward(h, adjacency: a)
        var firstGradients = Linear.Gradients(for: first.transform), secondGradients = Linear.Gradients(for: second.transform)
        let dh = second.backward(dy: reference.w, propagated: propagatedH, adjacency: a, gradients: &secondGradients)
        let dz = norm.backward(dy: ReLU.backward(dy: dh, y: h), x: z, statistics: statistics)
        let dx = first.backward(dy: dz, propagated: propagatedX, adjacency: a, gradients: &firstGradients)

        let produced: [String: [Float]] = [
            "out": out, "dx": dx, "dw1": firstGradients.weight, "dw2": secondGradients.weight, "db2": secondGradients.bias!,
        ]
        for (key, expected) in reference.expected {
            let actual = try #require(produced[key], "\(file.lastPathComponent): no \(key)").map(Double.init)
            #expect(actual.count == expected.count)
            let largest = expected.map(abs).max() ?? 0
            let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-3 * max(largest, 1e-12), "\(file.lastPathComponent) \(key): error \(worst / largest) of the largest magnitude")
        }
    }
}

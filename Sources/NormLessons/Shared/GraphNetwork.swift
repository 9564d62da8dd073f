import NormMath

/// A deep graph convolutional network for node classification (Kipf & Welling 2017), with
/// or without PairNorm after each hidden convolution (Zhao & Akoglu 2020, §4: GCN → PairNorm
/// → ReLU, as the paper's code):
///
///     X[n, F] → (D − 1) × (graph conv → [PairNorm] → ReLU) [n, 16] → graph conv → logits [n, K]
///
/// trained by full-batch SGD on the cross-entropy of the labelled nodes only. The hidden
/// convolutions have a bias only without PairNorm (its centring would remove it). Two
/// networks of one depth built from one seed start from the same weights and differ only by
/// PairNorm.
public struct GraphNetwork: Sendable {
    public static let hiddenFeatures = 16
    public static let learningRate: Float = 0.05
    public static let momentum: Float = 0.9

    /// D, the number of graph convolutions.
    public let depth: Int
    public let pairNorm: PairNorm?
    public private(set) var layers: [GraphConvolution]
    private var optimizer = SGD(learningRate: learningRate, momentum: momentum)

    /// - Parameters:
    ///   - depth: D ≥ 1.
    ///   - normalized: whether PairNorm follows every hidden convolution.
    ///   - seed: the initial weights' seed; the same for every depth's pair.
    public init(depth: Int, normalized: Bool, seed: UInt64) {
        precondition(depth >= 1, "a network has at least one layer")
        self.depth = depth
        pairNorm = normalized ? PairNorm() : nil
        // One stream for every depth: a seed's networks start with the same first layer.
        var generator = SeededGenerator(seed: seed, stream: 14)
        let sizes = [CommunityGraph.features] + Array(repeating: Self.hiddenFeatures, count: depth - 1) + [CommunityGraph.communities]
        layers = (0..<depth).map { index in
            GraphConvolution(
                inFeatures: sizes[index], outFeatures: sizes[index + 1], bias: !normalized || index == depth - 1,
                using: &generator)
        }
    }

    /// What one forward pass keeps: per layer its input, Â·input, the convolution's output,
    /// PairNorm's statistics, and the layer's output (after ReLU; the logits for the last).
    struct Pass {
        var inputs: [[Float]] = []
        var propagated: [[Float]] = []
        var convolved: [[Float]] = []
        var statistics: [PairNorm.Statistics?] = []
        var outputs: [[Float]] = []
    }

    func forward(_ graph: CommunityGraph) -> Pass {
        var pass = Pass(), h = graph.x
        for (index, layer) in layers.enumerated() {
            let (y, propagated) = layer.forward(h, adjacency: graph.adjacency)
            pass.inputs.append(h)
            pass.propagated.append(propagated)
            pass.convolved.append(y)
            if index == depth - 1 {
                pass.statistics.append(nil)
                h = y
            } else if let pairNorm {
                let (normalized, statistics) = pairNorm.forward(y, features: Self.hiddenFeatures)
                pass.statistics.append(statistics)
                h = ReLU.forward(normalized)
            } else {
                pass.statistics.append(nil)
                h = ReLU.forward(y)
            }
            pass.outputs.append(h)
        }
        return pass
    }

    /// Every layer's output `[n, 16]` (the last: the logits `[n, K]`).
    public func layerOutputs(_ graph: CommunityGraph) -> [[Float]] { forward(graph).outputs }

    /// The fraction of `nodes` whose largest logit is their community.
    public func accuracy(_ graph: CommunityGraph, nodes: [Int]) -> Double {
        accuracy(logits: forward(graph).outputs[depth - 1], graph, nodes: nodes)
    }

    func accuracy(logits: [Float], _ graph: CommunityGraph, nodes: [Int]) -> Double {
        let k = CommunityGraph.communities
        let correct = nodes.filter { node in
            // The first of equal largest logits, as SoftmaxCrossEntropy counts.
            var best = 0
            for j in 1..<k where logits[node * k + j] > logits[node * k + best] { best = j }
            return best == graph.community[node]
        }.count
        return Double(correct) / Double(nodes.count)
    }

    /// One full-batch SGD step on the labelled nodes' cross-entropy; returns the loss.
    @discardableResult
    public mutating func train(_ graph: CommunityGraph) -> Double {
        let pass = forward(graph), k = CommunityGraph.communities
        let logits = pass.outputs[depth - 1]
        let picked = graph.labelled.flatMap { logits[($0 * k)..<(($0 + 1) * k)] }
        let result = SoftmaxCrossEntropy.evaluate(logits: picked, labels: graph.labelled.map { graph.community[$0] }, classes: k)
        var dh = [Float](repeating: 0, count: logits.count)
        for (row, node) in graph.labelled.enumerated() {
            for j in 0..<k { dh[node * k + j] = result.dlogits[row * k + j] }
        }
        var gradients = layers.map { Linear.Gradients(for: $0.transform) }
        for index in stride(from: depth - 1, through: 0, by: -1) {
            var dy = dh
            if index < depth - 1 {
                dy = ReLU.backward(dy: dy, y: pass.outputs[index])
                if let pairNorm, let statistics = pass.statistics[index] {
                    dy = pairNorm.backward(dy: dy, x: pass.convolved[index], statistics: statistics)
                }
            }
            dh = layers[index].backward(
                dy: dy, propagated: pass.propagated[index], adjacency: graph.adjacency, gradients: &gradients[index])
        }
        // Slots: 2·layer for W, 2·layer + 1 for b.
        for index in layers.indices {
            optimizer.step(&layers[index].transform.weight, gradient: gradients[index].weight, slot: 2 * index)
            if let bias = gradients[index].bias {
                optimizer.step(&layers[index].transform.bias!, gradient: bias, slot: 2 * index + 1)
            }
        }
        return Double(result.loss)
    }
}

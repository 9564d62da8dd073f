import NormMath

/// Lesson 19's experiment (glossary: "Aktueller Forschungsstand — Graph Neural Networks mit
/// spezialisierten Normalisierungsansätzen"): graph convolutional networks of depth 2, 4, 8
/// and 16 on a graph with four communities (``CommunityGraph``), each once plain and once with
/// PairNorm (Zhao & Akoglu 2020) after every hidden convolution (``GraphNetwork``), trained on
/// five labelled nodes per community; measured are the accuracy on the other nodes and, for
/// the depth-16 pair, how far apart the nodes' features point layer by layer
/// (``DirectionSpread``), at initialization and now.
public struct OverSmoothingEngine: LessonEngine {
    public static let depths = [2, 4, 8, 16]
    /// Steps between two measurements of the accuracy and the spread.
    public static let evaluationInterval = 5
    /// The depth whose features are followed layer by layer.
    public static let deepest = 16

    /// One seed's graph, networks and measurements.
    public struct SeedRun: Sendable {
        public let graph: CommunityGraph
        /// Per depth (in `depths`' order) the plain network, then the one with PairNorm.
        public var networks: [GraphNetwork]
        /// Per network, the accuracy on the unlabelled nodes at every measurement.
        public var accuracy: [RingBuffer<Double>]
        /// The depth-16 plain network's and PairNorm network's direction spread per layer
        /// (1…16, the last the logits), before any training and at the last measurement.
        public let initialSpread: [[Double]]
        public var spread: [[Double]]
    }

    public private(set) var runs: [SeedRun]
    public let seeds: LessonSeeds
    public private(set) var stepCount = 0
    /// The steps the accuracy was measured at.
    public private(set) var measuredSteps = RingBuffer<Int>(capacity: TrainingHistory.defaultCapacity)
    /// Whether the spread chart shows the initialization (`i`) instead of now.
    public private(set) var showsInitialSpread = false

    public init(seeds: LessonSeeds = .standard) {
        self.seeds = seeds
        runs = seeds.all.map { seed in
            let graph = CommunityGraph(seed: seed)
            let networks = Self.depths.flatMap { depth in
                [GraphNetwork(depth: depth, normalized: false, seed: seed), GraphNetwork(depth: depth, normalized: true, seed: seed)]
            }
            let spread = Self.deepPair(networks).map { Self.spread(of: networks[$0], graph) }
            return SeedRun(
                graph: graph, networks: networks,
                accuracy: Array(repeating: RingBuffer(capacity: TrainingHistory.defaultCapacity), count: networks.count),
                initialSpread: spread, spread: spread)
        }
        measure()
    }

    /// Where a network sits in `SeedRun.networks`.
    public static func index(depth: Int, normalized: Bool) -> Int {
        guard let position = depths.firstIndex(of: depth) else { preconditionFailure("no network of depth \(depth)") }
        return 2 * position + (normalized ? 1 : 0)
    }

    /// The depth-16 plain and PairNorm networks' indices.
    static func deepPair(_ networks: [GraphNetwork]) -> [Int] {
        [index(depth: deepest, normalized: false), index(depth: deepest, normalized: true)]
    }

    static func spread(of network: GraphNetwork, _ graph: CommunityGraph) -> [Double] {
        network.layerOutputs(graph).map { DirectionSpread.of($0, features: $0.count / CommunityGraph.nodeCount) }
    }

    public mutating func advance() {
        for seed in runs.indices {
            let graph = runs[seed].graph
            for index in runs[seed].networks.indices { runs[seed].networks[index].train(graph) }
        }
        stepCount += 1
        if stepCount % Self.evaluationInterval == 0 { measure() }
    }

    private mutating func measure() {
        for seed in runs.indices {
            let graph = runs[seed].graph
            for index in runs[seed].networks.indices {
                runs[seed].accuracy[index].append(runs[seed].networks[index].accuracy(graph, nodes: graph.unlabelled))
            }
            runs[seed].spread = Self.deepPair(runs[seed].networks).map { Self.spread(of: runs[seed].networks[$0], graph) }
        }
        measuredSteps.append(stepCount)
    }

    /// The latest accuracy on the unlabelled nodes of the network of `depth`, on seed number `seed`.
    public func accuracy(depth: Int, normalized: Bool, seed: Int = 0) -> Double? {
        runs[seed].accuracy[Self.index(depth: depth, normalized: normalized)].last
    }

    /// The depth-16 network's direction spread per layer, at initialization or now.
    public func spread(normalized: Bool, initial: Bool, seed: Int = 0) -> [Double] {
        let model = normalized ? 1 : 0
        return initial ? runs[seed].initialSpread[model] : runs[seed].spread[model]
    }

    public var keys: [LessonKey] {
        [LessonKey("i", help: Localized(en: "spread: start / now", de: "Streuung: Start / jetzt"))]
    }

    /// `i` only changes what the chart shows, and says nothing: a lesson key that says
    /// something counts as changing the experiment and stops the judging (LessonWorker), while
    /// the chart's title already says which spread it shows.
    public mutating func handle(_ key: Character) -> Localized? {
        if key == "i" { showsInitialSpread.toggle() }
        return nil
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for depth in Self.depths {
            record.append("plain_\(depth)_accuracy", accuracy(depth: depth, normalized: false))
            record.append("pairnorm_\(depth)_accuracy", accuracy(depth: depth, normalized: true))
        }
        for (normalized, prefix) in [(false, "plain"), (true, "pairnorm")] {
            let initial = spread(normalized: normalized, initial: true), now = spread(normalized: normalized, initial: false)
            record.append("\(prefix)_spread_layer_1_initial", initial.first)
            record.append("\(prefix)_spread_layer_16_initial", initial.last)
            record.append("\(prefix)_spread_layer_1", now.first)
            record.append("\(prefix)_spread_layer_16", now.last)
        }
        return record
    }
}

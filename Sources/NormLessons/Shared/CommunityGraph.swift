import NormMath

/// The data of the graphs lesson: a stochastic block model (Holland et al. 1983) — nodes in
/// communities, each pair of nodes joined with probability `inside` within a community and
/// `across` between two — with noisy features and a few labelled nodes per community, for
/// semi-supervised node classification (Kipf & Welling 2017, §5).
///
/// Each community has a mean feature vector (standard normal); a node's features are its
/// community's mean plus standard normal noise, so one node alone is a weak guess of its
/// community, its neighbourhood a good one. Everything comes from the seed.
public struct CommunityGraph: Sendable {
    public static let communities = 4
    public static let nodesPerCommunity = 30
    public static let nodeCount = communities * nodesPerCommunity
    /// The probability of an edge within a community and between two: about 4.4 neighbours
    /// inside and 1.8 outside per node.
    public static let inside = 0.15
    public static let across = 0.02
    /// F, the features per node.
    public static let features = 16
    /// Labelled nodes per community, the rest are what the accuracy is measured on.
    public static let labelledPerCommunity = 5

    public let adjacency: NormalizedAdjacency
    /// The node features X `[n, F]`.
    public let x: [Float]
    /// Each node's community, 0..<communities (nodes in blocks of `nodesPerCommunity`).
    public let community: [Int]
    /// The labelled nodes (training set), ascending.
    public let labelled: [Int]
    /// The other nodes (test set), ascending.
    public let unlabelled: [Int]
    public let edgeCount: Int

    public init(seed: UInt64) {
        var generator = SeededGenerator(seed: seed, stream: 13)
        let n = Self.nodeCount, k = Self.communities
        let community = (0..<n).map { $0 / Self.nodesPerCommunity }
        var edges: [(Int, Int)] = []
        for i in 0..<n {
            for j in (i + 1)..<n {
                let p = community[i] == community[j] ? Self.inside : Self.across
                if generator.nextDouble() < p { edges.append((i, j)) }
            }
        }
        let means = (0..<(k * Self.features)).map { _ in generator.nextNormal() }
        var x = [Float](repeating: 0, count: n * Self.features)
        for i in 0..<n {
            for f in 0..<Self.features { x[i * Self.features + f] = means[community[i] * Self.features + f] + generator.nextNormal() }
        }
        var labelled: [Int] = []
        for c in 0..<k {
            let order = generator.permutation(Self.nodesPerCommunity)
            labelled += order.prefix(Self.labelledPerCommunity).map { c * Self.nodesPerCommunity + $0 }
        }
        labelled.sort()
        let chosen = Set(labelled)
        self.adjacency = NormalizedAdjacency(nodeCount: n, edges: edges)
        self.x = x
        self.community = community
        self.labelled = labelled
        self.unlabelled = (0..<n).filter { !chosen.contains($0) }
        self.edgeCount = edges.count
    }
}

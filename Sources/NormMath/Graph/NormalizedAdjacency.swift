/// The propagation matrix of a graph convolutional network (Kipf & Welling 2017, "Semi-
/// Supervised Classification with Graph Convolutional Networks", Eq. 2):
///
///     Â = D̃^−½ (A + I) D̃^−½,    D̃_ii = Σ_j (A + I)_ij
///
/// A is the undirected graph's adjacency matrix; the self-loops (+ I) keep each node's own
/// features in its update, and the symmetric scaling keeps Â's eigenvalues in (−1, 1]. Â·H
/// replaces every node's features by a degree-weighted mean over itself and its neighbours —
/// the step that, repeated, makes all nodes alike (over-smoothing; Li et al. 2018): the
/// eigenvalue 1 belongs to the vector √d̃, so Âᵏ·H tends to rows that differ only by the
/// length √d̃_i.
///
/// Stored sparse (compressed rows, columns ascending), sums in Double in that fixed order.
public struct NormalizedAdjacency: Sendable {
    /// n, the number of nodes.
    public let nodeCount: Int
    /// d̃_i = 1 + the number of neighbours of node i.
    public let degrees: [Int]
    /// Where row i's entries start in `columns` and `values`; `rowStart[n]` is their count.
    let rowStart: [Int]
    let columns: [Int]
    let values: [Double]

    /// Â of the undirected graph with `nodeCount` nodes and the given edges.
    /// - Parameters:
    ///   - nodeCount: n, at least 1.
    ///   - edges: pairs of distinct nodes in 0..<n, each edge once in either order (a
    ///     repeated edge or a self-loop is a precondition failure).
    public init(nodeCount: Int, edges: [(Int, Int)]) {
        precondition(nodeCount > 0, "a graph needs at least one node")
        var neighbours = [[Int]](repeating: [], count: nodeCount)
        for (a, b) in edges {
            precondition(a != b && (0..<nodeCount).contains(a) && (0..<nodeCount).contains(b), "an edge joins two distinct nodes of the graph")
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        for i in 0..<nodeCount {
            neighbours[i].append(i)
            neighbours[i].sort()
            precondition(zip(neighbours[i], neighbours[i].dropFirst()).allSatisfy { $0 < $1 }, "each edge appears once")
        }
        let degrees = neighbours.map(\.count)
        var rowStart = [0], columns = [Int](), values = [Double]()
        for i in 0..<nodeCount {
            for j in neighbours[i] {
                columns.append(j)
                values.append(1 / (Double(degrees[i]) * Double(degrees[j])).squareRoot())
            }
            rowStart.append(columns.count)
        }
        self.nodeCount = nodeCount
        self.degrees = degrees
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
    }

    /// Â·H for node features H `[n, F]`, n-major: row i becomes Σ_j Â_ij·h_j.
    /// - Parameters:
    ///   - h: the node features, `[n, F]` flat.
    ///   - features: F, at least 1.
    public func propagate(_ h: [Float], features: Int) -> [Float] {
        precondition(features > 0 && h.count == nodeCount * features, "H must be [n, F]")
        var out = [Float](repeating: 0, count: h.count)
        var row = [Double](repeating: 0, count: features)
        h.withUnsafeBufferPointer { hb in
            for i in 0..<nodeCount {
                for f in 0..<features { row[f] = 0 }
                for entry in rowStart[i]..<rowStart[i + 1] {
                    let weight = values[entry], source = columns[entry] * features
                    for f in 0..<features { row[f] += weight * Double(hb[source + f]) }
                }
                for f in 0..<features { out[i * features + f] = Float(row[f]) }
            }
        }
        return out
    }

    /// Â_ij (0 where i and j are not joined).
    /// - Parameters:
    ///   - i: the row's node.
    ///   - j: the column's node.
    public func entry(_ i: Int, _ j: Int) -> Double {
        for entry in rowStart[i]..<rowStart[i + 1] where columns[entry] == j { return values[entry] }
        return 0
    }
}

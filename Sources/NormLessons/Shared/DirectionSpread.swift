/// How far apart the nodes' feature vectors point: the mean distance between every two
/// nodes' features, each scaled to length 1 — 0 when all point the same way, about √2 for
/// directions at random. Over-smoothing (Li et al. 2018; Oono & Suzuki 2020) drives it to 0:
/// repeated Â makes the rows of H proportional to one vector, whatever their lengths.
/// Lengths are left out on purpose: a deeper plain network may grow or shrink its features,
/// and the lengths then follow the degrees (√d̃_i), not the communities. A node whose
/// features are all 0 (every ReLU off) has no direction and is left out. Sums in Double.
public enum DirectionSpread {
    /// - Parameters:
    ///   - h: node features `[n, F]`.
    ///   - features: F.
    public static func of(_ h: [Float], features: Int) -> Double {
        let n = h.count / features
        var directions: [[Double]] = []
        for i in 0..<n {
            let row = (0..<features).map { Double(h[i * features + $0]) }
            let length = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if length > 0 { directions.append(row.map { $0 / length }) }
        }
        guard directions.count > 1 else { return 0 }
        var total = 0.0
        for i in directions.indices {
            for j in (i + 1)..<directions.count {
                var squares = 0.0
                for f in 0..<features {
                    let d = directions[i][f] - directions[j][f]
                    squares += d * d
                }
                total += squares.squareRoot()
            }
        }
        let pairs = Double(directions.count * (directions.count - 1) / 2)
        return total / pairs
    }
}

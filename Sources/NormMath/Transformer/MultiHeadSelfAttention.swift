import Foundation

/// Multi-head self-attention over short sequences (Vaswani et al. 2017, §3.2), every token
/// attending to every token of its sequence (an encoder, no mask), with optional QK
/// normalization: a layer norm over each head's query and key before their dot product
/// (Dehghani et al. 2023, "Scaling Vision Transformers to 22 Billion Parameters", §2.1).
///
///     q, k, v = x·W_qᵀ, x·W_kᵀ, x·W_vᵀ                [N·T, D], head h: columns h·d_h ..< (h+1)·d_h
///     QK norm:  q, k = LN(q), LN(k)                   over the d_h values of one token's head
///     S = q·kᵀ/√d_h                                   [T, T] per sequence and head: the attention logits
///     P = softmax(S) over the keys, o = P·v           [T, d_h] per sequence and head
///     y = o·W_oᵀ                                      [N·T, D]
///
/// Without QK norm nothing bounds S: where training sharpens attention, |q| and |k| grow and
/// with them the logits, until the softmax is nearly one-hot and its gradient vanishes. With
/// it, a normalized head has length √d_h (γ = 1, β = 0), so |S| ≤ √d_h until γ and β learn
/// otherwise. The projections have no bias.
public struct MultiHeadSelfAttention: Sendable {
    /// D, the width of a token.
    public let width: Int
    public let heads: Int
    /// W_q, W_k, W_v, W_o: `[D, D]` each.
    public var query: Linear
    public var key: Linear
    public var value: Linear
    public var output: Linear
    /// The layer norms over d_h of QK normalization; `nil` without it.
    public var queryNorm: Normalization?
    public var keyNorm: Normalization?

    /// d_h = D / heads, the width of one head.
    public var headWidth: Int { width / heads }

    /// A layer with LeCun-normal projections (σ = 1/√D: no ReLU follows them).
    /// - Parameters:
    ///   - width: D, the width of a token.
    ///   - heads: the number of heads; must divide D.
    ///   - normalizesQueriesAndKeys: whether to add QK normalization (γ = 1, β = 0 at the start).
    ///   - generator: draws the initial weights, W_q, W_k, W_v, W_o in that order.
    public init(width: Int, heads: Int, normalizesQueriesAndKeys: Bool, using generator: inout SeededGenerator) {
        precondition(heads >= 1 && width % heads == 0, "the heads must divide the width")
        func lecun() -> Linear {
            let sigma = 1 / Float(width).squareRoot()
            return Linear(
                inFeatures: width, outFeatures: width,
                weight: (0..<(width * width)).map { _ in generator.nextNormal() * sigma }, bias: nil)
        }
        self.width = width
        self.heads = heads
        query = lecun()
        key = lecun()
        value = lecun()
        output = lecun()
        let headWidth = width / heads
        queryNorm = normalizesQueriesAndKeys ? Normalization(config: NormalizationConfig(variant: .layer), channels: headWidth) : nil
        keyNorm = queryNorm
    }

    /// What the backward pass needs of one forward pass.
    public struct Pass: Sendable {
        /// N sequences of T tokens.
        public let sequences: Int
        public let length: Int
        /// The layer's input x, `[N·T, D]`.
        public var input: [Float]
        /// The projections before QK norm (what it normalized) and its statistics.
        public var rawQueries: [Float]
        public var rawKeys: [Float]
        public var queryStatistics: GroupStatistics?
        public var keyStatistics: GroupStatistics?
        /// The q and k the logits were made of (after QK norm, if any), and v; `[N·T, D]`.
        public var queries: [Float]
        public var keys: [Float]
        public var values: [Float]
        /// P, the attention weights, `[N, heads, T, T]`.
        public var weights: [Float]
        /// o, the heads' outputs side by side, `[N·T, D]`: the output projection's input.
        public var mixed: [Float]
        /// The largest |S| of the pass: the attention logit QK norm keeps in check.
        public var largestLogit: Double
        public var y: [Float]
    }

    /// Runs the layer on `n` sequences of `length` tokens.
    /// - Parameters:
    ///   - x: the tokens, `[N·T, D]`, sequence by sequence.
    ///   - n: N, the number of sequences.
    ///   - t: T, the tokens per sequence; each attends to the T of its own sequence.
    public func forward(_ x: [Float], sequences n: Int, length t: Int) -> Pass {
        precondition(x.count == n * t * width, "x must be [N·T, D]")
        let tokens = n * t
        let rawQueries = query.forward(x, batch: tokens), rawKeys = key.forward(x, batch: tokens)
        let values = value.forward(x, batch: tokens)
        var queries = rawQueries, keys = rawKeys
        var queryStatistics: GroupStatistics?, keyStatistics: GroupStatistics?
        if var queryNorm, var keyNorm {
            let perHead = TensorShape(n: tokens * heads, c: headWidth)
            let q = Self.normalize(&queryNorm, rawQueries, perHead), k = Self.normalize(&keyNorm, rawKeys, perHead)
            (queries, queryStatistics) = (q.y, q.statistics)
            (keys, keyStatistics) = (k.y, k.statistics)
        }
        let dh = headWidth, d = width
        let scale = 1 / Float(dh).squareRoot()
        var weights = [Float](repeating: 0, count: n * heads * t * t)
        var mixed = [Float](repeating: 0, count: tokens * d)
        var largest = 0.0
        queries.withUnsafeBufferPointer { qb in
            keys.withUnsafeBufferPointer { kb in
                values.withUnsafeBufferPointer { vb in
                    weights.withUnsafeMutableBufferPointer { pb in
                        mixed.withUnsafeMutableBufferPointer { ob in
                            for sequence in 0..<n {
                                for head in 0..<heads {
                                    let rows = sequence * t * d + head * dh
                                    let p = pb.baseAddress! + (sequence * heads + head) * t * t
                                    // S = q·kᵀ, [T, T]: the head's columns of T rows D apart.
                                    SGEMM.multiply(
                                        p, ldc: t, qb.baseAddress! + rows, lda: d, transposeA: false,
                                        kb.baseAddress! + rows, ldb: d, transposeB: true, m: t, n: t, k: dh, accumulate: false)
                                    for i in 0..<t {
                                        let row = p + i * t
                                        for j in 0..<t {
                                            row[j] *= scale
                                            largest = max(largest, abs(Double(row[j])))
                                        }
                                        Self.softmax(row, count: t)
                                    }
                                    // o = P·v, into the head's columns.
                                    SGEMM.multiply(
                                        ob.baseAddress! + rows, ldc: d, p, lda: t, transposeA: false,
                                        vb.baseAddress! + rows, ldb: d, transposeB: false, m: t, n: dh, k: t, accumulate: false)
                                }
                            }
                        }
                    }
                }
            }
        }
        return Pass(
            sequences: n, length: t, input: x, rawQueries: rawQueries, rawKeys: rawKeys,
            queryStatistics: queryStatistics, keyStatistics: keyStatistics, queries: queries, keys: keys, values: values,
            weights: weights, mixed: mixed, largestLogit: largest, y: output.forward(mixed, batch: tokens))
    }

    /// A row of logits replaced by its softmax, exp(s − max)/Σ exp(s − max), summed in Double.
    static func softmax(_ row: UnsafeMutablePointer<Float>, count: Int) {
        var largest = row[0]
        for j in 1..<count { largest = max(largest, row[j]) }
        var sum = 0.0
        for j in 0..<count {
            let e = exp(row[j] - largest)
            row[j] = e
            sum += Double(e)
        }
        let inverse = Float(1 / sum)
        for j in 0..<count { row[j] *= inverse }
    }

    /// Layer norm over the last axis of `shape`; it accepts every [M, C] with C ≥ 1.
    static func normalize(_ norm: inout Normalization, _ x: [Float], _ shape: TensorShape) -> NormalizationOutput {
        do {
            return try norm.forward(x, shape: shape, mode: .train)
        } catch {
            preconditionFailure("layer norm refused \(shape): \(error)")
        }
    }
}

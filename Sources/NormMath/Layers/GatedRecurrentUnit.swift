import Foundation

/// A gated recurrent unit, GRU (Cho et al. 2014), in PyTorch's form (`nn.GRU`, one layer), with
/// optional layer normalization of its recurrent summed inputs (Ba et al. 2016, §3.1 and
/// Appendix: "layer normalization for recurrent networks"; the glossary's "Anwendungsgebiete:
/// Rekurrente Netzwerke").
///
/// One step, gates r (reset), z (update) and n (new), for a batch of N samples:
///
///     i_g = W_ig·x_t + b_ig                     (input part, g ∈ r, z, n)
///     a_g = W_hg·h_{t−1} + b_hg                 (recurrent part)
///     ã_g = γ_g ⊙ (a_g − μ_g)/σ_g + β_g         (with layer norm; else ã_g = a_g)
///     r = sigmoid(i_r + ã_r),  z = sigmoid(i_z + ã_z),  n = tanh(i_n + r ⊙ ã_n)
///     h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
///
/// μ_g and σ_g = √(Var_g + ε) are taken per sample over the H hidden units of each gate alone,
/// as Ba et al. normalize each summed input. Only the recurrent part is normalized: with a
/// handful of input features, normalizing W_ig·x over the hidden units would take away the
/// input's magnitude (a value of 0.3 and one of 0.9 would look alike), which is the very thing
/// a task like the adding problem must carry. The recurrent part is where the hidden state's
/// scale feeds back into itself, so that is where the normalization acts.
///
/// Without layer norm the numbers are PyTorch's `nn.GRU` to float rounding. Everything is Float
/// storage with Double moments; h₀ = 0.
public struct GatedRecurrentUnit: Sendable {
    /// I, the features of one input step.
    public let inputSize: Int
    /// H, the hidden units.
    public let hiddenSize: Int
    /// Whether the recurrent summed inputs are layer-normalized.
    public let layerNormalized: Bool
    public let eps: Double
    /// W_ih, `[3H, I]`, gates in PyTorch's order r, z, n.
    public var weightIH: [Float]
    /// W_hh, `[3H, H]`.
    public var weightHH: [Float]
    /// b_ih, `[3H]`.
    public var biasIH: [Float]
    /// b_hh, `[3H]` (with layer norm its mean per gate is taken away again; β does its work).
    public var biasHH: [Float]
    /// γ, `[3H]`, one scale per gate and unit (starts at 1; used with layer norm only).
    public var gamma: [Float]
    /// β, `[3H]` (starts at 0; used with layer norm only).
    public var beta: [Float]

    /// A unit initialized as PyTorch does: every weight and bias uniform in ±1/√H.
    /// - Parameters:
    ///   - inputSize: I, at least 1.
    ///   - hiddenSize: H, at least 2 (layer norm needs more than one unit per gate).
    ///   - layerNormalized: whether the recurrent summed inputs are layer-normalized.
    ///   - eps: ε of the layer norm.
    ///   - generator: where the initial weights come from.
    public init(
        inputSize: Int, hiddenSize: Int, layerNormalized: Bool, eps: Double = 1e-5, using generator: inout SeededGenerator
    ) {
        precondition(inputSize > 0 && hiddenSize > 1, "a GRU needs at least one input and two hidden units")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.layerNormalized = layerNormalized
        self.eps = eps
        let bound = 1 / Float(hiddenSize).squareRoot()
        let uniform = { (count: Int, generator: inout SeededGenerator) in
            (0..<count).map { _ in generator.nextUniform(in: -bound, bound) }
        }
        weightIH = uniform(3 * hiddenSize * inputSize, &generator)
        weightHH = uniform(3 * hiddenSize * hiddenSize, &generator)
        biasIH = uniform(3 * hiddenSize, &generator)
        biasHH = uniform(3 * hiddenSize, &generator)
        gamma = Array(repeating: 1, count: 3 * hiddenSize)
        beta = Array(repeating: 0, count: 3 * hiddenSize)
    }

    /// What the backward pass needs of a forward pass over T steps.
    public struct Pass: Sendable {
        /// N, the samples.
        public let batch: Int
        /// h₀ … h_T, each `[N, H]` (h₀ = 0).
        public let hidden: [[Float]]
        /// Per step t = 1 … T (index t − 1): r, z, n, each `[N, H]`.
        let reset: [[Float]], update: [[Float]], candidate: [[Float]]
        /// Per step: ã_n, the recurrent part of the new gate after the norm, `[N, H]`.
        let recurrentCandidate: [[Float]]
        /// Per step, with layer norm: â = (a − μ)/σ, `[N, 3H]`, and 1/σ per sample and gate, `[N, 3]`.
        let normalized: [[Float]], inverseDeviation: [[Double]]

        /// T, the steps run.
        public var steps: Int { hidden.count - 1 }
    }

    /// Runs the unit over T steps from h₀ = 0.
    /// - Parameters:
    ///   - x: the inputs, time-major `[T, N, I]` flat.
    ///   - batch: N, at least 1.
    /// - Returns: the hidden states and what the backward pass needs.
    public func forward(_ x: [Float], batch: Int) -> Pass {
        let (h, i) = (hiddenSize, inputSize)
        precondition(batch > 0 && !x.isEmpty && x.count % (batch * i) == 0, "x must be [T, N, I]")
        let steps = x.count / (batch * i)
        var hidden = [[Float]](), reset = [[Float]](), update = [[Float]](), candidate = [[Float]]()
        var recurrentCandidate = [[Float]](), normalized = [[Float]](), inverseDeviation = [[Double]]()
        hidden.reserveCapacity(steps + 1)
        hidden.append([Float](repeating: 0, count: batch * h))
        var inputPart = [Float](repeating: 0, count: 3 * h), recurrent = [Float](repeating: 0, count: 3 * h)
        for t in 0..<steps {
            let previous = hidden[t]
            var r = [Float](repeating: 0, count: batch * h), z = r, n = r, an = r, next = r
            var xHat = layerNormalized ? [Float](repeating: 0, count: batch * 3 * h) : []
            var inverse = layerNormalized ? [Double](repeating: 0, count: batch * 3) : []
            for sample in 0..<batch {
                let xOffset = (t * batch + sample) * i
                for row in 0..<(3 * h) {
                    var sum = biasIH[row]
                    for k in 0..<i { sum += weightIH[row * i + k] * x[xOffset + k] }
                    inputPart[row] = sum
                }
                previous.withUnsafeBufferPointer { hPrevious in
                    weightHH.withUnsafeBufferPointer { w in
                        for row in 0..<(3 * h) {
                            var sum: Float = 0
                            let base = row * h, hBase = sample * h
                            for k in 0..<h { sum += w[base + k] * hPrevious[hBase + k] }
                            recurrent[row] = sum + biasHH[row]
                        }
                    }
                }
                if layerNormalized {
                    for gate in 0..<3 {
                        let start = gate * h
                        var mean = 0.0
                        for u in 0..<h { mean += Double(recurrent[start + u]) }
                        mean /= Double(h)
                        var variance = 0.0
                        for u in 0..<h {
                            let d = Double(recurrent[start + u]) - mean
                            variance += d * d
                        }
                        variance /= Double(h)
                        let inv = 1 / (variance + eps).squareRoot()
                        inverse[sample * 3 + gate] = inv
                        for u in 0..<h {
                            let normal = (Double(recurrent[start + u]) - mean) * inv
                            xHat[sample * 3 * h + start + u] = Float(normal)
                            recurrent[start + u] = Float(Double(gamma[start + u]) * normal + Double(beta[start + u]))
                        }
                    }
                }
                for u in 0..<h {
                    let index = sample * h + u
                    let rValue = Self.sigmoid(inputPart[u] + recurrent[u])
                    let zValue = Self.sigmoid(inputPart[h + u] + recurrent[h + u])
                    let nValue = Float(tanh(Double(inputPart[2 * h + u] + rValue * recurrent[2 * h + u])))
                    r[index] = rValue
                    z[index] = zValue
                    n[index] = nValue
                    an[index] = recurrent[2 * h + u]
                    next[index] = (1 - zValue) * nValue + zValue * previous[index]
                }
            }
            reset.append(r)
            update.append(z)
            candidate.append(n)
            recurrentCandidate.append(an)
            normalized.append(xHat)
            inverseDeviation.append(inverse)
            hidden.append(next)
        }
        return Pass(
            batch: batch, hidden: hidden, reset: reset, update: update, candidate: candidate,
            recurrentCandidate: recurrentCandidate, normalized: normalized, inverseDeviation: inverseDeviation)
    }

    @inline(__always)
    static func sigmoid(_ v: Float) -> Float { Float(1 / (1 + exp(-Double(v)))) }
}

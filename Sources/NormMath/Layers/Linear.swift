/// A fully connected layer, `y = x·Wᵀ + b` — the classifier head, and every layer of the MLP.
public struct Linear: Sendable {
    public let inFeatures: Int
    public let outFeatures: Int
    /// W, `[out, in]` as in PyTorch.
    public var weight: [Float]
    /// b, `[out]`; `nil` for a layer without bias (before a normalization layer).
    public var bias: [Float]?

    /// The parameter gradients, shaped like the parameters. Backward passes *add* to them
    /// (`+=`), so they must be zeroed before each step — as PyTorch's `.grad`.
    public struct Gradients: Sendable {
        /// ∂L/∂W, `[out, in]`.
        public var weight: [Float]
        /// ∂L/∂b, `[out]`; `nil` when the layer has no bias.
        public var bias: [Float]?

        /// Zero gradients for `layer`.
        public init(for layer: Linear) {
            weight = Array(repeating: 0, count: layer.weight.count)
            bias = layer.bias.map { Array(repeating: 0, count: $0.count) }
        }
    }

    /// A layer with He-normal weights (fan_in = in) and zero bias.
    public init(inFeatures: Int, outFeatures: Int, bias: Bool, using generator: inout SeededGenerator) {
        self.init(
            inFeatures: inFeatures, outFeatures: outFeatures,
            weight: Initialization.heNormal(count: outFeatures * inFeatures, fanIn: inFeatures, using: &generator),
            bias: bias ? Array(repeating: 0, count: outFeatures) : nil)
    }

    /// A layer with the given parameters.
    /// - Precondition: `weight` has out·in values and `bias`, if any, out.
    public init(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float]?) {
        precondition(inFeatures > 0 && outFeatures > 0, "a linear layer needs at least one input and one output")
        precondition(weight.count == outFeatures * inFeatures, "the weight must have out·in values")
        precondition(bias.map { $0.count == outFeatures } ?? true, "the bias must have one value per output")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
    }

    /// y[N, out] from x[N, in].
    public func forward(_ x: [Float], batch n: Int) -> [Float] {
        precondition(x.count == n * inFeatures, "x must be [N, in]")
        return [Float](unsafeUninitializedCapacity: n * outFeatures) { y, initialized in
            x.withUnsafeBufferPointer { xb in
                weight.withUnsafeBufferPointer { wb in
                    SGEMM.multiply(
                        y.baseAddress!, ldc: outFeatures,
                        xb.baseAddress!, lda: inFeatures, transposeA: false,
                        wb.baseAddress!, ldb: inFeatures, transposeB: true,
                        m: n, n: outFeatures, k: inFeatures, accumulate: false)
                }
            }
            if let bias {
                bias.withUnsafeBufferPointer { bb in
                    for row in 0..<n {
                        let target = y.baseAddress! + row * outFeatures
                        for j in 0..<outFeatures { target[j] += bb[j] }
                    }
                }
            }
            initialized = n * outFeatures
        }
    }

    /// Adds ∂L/∂W = dyᵀ·x and ∂L/∂b = Σ_n dy to `gradients` and returns ∂L/∂x = dy·W, `[N, in]`.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N, out]`.
    ///   - x: the forward pass's input, `[N, in]`.
    ///   - n: N, the batch size.
    ///   - gradients: where ∂L/∂W and ∂L/∂b are added.
    public func backward(dy: [Float], x: [Float], batch n: Int, gradients: inout Gradients) -> [Float] {
        precondition(dy.count == n * outFeatures && x.count == n * inFeatures, "dy must be [N, out] and x [N, in]")
        dy.withUnsafeBufferPointer { g in
            x.withUnsafeBufferPointer { xb in
                gradients.weight.withUnsafeMutableBufferPointer { dw in
                    SGEMM.multiply(
                        dw.baseAddress!, ldc: inFeatures,
                        g.baseAddress!, lda: outFeatures, transposeA: true,
                        xb.baseAddress!, ldb: inFeatures, transposeB: false,
                        m: outFeatures, n: inFeatures, k: n, accumulate: true)
                }
            }
            if gradients.bias != nil {
                gradients.bias!.withUnsafeMutableBufferPointer { db in
                    for row in 0..<n {
                        let source = g.baseAddress! + row * outFeatures
                        for j in 0..<outFeatures { db[j] += source[j] }
                    }
                }
            }
        }
        return [Float](unsafeUninitializedCapacity: n * inFeatures) { dx, initialized in
            dy.withUnsafeBufferPointer { g in
                weight.withUnsafeBufferPointer { wb in
                    SGEMM.multiply(
                        dx.baseAddress!, ldc: inFeatures,
                        g.baseAddress!, lda: outFeatures, transposeA: false,
                        wb.baseAddress!, ldb: inFeatures, transposeB: false,
                        m: n, n: inFeatures, k: outFeatures, accumulate: false)
                }
            }
            initialized = n * inFeatures
        }
    }
}

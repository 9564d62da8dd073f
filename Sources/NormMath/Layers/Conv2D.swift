/// A 3×3 convolution with stride 1 and one pixel of zero padding ("same"), so H×W is kept —
/// the layer between the normalization layers of the conv model.
///
/// Computed as one ``SGEMM`` per sample over the unrolled input (im2col, Chellapilla et al.
/// 2006), which the SGEMM reads from three shifted copies of the sample (`ShiftedPlanes`):
/// `y[C_out, H·W] = W[C_out, C_in·9] · unrolled(x)[C_in·9, H·W]`.
public struct Conv2D: Sendable {
    public let inChannels: Int
    public let outChannels: Int
    /// W, `[C_out, C_in, 3, 3]` as in PyTorch.
    public var weight: [Float]
    /// b, `[C_out]`; `nil` for a convolution without bias — the usual choice before a
    /// normalization layer, whose β takes the bias's place (a bias would be subtracted with μ).
    public var bias: [Float]?

    /// The parameter gradients, shaped like the parameters. Backward passes *add* to them
    /// (`+=`), so they must be zeroed before each step — as PyTorch's `.grad`.
    public struct Gradients: Sendable {
        /// ∂L/∂W, `[C_out, C_in, 3, 3]`.
        public var weight: [Float]
        /// ∂L/∂b, `[C_out]`; `nil` when the layer has no bias.
        public var bias: [Float]?

        /// Zero gradients for `layer`.
        public init(for layer: Conv2D) {
            weight = Array(repeating: 0, count: layer.weight.count)
            bias = layer.bias.map { Array(repeating: 0, count: $0.count) }
        }
    }

    /// A layer with He-normal weights (fan_in = C_in·9) and zero bias.
    public init(inChannels: Int, outChannels: Int, bias: Bool, using generator: inout SeededGenerator) {
        self.init(
            inChannels: inChannels, outChannels: outChannels,
            weight: Initialization.heNormal(count: outChannels * inChannels * 9, fanIn: inChannels * 9, using: &generator),
            bias: bias ? Array(repeating: 0, count: outChannels) : nil)
    }

    /// A layer with the given parameters.
    /// - Precondition: `weight` has C_out·C_in·9 values and `bias`, if any, C_out.
    public init(inChannels: Int, outChannels: Int, weight: [Float], bias: [Float]?) {
        precondition(inChannels > 0 && outChannels > 0, "a convolution needs at least one input and one output channel")
        precondition(weight.count == outChannels * inChannels * 9, "the weight must have C_out·C_in·3·3 values")
        precondition(bias.map { $0.count == outChannels } ?? true, "the bias must have one value per output channel")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.weight = weight
        self.bias = bias
    }

    /// The shape of the output for an input of `shape`: `[N, C_out, H, W]`.
    public func outputShape(for shape: TensorShape) -> TensorShape {
        TensorShape(n: shape.n, c: outChannels, h: shape.h, w: shape.w)
    }

    /// y[N, C_out, H, W] from x[N, C_in, H, W].
    /// - Parameters:
    ///   - x: the input, `[N, C_in, H, W]` of `shape`.
    ///   - shape: x's shape.
    ///   - threads: how many threads may share the samples; every sample is computed by the
    ///     same code on any of them, so the result is the same for every count.
    /// - Precondition: `shape.c == inChannels` and `x.count == shape.count`.
    public func forward(_ x: [Float], shape: TensorShape, threads: Int = 1) -> [Float] {
        precondition(shape.c == inChannels && x.count == shape.count, "x must be [N, C_in, H, W]")
        return Self.convolve(x, shape: shape, weight: weight, outChannels: outChannels, bias: bias, threads: threads)
    }

    /// `y[N, C_out, H, W] = conv(x, W) + b` for x of `shape` and W `[C_out, shape.c, 3, 3]`,
    /// one sample at a time: the sample into its shifted planes (a reused buffer), then one
    /// SGEMM that writes the sample's output planes in place —
    /// `W[C_out, C·9] · unrolled(x)[C·9, H·W]` is already NCHW. Samples are independent, so
    /// threads take contiguous runs of them, each with its own buffer.
    static func convolve(
        _ x: [Float], shape: TensorShape, weight: [Float], outChannels: Int, bias: [Float]?, threads: Int = 1
    ) -> [Float] {
        let hw = shape.spatial, depth = shape.c * 9, outSample = outChannels * hw
        let planes = ShiftedPlanes(channels: shape.c, height: shape.h, width: shape.w)
        return [Float](unsafeUninitializedCapacity: shape.n * outSample) { y, initialized in
            let output = SharedFloats(y.baseAddress!)
            x.withUnsafeBufferPointer { xb in
                weight.withUnsafeBufferPointer { wb in
                    Parallel.forEachChunk(count: shape.n, threads: threads, work: shape.n * outSample * depth / 8) { samples in
                        planes.withBuffer { buffer, rows in
                            for sample in samples {
                                planes.fill(xb.baseAddress! + sample * shape.perSample, into: buffer)
                                let out = output.base + sample * outSample
                                SGEMM.multiply(
                                    out, ldc: hw,
                                    wb.baseAddress!, lda: depth, transposeA: false,
                                    bRows: rows, transposeB: false,
                                    m: outChannels, n: hw, k: depth, accumulate: false)
                                if let bias {
                                    for c in 0..<outChannels {
                                        let plane = out + c * hw, b = bias[c]
                                        for i in 0..<hw { plane[i] += b }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = shape.n * outSample
        }
    }
}

/// A buffer that worker threads write at disjoint places (one sample's planes each). Safe
/// because `Parallel` hands out disjoint ranges and returns only when all are done.
struct SharedFloats: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
    init(_ base: UnsafeMutablePointer<Float>) { self.base = base }
}

/// The backward pass of ``Conv2D``, written by hand.
///
///     dW[C_out, C_in·9] += dy[C_out, N·H·W] · unrolled(x)ᵀ   (unrolled: im2col)
///     db[C_out]         += Σ_{n,h,w} dy
///     dx                 = conv(dy, W′),  W′[c_in, c_out, ky, kx] = W[c_out, c_in, 2 − ky, 2 − kx]
///
/// The input gradient is itself a same-padded 3×3 convolution — of dy with the kernel flipped
/// in space and with input and output channels swapped — so it reuses ``Conv2D/convolve``.
extension Conv2D {
    /// Adds ∂L/∂W and ∂L/∂b to `gradients` and returns ∂L/∂x `[N, C_in, H, W]`.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N, C_out, H, W]`.
    ///   - x: the forward pass's input, `[N, C_in, H, W]` of `shape`.
    ///   - shape: x's shape.
    ///   - threads: how many threads may share the work; the result is the same for every count.
    ///   - gradients: where ∂L/∂W and ∂L/∂b are added.
    public func backward(dy: [Float], x: [Float], shape: TensorShape, threads: Int = 1, gradients: inout Gradients) -> [Float] {
        accumulateParameterGradients(dy: dy, x: x, shape: shape, threads: threads, into: &gradients)
        return inputGradient(dy: dy, shape: shape, threads: threads)
    }

    /// Samples per block of ∂L/∂W: a fixed number, not one that depends on the thread count,
    /// so that the sums — and their rounding — are the same however many threads share them.
    static let gradientBlock = 8

    /// Adds ∂L/∂W and ∂L/∂b to `gradients`; all the first layer needs, whose input is data.
    ///
    /// The batch is cut into blocks of `gradientBlock` samples. Each block's
    /// `Σ_n dy_n[C_out, H·W] · unrolled(x_n)ᵀ` is summed by its own SGEMMs, sample after sample,
    /// into a buffer of its own (blocks are independent, so threads take whole blocks); then the
    /// blocks are added to ∂L/∂W in block order. Every rounding is thus fixed by N alone.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N, C_out, H, W]`.
    ///   - x: the forward pass's input, `[N, C_in, H, W]` of `shape`.
    ///   - shape: x's shape.
    ///   - threads: how many threads may share the blocks; the result is the same for every count.
    ///   - gradients: where ∂L/∂W and ∂L/∂b are added.
    public func accumulateParameterGradients(
        dy: [Float], x: [Float], shape: TensorShape, threads: Int = 1, into gradients: inout Gradients
    ) {
        precondition(shape.c == inChannels && x.count == shape.count, "x must be [N, C_in, H, W]")
        let outShape = outputShape(for: shape)
        precondition(dy.count == outShape.count, "dy must be [N, C_out, H, W]")
        let hw = shape.spatial, depth = inChannels * 9, size = outChannels * depth
        let blockCount = (shape.n + Self.gradientBlock - 1) / Self.gradientBlock
        let planes = ShiftedPlanes(channels: inChannels, height: shape.h, width: shape.w)
        withScratch(count: blockCount * size) { partials in
            let sums = SharedFloats(partials)
            x.withUnsafeBufferPointer { xb in
                dy.withUnsafeBufferPointer { g in
                    let work = shape.n * outChannels * depth * hw / 8
                    Parallel.forEachChunk(count: blockCount, threads: threads, work: work) { blocks in
                        planes.withBuffer { buffer, rows in
                            for block in blocks {
                                let first = block * Self.gradientBlock
                                for sample in first..<min(shape.n, first + Self.gradientBlock) {
                                    planes.fill(xb.baseAddress! + sample * shape.perSample, into: buffer)
                                    SGEMM.multiply(
                                        sums.base + block * size, ldc: depth,
                                        g.baseAddress! + sample * outShape.perSample, lda: hw, transposeA: false,
                                        bRows: rows, transposeB: true,
                                        m: outChannels, n: depth, k: hw, accumulate: sample > first)
                                }
                            }
                        }
                    }
                }
            }
            gradients.weight.withUnsafeMutableBufferPointer { dw in
                for block in 0..<blockCount {
                    let sum = partials + block * size
                    for i in 0..<size { dw[i] += sum[i] }
                }
            }
        }
        if gradients.bias != nil {
            dy.withUnsafeBufferPointer { g in
                for c in 0..<outChannels {
                    var sum = 0.0
                    for sample in 0..<shape.n {
                        sum += Reduce.sum(g.baseAddress! + (sample * outChannels + c) * hw, hw)
                    }
                    gradients.bias![c] += Float(sum)
                }
            }
        }
    }

    /// ∂L/∂x `[N, C_in, H, W]` from ∂L/∂y `[N, C_out, H, W]`; `shape` is the input's.
    /// `threads` threads may share the samples; the result is the same for every count.
    public func inputGradient(dy: [Float], shape: TensorShape, threads: Int = 1) -> [Float] {
        let outShape = outputShape(for: shape)
        precondition(shape.c == inChannels && dy.count == outShape.count, "dy must be [N, C_out, H, W]")
        var flipped = [Float](repeating: 0, count: weight.count)  // W′[C_in, C_out, 3, 3]
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                for k in 0..<9 {
                    flipped[(i * outChannels + o) * 9 + 8 - k] = weight[(o * inChannels + i) * 9 + k]
                }
            }
        }
        return Self.convolve(dy, shape: outShape, weight: flipped, outChannels: inChannels, bias: nil, threads: threads)
    }
}

/// The backward pass of ``Conv2D``, written by hand.
///
///     dW[C_out, C_in·9] += dy[C_out, N·H·W] · columns(x)ᵀ
///     db[C_out]         += Σ_{n,h,w} dy
///     dx                 = conv(dy, W′),  W′[c_in, c_out, ky, kx] = W[c_out, c_in, 2 − ky, 2 − kx]
///
/// The input gradient is itself a same-padded 3×3 convolution — of dy with the kernel flipped
/// in space and with input and output channels swapped — so it reuses im2col and the SGEMM.
extension Conv2D {
    /// Adds ∂L/∂W and ∂L/∂b to `gradients` and returns ∂L/∂x `[N, C_in, H, W]`.
    /// - Parameters:
    ///   - dy: ∂L/∂y, `[N, C_out, H, W]`.
    ///   - x: the forward pass's input, `[N, C_in, H, W]` of `shape`.
    public func backward(dy: [Float], x: [Float], shape: TensorShape, gradients: inout Gradients) -> [Float] {
        accumulateParameterGradients(dy: dy, x: x, shape: shape, into: &gradients)
        return inputGradient(dy: dy, shape: shape)
    }

    /// Adds ∂L/∂W and ∂L/∂b to `gradients`; all the first layer needs, whose input is data.
    public func accumulateParameterGradients(dy: [Float], x: [Float], shape: TensorShape, into gradients: inout Gradients) {
        precondition(shape.c == inChannels && x.count == shape.count, "x must be [N, C_in, H, W]")
        let outShape = outputShape(for: shape)
        precondition(dy.count == outShape.count, "dy must be [N, C_out, H, W]")
        let width = shape.n * shape.spatial, depth = inChannels * 9
        let columns = Im2Col.columns(x, shape: shape)  // [C_in·9, N·H·W]
        let dyRows = Im2Col.channelMajor(dy, shape: outShape)  // [C_out, N·H·W]
        gradients.weight.withUnsafeMutableBufferPointer { dw in
            dyRows.withUnsafeBufferPointer { g in
                columns.withUnsafeBufferPointer { cb in
                    SGEMM.multiply(
                        dw.baseAddress!, ldc: depth,
                        g.baseAddress!, lda: width, transposeA: false,
                        cb.baseAddress!, ldb: width, transposeB: true,
                        m: outChannels, n: depth, k: width, accumulate: true)
                }
            }
        }
        if gradients.bias != nil {
            dyRows.withUnsafeBufferPointer { g in
                for c in 0..<outChannels {
                    gradients.bias![c] += Float(Reduce.sum(g.baseAddress! + c * width, width))
                }
            }
        }
    }

    /// ∂L/∂x `[N, C_in, H, W]` from ∂L/∂y `[N, C_out, H, W]`; `shape` is the input's.
    public func inputGradient(dy: [Float], shape: TensorShape) -> [Float] {
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
        let columns = Im2Col.columns(dy, shape: outShape)  // [C_out·9, N·H·W]
        let product = multiply(flipped, rows: inChannels, columns, depth: outChannels * 9, width: shape.n * shape.spatial)
        return Im2Col.batchMajor(product, shape: shape, bias: nil)
    }
}

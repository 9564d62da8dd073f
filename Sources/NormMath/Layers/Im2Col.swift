/// The layout changes that turn a 3×3 convolution into one matrix multiplication.
///
/// `im2col` writes, for every output position, the 3×3 neighbourhood of every input channel into
/// one column, so that a convolution becomes `W[C_out, C_in·9] · columns[C_in·9, N·H·W]`; the
/// product comes out *channel-major*, `[C, N·H·W]`, and is turned back into NCHW.
enum Im2Col {
    /// columns[C·9, N·H·W] from x[N, C, H, W] with zero ("same") padding of one pixel. Row
    /// `(c·3 + ky)·3 + kx`, column `(n·H + i)·W + j` holds `x[n, c, i + ky − 1, j + kx − 1]`.
    static func columns(_ x: [Float], shape: TensorShape) -> [Float] {
        let (n, c, h, w) = (shape.n, shape.c, shape.h, shape.w)
        let hw = h * w, width = n * hw
        return [Float](unsafeUninitializedCapacity: c * 9 * width) { buffer, initialized in
            x.withUnsafeBufferPointer { xb in
                let xp = xb.baseAddress!, out = buffer.baseAddress!
                for channel in 0..<c {
                    for ky in 0..<3 {
                        for kx in 0..<3 {
                            let row = out + ((channel * 3 + ky) * 3 + kx) * width
                            let dx = kx - 1
                            // Output columns j whose source column j + dx lies inside the image.
                            let first = max(0, -dx), last = min(w, w - dx)
                            for sample in 0..<n {
                                let plane = xp + (sample * c + channel) * hw
                                for i in 0..<h {
                                    let target = row + sample * hw + i * w
                                    let sourceRow = i + ky - 1
                                    // Plain loops: rows are short (8 or 16), too short for memcpy calls.
                                    guard sourceRow >= 0, sourceRow < h, first < last else {
                                        for j in 0..<w { target[j] = 0 }
                                        continue
                                    }
                                    let source = plane + sourceRow * w + dx
                                    for j in 0..<first { target[j] = 0 }
                                    for j in first..<last { target[j] = source[j] }
                                    for j in last..<w { target[j] = 0 }
                                }
                            }
                        }
                    }
                }
            }
            initialized = c * 9 * width
        }
    }

    /// x[N, C, H, W] → [C, N·H·W].
    static func channelMajor(_ x: [Float], shape: TensorShape) -> [Float] {
        let hw = shape.spatial, width = shape.n * hw
        return [Float](unsafeUninitializedCapacity: x.count) { buffer, initialized in
            x.withUnsafeBufferPointer { xb in
                for sample in 0..<shape.n {
                    for channel in 0..<shape.c {
                        (buffer.baseAddress! + channel * width + sample * hw)
                            .update(from: xb.baseAddress! + (sample * shape.c + channel) * hw, count: hw)
                    }
                }
            }
            initialized = x.count
        }
    }

    /// [C, N·H·W] → y[N, C, H, W], adding `bias[c]` to channel c when given.
    static func batchMajor(_ m: [Float], shape: TensorShape, bias: [Float]?) -> [Float] {
        let hw = shape.spatial, width = shape.n * hw
        return [Float](unsafeUninitializedCapacity: m.count) { buffer, initialized in
            m.withUnsafeBufferPointer { mb in
                for sample in 0..<shape.n {
                    for channel in 0..<shape.c {
                        let target = buffer.baseAddress! + (sample * shape.c + channel) * hw
                        let source = mb.baseAddress! + channel * width + sample * hw
                        if let bias {
                            let b = bias[channel]
                            for i in 0..<hw { target[i] = source[i] + b }
                        } else {
                            target.update(from: source, count: hw)
                        }
                    }
                }
            }
            initialized = m.count
        }
    }
}

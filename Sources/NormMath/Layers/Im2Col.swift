/// The layout change that turns a 3×3 convolution into one matrix multiplication per sample.
///
/// `im2col` writes, for every output position of one sample, the 3×3 neighbourhood of every
/// input channel into one column, so that the convolution becomes
/// `y[C_out, H·W] = W[C_out, C_in·9] · columns[C_in·9, H·W]` — and y comes out in NCHW order.
/// One sample at a time keeps the columns (9× the sample) small enough for the L2 cache and
/// for a buffer that is reused rather than allocated fresh for the whole batch.
enum Im2Col {
    /// columns[C·9, H·W] of one sample x[C, H, W], with zero ("same") padding of one pixel.
    /// Row `(c·3 + ky)·3 + kx`, column `i·W + j` holds `x[c, i + ky − 1, j + kx − 1]`.
    static func columns(
        _ x: UnsafePointer<Float>, channels c: Int, height h: Int, width w: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        let hw = h * w
        for channel in 0..<c {
            let plane = x + channel * hw
            for ky in 0..<3 {
                for kx in 0..<3 {
                    let row = out + ((channel * 3 + ky) * 3 + kx) * hw
                    let (dy, dx) = (ky - 1, kx - 1)
                    // Column t = i·W + j reads the plane at t + offset: the row is the plane
                    // shifted, copied in one piece (short rows one by one would cost a memmove
                    // call each). Rows whose source lies above or below the image are zero …
                    let offset = dy * w + dx
                    let start = max(0, -dy) * w, end = min(h, h - dy) * w
                    row.update(repeating: 0, count: start)
                    (row + end).update(repeating: 0, count: hw - end)
                    let low = max(start, -offset), high = min(end, hw - offset)
                    if high > low { (row + low).update(from: plane + low + offset, count: high - low) }
                    if low > start { row[start] = 0 }
                    if high < end { row[end - 1] = 0 }
                    // … and so is the column that a shift by one pixel wraps around.
                    if dx != 0 {
                        let edge = dx < 0 ? 0 : w - 1
                        for i in stride(from: start, to: end, by: w) { row[i + edge] = 0 }
                    }
                }
            }
        }
    }
}

/// A scratch buffer of Floats for the duration of a closure: one sample's columns, reused for
/// every sample of a batch.
@inline(__always)
func withScratch<R>(count: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    defer { buffer.deallocate() }
    return body(buffer)
}

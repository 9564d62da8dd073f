/// A 3×3 convolution's input, laid out so that the SGEMM can read the unrolled ("im2col")
/// matrix in place instead of having it written out.
///
/// The unrolled matrix of one sample x[C, H, W] has a row per channel and kernel tap,
/// `(c·3 + ky)·3 + kx`, and a column per output position `t = i·W + j`, holding
/// `x[c, i + ky − 1, j + kx − 1]` or 0 outside the image (Chellapilla et al. 2006). Written
/// out it is nine times the sample. But each row is the channel's plane shifted by
/// `(ky − 1)·W + (kx − 1)`, read as one flat run of H·W values — correct wherever the shift
/// stays inside the image, and wrong only where it leaves it:
/// - above and below the image: so each plane copy has a zero row above and below, and a zero
///   Float before and after;
/// - across the left and right edges, where a run wraps into the neighbouring row: a shift
///   left (kx = 0) reads column −1 as the previous row's column W − 1, a shift right (kx = 2)
///   reads column W as the next row's column 0. So each channel has three copies: one with
///   column W − 1 zeroed (for kx = 0), the plain one (kx = 1), and one with column 0 zeroed
///   (kx = 2).
///
/// Three copies of the sample instead of nine; the rows are addresses in a table
/// (``SGEMM/multiply(_:ldc:_:lda:transposeA:bRows:transposeB:m:n:k:accumulate:)``). Every
/// value the SGEMM reads is the value im2col would have written, in the same order, so the
/// results are the same bits.
struct ShiftedPlanes {
    let channels: Int
    let height: Int
    let width: Int

    /// Floats per plane copy: a zero row above and below the image, one zero before and after.
    var copyLength: Int { (height + 2) * width + 2 }
    /// Floats of the whole buffer: three copies per channel.
    var count: Int { channels * 3 * copyLength }
    /// Rows of the unrolled matrix: one per channel and tap.
    var rowCount: Int { channels * 9 }

    /// Zeroes `buffer` (`count` Floats) — the padding stays zero for every sample — and
    /// writes the address of every unrolled row into `rows` (`rowCount` entries).
    func prepare(_ buffer: UnsafeMutablePointer<Float>, rows: UnsafeMutablePointer<UnsafePointer<Float>>) {
        buffer.update(repeating: 0, count: count)
        for channel in 0..<channels {
            for ky in 0..<3 {
                for kx in 0..<3 {
                    let copy = buffer + (channel * 3 + kx) * copyLength
                    rows[(channel * 3 + ky) * 3 + kx] = UnsafePointer(copy + 1 + ky * width + kx - 1)
                }
            }
        }
    }

    /// Copies one sample `x[C, H, W]` into the copies of a prepared `buffer`.
    func fill(_ x: UnsafePointer<Float>, into buffer: UnsafeMutablePointer<Float>) {
        let hw = height * width
        for channel in 0..<channels {
            let plane = x + channel * hw
            for kx in 0..<3 {
                let image = buffer + (channel * 3 + kx) * copyLength + 1 + width
                image.update(from: plane, count: hw)
                // The column a shift by one pixel wraps into reads zero.
                guard kx != 1 else { continue }
                let edge = kx == 0 ? width - 1 : 0
                for row in 0..<height { image[row * width + edge] = 0 }
            }
        }
    }

    /// Calls `body` with a prepared buffer and its row table, for the samples one thread takes.
    func withBuffer<R>(_ body: (UnsafeMutablePointer<Float>, UnsafePointer<UnsafePointer<Float>>) -> R) -> R {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let rows = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: rowCount)
        defer {
            buffer.deallocate()
            rows.deallocate()
        }
        prepare(buffer, rows: rows)
        return body(buffer, rows)
    }
}

import Testing
@testable import NormMath

/// The convolution's unrolled input read from shifted copies: every row the table points to
/// holds exactly what im2col writes, and the SGEMM over the table gives the bits it gives over
/// the written-out matrix.
struct ShiftedPlanesTests {
    /// im2col by its definition: row (c·3 + ky)·3 + kx, column i·W + j holds
    /// x[c, i + ky − 1, j + kx − 1], or 0 outside the image.
    static func unrolled(_ x: [Float], channels: Int, height: Int, width: Int) -> [Float] {
        let hw = height * width
        var columns = [Float](repeating: 0, count: channels * 9 * hw)
        for c in 0..<channels {
            for ky in 0..<3 {
                for kx in 0..<3 {
                    for i in 0..<height {
                        for j in 0..<width {
                            let (y, z) = (i + ky - 1, j + kx - 1)
                            guard (0..<height).contains(y), (0..<width).contains(z) else { continue }
                            columns[((c * 3 + ky) * 3 + kx) * hw + i * width + j] = x[(c * height + y) * width + z]
                        }
                    }
                }
            }
        }
        return columns
    }

    static let shapes = [(1, 1, 1), (2, 1, 5), (3, 4, 1), (2, 3, 3), (5, 8, 8), (3, 7, 16)]

    @Test(arguments: shapes)
    func everyRowIsImToColsRow(shape: (Int, Int, Int)) {
        let (channels, height, width) = shape
        var generator = SeededGenerator(seed: UInt64(channels * 100 + height * 10 + width))
        let planes = ShiftedPlanes(channels: channels, height: height, width: width)
        let hw = height * width
        // Two samples through one buffer: the second must not see anything of the first.
        for _ in 0..<2 {
            // Values from 1 up, so that a zero read by mistake cannot pass for a padded zero.
            let x = (0..<channels * hw).map { _ in 1 + generator.nextUniform() }
            let expected = Self.unrolled(x, channels: channels, height: height, width: width)
            planes.withBuffer { buffer, rows in
                x.withUnsafeBufferPointer { planes.fill($0.baseAddress!, into: buffer) }
                for row in 0..<planes.rowCount {
                    let read = (0..<hw).map { rows[row][$0] }
                    #expect(read == Array(expected[row * hw..<(row + 1) * hw]), "\(shape), row \(row)")
                }
            }
        }
    }

    /// The convolution's two products — W·unrolled(x) and dy·unrolled(x)ᵀ — over the table and
    /// over the written-out matrix, bit for bit.
    @Test(arguments: shapes)
    func theProductsAreTheSameBits(shape: (Int, Int, Int)) {
        let (channels, height, width) = shape
        var generator = SeededGenerator(seed: UInt64(channels * 7 + height * 3 + width))
        let hw = height * width, depth = channels * 9, outChannels = 11
        let x = (0..<channels * hw).map { _ in generator.nextNormal() }
        let weight = (0..<outChannels * depth).map { _ in generator.nextNormal() }
        let dy = (0..<outChannels * hw).map { _ in generator.nextNormal() }
        let columns = Self.unrolled(x, channels: channels, height: height, width: width)
        let planes = ShiftedPlanes(channels: channels, height: height, width: width)
        var written = [Float](repeating: 0, count: outChannels * hw), tabled = written
        var writtenGradient = [Float](repeating: 0, count: outChannels * depth), tabledGradient = writtenGradient
        planes.withBuffer { buffer, rows in
            x.withUnsafeBufferPointer { planes.fill($0.baseAddress!, into: buffer) }
            weight.withUnsafeBufferPointer { w in
                columns.withUnsafeBufferPointer { b in
                    SGEMM.multiply(&written, ldc: hw, w.baseAddress!, lda: depth, transposeA: false,
                                   b.baseAddress!, ldb: hw, transposeB: false, m: outChannels, n: hw, k: depth, accumulate: false)
                }
                SGEMM.multiply(&tabled, ldc: hw, w.baseAddress!, lda: depth, transposeA: false,
                               bRows: rows, transposeB: false, m: outChannels, n: hw, k: depth, accumulate: false)
            }
            dy.withUnsafeBufferPointer { g in
                columns.withUnsafeBufferPointer { b in
                    SGEMM.multiply(&writtenGradient, ldc: depth, g.baseAddress!, lda: hw, transposeA: false,
                                   b.baseAddress!, ldb: hw, transposeB: true, m: outChannels, n: depth, k: hw, accumulate: false)
                }
                SGEMM.multiply(&tabledGradient, ldc: depth, g.baseAddress!, lda: hw, transposeA: false,
                               bRows: rows, transposeB: true, m: outChannels, n: depth, k: hw, accumulate: false)
            }
        }
        #expect(tabled.map(\.bitPattern) == written.map(\.bitPattern), "\(shape)")
        #expect(tabledGradient.map(\.bitPattern) == writtenGradient.map(\.bitPattern), "\(shape)")
    }
}

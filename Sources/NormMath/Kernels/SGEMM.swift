/// Single-precision matrix multiplication, `C = op(A)·op(B)` or `C += op(A)·op(B)`, the one
/// kernel behind convolution (through im2col) and the linear layer.
///
/// All matrices are row-major with a leading dimension (the distance between rows), as in
/// BLAS. `op(X)` is X or its transpose. The loop structure follows BLIS (Van Zee & van de
/// Geijn 2015): blocks of B (KC×NC) and A (MC×KC) are packed into contiguous panels so that a
/// 4×NR *microkernel* can stream them with SIMD loads and keep its 4×NR block of C in registers
/// for the whole KC loop. The summation order depends only on the sizes, so results are
/// reproducible bit for bit.
public enum SGEMM {
    /// Rows of C per microkernel call.
    static let mr = 4
    #if AVX512
    /// Columns of C per microkernel call: two `SIMD16<Float>`, so that 4 rows make 8
    /// independent accumulators; with 4 the adds waited on each other's latency. AVX-512's 32
    /// registers hold them; AVX2's 16 (of half the width) would spill.
    static let nr = 32
    #else
    /// Columns of C per microkernel call: one `SIMD16<Float>`.
    static let nr = 16
    #endif
    /// Depth of a packed block: a KC×NR panel of B (at most 40 KiB) stays in the L1 cache. 320 keeps
    /// a 3×3 convolution over 32 channels (K = 288) in one block.
    static let kc = 320
    /// Rows of A per packed block (MC×KC, 80 KiB, stays in L2).
    static let mc = 64
    /// Columns of B per packed block (KC×NC, 120 KiB at most): small enough to stay in L2, and
    /// below malloc's 128 KiB threshold for fresh, page-faulting memory.
    static let nc = 96

    /// The longest rows (in Floats) of an untransposed B that is read without packing.
    static let directRowLimit = 512

    typealias Row = SIMD16<Float>

    /// `C[M×N] (+)= op(A)[M×K] · op(B)[K×N]`.
    /// - Parameters:
    ///   - c: C, row-major, `ldc ≥ n`.
    ///   - ldc: the distance in Floats between C's rows.
    ///   - a: A, stored `[M, K]` (`lda ≥ k`) or, when `transposeA`, `[K, M]` (`lda ≥ m`).
    ///   - lda: the distance in Floats between A's stored rows.
    ///   - transposeA: whether A is stored transposed.
    ///   - b: B, stored `[K, N]` (`ldb ≥ n`) or, when `transposeB`, `[N, K]` (`ldb ≥ k`).
    ///   - ldb: the distance in Floats between B's stored rows.
    ///   - transposeB: whether B is stored transposed.
    ///   - m: M, the rows of C.
    ///   - n: N, the columns of C.
    ///   - k: K, the length of the sums.
    ///   - accumulate: add to C instead of overwriting it.
    /// - Precondition: C does not overlap A or B.
    public static func multiply(
        _ c: UnsafeMutablePointer<Float>, ldc: Int,
        _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        m: Int, n: Int, k: Int, accumulate: Bool
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "matrix sizes must not be negative")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate {
                for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
            }
            return
        }
        // Equal depth blocks: k = 288 becomes 2×144 rather than 256 + 32.
        let depthBlocks = (k + kc - 1) / kc
        let blockDepth = (k + depthBlocks - 1) / depthBlocks
        let packedA = UnsafeMutablePointer<Float>.allocate(capacity: mc * blockDepth)
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: blockDepth * roundUp(min(nc, n), nr))
        let tile = UnsafeMutablePointer<Float>.allocate(capacity: mr * nr)
        defer {
            packedA.deallocate()
            packedB.deallocate()
            tile.deallocate()
        }
        for jc in stride(from: 0, to: n, by: nc) {
            let ncb = min(nc, n - jc)
            for pc in stride(from: 0, to: k, by: blockDepth) {
                let kcb = min(blockDepth, k - pc)
                let add = accumulate || pc > 0
                // Whole NR-column panels of an untransposed B with short rows are read in place,
                // a row of 64 or 128 bytes per step; the rest is packed. Rows a power of two of KiB
                // apart would all fall into the same cache sets, so long rows are packed too.
                let direct = transposeB || ldb > directRowLimit ? 0 : ncb / nr * nr
                packB(b, ldb: ldb, transposed: transposeB, row: pc, column: jc + direct, depth: kcb, width: ncb - direct, into: packedB)
                func panelB(_ jr: Int) -> UnsafePointer<Float> {
                    jr < direct ? b + pc * ldb + jc + jr : UnsafePointer(packedB + (jr - direct) * kcb)
                }
                func panelStride(_ jr: Int) -> Int { jr < direct ? ldb : nr }
                for ic in stride(from: 0, to: m, by: mc) {
                    let mcb = min(mc, m - ic)
                    packA(a, lda: lda, transposed: transposeA, row: ic, column: pc, height: mcb, depth: kcb, into: packedA)
                    for jr in stride(from: 0, to: ncb, by: nr) {
                        let width = min(nr, ncb - jr)
                        for ir in stride(from: 0, to: mcb, by: mr) {
                            let height = min(mr, mcb - ir)
                            let target = c + (ic + ir) * ldc + jc + jr
                            if height == mr && width == nr {
                                microkernel(kcb, packedA + ir * kcb, panelB(jr), panelStride(jr), target, ldc: ldc, add: add)
                            } else {
                                microkernel(kcb, packedA + ir * kcb, panelB(jr), panelStride(jr), tile, ldc: nr, add: false)
                                for r in 0..<height {
                                    let row = target + r * ldc, source = tile + r * nr
                                    for j in 0..<width { row[j] = add ? row[j] + source[j] : source[j] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #if AVX512
    /// `C[4×32] (+)= Ã·B̃` over `depth` steps, Ã a packed `[depth, 4]` panel, B̃ `[depth, 32]`
    /// with rows `bStride` apart. Every element of C adds its products in the order of p,
    /// whatever the tile shape, so the bits do not depend on it.
    @inline(__always)
    static func microkernel(
        _ depth: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ bStride: Int,
        _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool
    ) {
        var c00 = Row.zero, c01 = Row.zero, c10 = Row.zero, c11 = Row.zero
        var c20 = Row.zero, c21 = Row.zero, c30 = Row.zero, c31 = Row.zero
        let half = Row.scalarCount
        var pa = a, pb = b
        for _ in 0..<depth {
            let left = UnsafeRawPointer(pb).loadUnaligned(as: Row.self)
            let right = UnsafeRawPointer(pb + half).loadUnaligned(as: Row.self)
            let a0 = Row(repeating: pa[0]), a1 = Row(repeating: pa[1])
            let a2 = Row(repeating: pa[2]), a3 = Row(repeating: pa[3])
            c00 += a0 * left
            c01 += a0 * right
            c10 += a1 * left
            c11 += a1 * right
            c20 += a2 * left
            c21 += a2 * right
            c30 += a3 * left
            c31 += a3 * right
            pa += mr
            pb += bStride
        }
        store(c00, c, add: add)
        store(c01, c + half, add: add)
        store(c10, c + ldc, add: add)
        store(c11, c + ldc + half, add: add)
        store(c20, c + 2 * ldc, add: add)
        store(c21, c + 2 * ldc + half, add: add)
        store(c30, c + 3 * ldc, add: add)
        store(c31, c + 3 * ldc + half, add: add)
    }
    #else
    /// `C[4×16] (+)= Ã·B̃` over `depth` steps, Ã a packed `[depth, 4]` panel, B̃ `[depth, 16]`
    /// with rows `bStride` apart.
    @inline(__always)
    static func microkernel(
        _ depth: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ bStride: Int,
        _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool
    ) {
        var c0 = Row.zero, c1 = Row.zero, c2 = Row.zero, c3 = Row.zero
        var pa = a, pb = b
        for _ in 0..<depth {
            let row = UnsafeRawPointer(pb).loadUnaligned(as: Row.self)
            c0 += Row(repeating: pa[0]) * row
            c1 += Row(repeating: pa[1]) * row
            c2 += Row(repeating: pa[2]) * row
            c3 += Row(repeating: pa[3]) * row
            pa += mr
            pb += bStride
        }
        store(c0, c, add: add)
        store(c1, c + ldc, add: add)
        store(c2, c + 2 * ldc, add: add)
        store(c3, c + 3 * ldc, add: add)
    }
    #endif

    @inline(__always)
    static func store(_ value: Row, _ c: UnsafeMutablePointer<Float>, add: Bool) {
        let p = UnsafeMutableRawPointer(c)
        p.storeBytes(of: add ? p.loadUnaligned(as: Row.self) + value : value, as: Row.self)
    }

    /// Packs op(A)[row..<row+height, column..<column+depth] into panels of 4 rows, each stored
    /// `[depth, 4]`; rows past the end are zero.
    static func packA(
        _ a: UnsafePointer<Float>, lda: Int, transposed: Bool,
        row: Int, column: Int, height: Int, depth: Int, into packed: UnsafeMutablePointer<Float>
    ) {
        for ir in stride(from: 0, to: height, by: mr) {
            let panel = packed + ir * depth
            let rows = min(mr, height - ir)
            if rows < mr { panel.update(repeating: 0, count: mr * depth) }
            if transposed {
                // op(A)[i, p] = a[p, i]: the panel's 4 values per p are contiguous.
                for p in 0..<depth {
                    (panel + p * mr).update(from: a + (column + p) * lda + row + ir, count: rows)
                }
            } else if rows == mr {
                packFourRows(a + (row + ir) * lda + column, lda: lda, depth: depth, into: panel)
            } else {
                for r in 0..<rows {
                    let source = a + (row + ir + r) * lda + column
                    for p in 0..<depth { panel[p * mr + r] = source[p] }
                }
            }
        }
    }

    /// `panel[p·4 + r] = a[r·lda + p]` for 4 rows: a 4×depth block transposed, four columns at
    /// a time with SIMD loads and one 64-byte store (a scalar loop would store 4 bytes at a time).
    @inline(__always)
    static func packFourRows(_ a: UnsafePointer<Float>, lda: Int, depth: Int, into panel: UnsafeMutablePointer<Float>) {
        typealias Quad = SIMD4<Float>
        var p = 0
        while p + 4 <= depth {
            let r0 = UnsafeRawPointer(a + p).loadUnaligned(as: Quad.self)
            let r1 = UnsafeRawPointer(a + lda + p).loadUnaligned(as: Quad.self)
            let r2 = UnsafeRawPointer(a + 2 * lda + p).loadUnaligned(as: Quad.self)
            let r3 = UnsafeRawPointer(a + 3 * lda + p).loadUnaligned(as: Quad.self)
            let block = SIMD16<Float>(
                r0[0], r1[0], r2[0], r3[0], r0[1], r1[1], r2[1], r3[1],
                r0[2], r1[2], r2[2], r3[2], r0[3], r1[3], r2[3], r3[3])
            UnsafeMutableRawPointer(panel + p * mr).storeBytes(of: block, as: SIMD16<Float>.self)
            p += 4
        }
        while p < depth {
            for r in 0..<mr { panel[p * mr + r] = a[r * lda + p] }
            p += 1
        }
    }

    /// Packs op(B)[row..<row+depth, column..<column+width] into panels of NR columns, each
    /// stored `[depth, NR]`; columns past the end are zero.
    static func packB(
        _ b: UnsafePointer<Float>, ldb: Int, transposed: Bool,
        row: Int, column: Int, depth: Int, width: Int, into packed: UnsafeMutablePointer<Float>
    ) {
        for jr in stride(from: 0, to: width, by: nr) {
            let panel = packed + jr * depth
            let columns = min(nr, width - jr)
            if columns < nr { panel.update(repeating: 0, count: nr * depth) }
            if transposed {
                // op(B)[p, j] = b[j, p]: NR stored rows become the panel's columns, NR/4
                // 4×4 blocks at a time.
                let source = b + (column + jr) * ldb + row
                var p = 0
                if columns == nr {
                    typealias Quad = SIMD4<Float>
                    while p + 4 <= depth {
                        for quarter in 0..<nr / 4 {
                            let rows = source + quarter * 4 * ldb + p
                            let r0 = UnsafeRawPointer(rows).loadUnaligned(as: Quad.self)
                            let r1 = UnsafeRawPointer(rows + ldb).loadUnaligned(as: Quad.self)
                            let r2 = UnsafeRawPointer(rows + 2 * ldb).loadUnaligned(as: Quad.self)
                            let r3 = UnsafeRawPointer(rows + 3 * ldb).loadUnaligned(as: Quad.self)
                            let target = UnsafeMutableRawPointer(panel + p * nr + quarter * 4)
                            let stride = nr * MemoryLayout<Float>.stride
                            target.storeBytes(of: Quad(r0[0], r1[0], r2[0], r3[0]), as: Quad.self)
                            (target + stride).storeBytes(of: Quad(r0[1], r1[1], r2[1], r3[1]), as: Quad.self)
                            (target + 2 * stride).storeBytes(of: Quad(r0[2], r1[2], r2[2], r3[2]), as: Quad.self)
                            (target + 3 * stride).storeBytes(of: Quad(r0[3], r1[3], r2[3], r3[3]), as: Quad.self)
                        }
                        p += 4
                    }
                }
                for j in 0..<columns {
                    for q in p..<depth { panel[q * nr + j] = source[j * ldb + q] }
                }
            } else {
                for p in 0..<depth {
                    (panel + p * nr).update(from: b + (row + p) * ldb + column + jr, count: columns)
                }
            }
        }
    }

    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}

/// Single-precision matrix multiplication, `C = op(A)·op(B)` or `C += op(A)·op(B)`, the one
/// kernel behind convolution (over its unrolled input, read in place from shifted copies of
/// the sample: `ShiftedPlanes`) and the linear layer.
///
/// All matrices are row-major with a leading dimension (the distance between rows), as in
/// BLAS. `op(X)` is X or its transpose. The loop structure follows BLIS (Van Zee & van de
/// Geijn 2015): blocks of B (KC×NC) and A (MC×KC) are packed into contiguous panels so that a
/// 4×NR *microkernel* can stream them with SIMD loads and keep its 4×NR block of C in registers
/// for the whole KC loop. The summation order depends only on the sizes, so results are
/// reproducible bit for bit.
///
/// **Fused multiply-add.** The microkernel accumulates with `addingProduct`, IEEE 754's
/// fusedMultiplyAdd: `c + a·b` rounded once, exactly. Its result is defined to the bit, so
/// every build with FMA instructions computes the same bits — x86-64-v3 and x86-64-v4
/// (vfmadd231ps on ymm or zmm registers, 4×16 or 8×32 tiles) and arm64 (fmla). Every element
/// of C is `fma(a[i,p], b[p,j], acc)` over p in order, from acc = 0 for each depth block, and
/// the block's sum is added to C (or stored) with one rounded add; `SGEMMTests` checks the
/// kernel against that scalar rule bit for bit. The separate multiply and add it replaces
/// rounded twice and put two instructions on each accumulator's critical path.
///
/// A plain x86-64 build (`NORMTUI_MARCH=`, SSE2 only) has no FMA instruction: there LLVM calls
/// libm's `fmaf` for every lane — the same bits, but the SGEMM ran 60× slower (measured). So
/// that build keeps the separate multiply and add (`fusesMultiplyAdd` is false): its results
/// are reproducible among such builds, and differ from the FMA builds' in the last bits.
public enum SGEMM {
    #if AVX512
    /// Rows of C per microkernel call: 8 rows × 2 vectors are 16 accumulators of AVX-512's 32
    /// registers. Per step of p the kernel loads 2 vectors of B and broadcasts 8 values of A
    /// for 16 fused multiply-adds; with 4 rows it was 2 + 4 for 8, and every B panel was read
    /// from the L2 cache twice as often.
    static let mr = 8
    /// Columns of C per microkernel call: two `SIMD16<Float>`. AVX2's 16 registers (of half the
    /// width) could not hold such a block, so other levels keep 4×16.
    static let nr = 32
    #else
    /// Rows of C per microkernel call.
    static let mr = 4
    /// Columns of C per microkernel call: one `SIMD16<Float>`.
    static let nr = 16
    #endif
    /// Depth of a packed block: a KC×NR panel of B (at most 40 KiB) stays in the L1 cache. 320 keeps
    /// a 3×3 convolution over 32 channels (K = 288) in one block.
    static let kc = 320
    /// Rows of A per packed block (MC×KC, 80 KiB, stays in L2).
    static let mc = 64
    /// Columns of B per block (KC×NC, packed only where B is transposed or has long rows: at
    /// most 320 KiB, in L2). A is packed again for every block of NC columns, so NC covers a
    /// whole 16×16 plane: with 96 a convolution's weights were packed three times per sample,
    /// which cost 15–20% of the multiplication (measured on the convolution's shapes).
    static let nc = 256

    #if arch(x86_64) && !NORMMATH_X86_64_V3 && !NORMMATH_X86_64_V4
    /// Whether the microkernel fuses its multiply-adds (see the type's documentation): not on
    /// an x86-64 build below x86-64-v3, which has no FMA instruction.
    static let fusesMultiplyAdd = false
    #else
    /// Whether the microkernel fuses its multiply-adds (see the type's documentation).
    static let fusesMultiplyAdd = true
    #endif

    /// `c + a·b`, fused (rounded once) where `fusesMultiplyAdd`, else rounded after the
    /// product and after the sum.
    @inline(__always)
    static func multiplyAdd(_ c: Row, _ a: Row, _ b: Row) -> Row {
        #if arch(x86_64) && !NORMMATH_X86_64_V3 && !NORMMATH_X86_64_V4
        c + a * b
        #else
        c.addingProduct(a, b)
        #endif
    }

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
        // An untransposed B with short rows is read in place but for its last, partial panel.
        // Rows a power of two of KiB apart would all fall into the same cache sets, so long
        // rows are packed too.
        multiply(
            c, ldc: ldc, a, lda: lda, transposeA: transposeA,
            EvenlySpacedRows(base: b, stride: ldb), transposeB: transposeB, readsBInPlace: !transposeB && ldb <= directRowLimit,
            m: m, n: n, k: k, accumulate: accumulate)
    }

    /// `C[M×N] (+)= op(A)[M×K] · op(B)[K×N]` with B's stored rows at the addresses in
    /// `bRows` (K of them, or N when `transposeB`): a convolution's shifted input planes
    /// (``ShiftedPlanes``). An untransposed B is read in place. Otherwise as
    /// ``multiply(_:ldc:_:lda:transposeA:_:ldb:transposeB:m:n:k:accumulate:)``, with the same
    /// bits for the same values.
    static func multiply(
        _ c: UnsafeMutablePointer<Float>, ldc: Int,
        _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        bRows: UnsafePointer<UnsafePointer<Float>>, transposeB: Bool,
        m: Int, n: Int, k: Int, accumulate: Bool
    ) {
        multiply(
            c, ldc: ldc, a, lda: lda, transposeA: transposeA,
            TabledRows(table: bRows), transposeB: transposeB, readsBInPlace: !transposeB,
            m: m, n: n, k: k, accumulate: accumulate)
    }

    /// The blocked multiplication, for any way of finding B's rows.
    @inline(__always)
    static func multiply<B: StoredRows>(
        _ c: UnsafeMutablePointer<Float>, ldc: Int,
        _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        _ b: B, transposeB: Bool, readsBInPlace: Bool,
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
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: blockDepth * (readsBInPlace ? nr : roundUp(min(nc, n), nr)))
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
                // Whole NR-column panels of a B read in place are read a row of 64 or 128
                // bytes per step; the rest is packed.
                let direct = readsBInPlace ? ncb / nr * nr : 0
                packB(b, transposed: transposeB, row: pc, column: jc + direct, depth: kcb, width: ncb - direct, into: packedB)
                for ic in stride(from: 0, to: m, by: mc) {
                    let mcb = min(mc, m - ic)
                    packA(a, lda: lda, transposed: transposeA, row: ic, column: pc, height: mcb, depth: kcb, into: packedA)
                    for jr in stride(from: 0, to: ncb, by: nr) {
                        let width = min(nr, ncb - jr)
                        for ir in stride(from: 0, to: mcb, by: mr) {
                            let height = min(mr, mcb - ir)
                            let target = c + (ic + ir) * ldc + jc + jr
                            if jr < direct {
                                block(kcb, packedA + ir * kcb, b.panel(firstRow: pc, column: jc + jr), target, ldc: ldc, add: add,
                                      height: height, width: width, tile: tile)
                            } else {
                                let panel = EvenlySpacedRows(base: packedB + (jr - direct) * kcb, stride: nr)
                                block(kcb, packedA + ir * kcb, panel, target, ldc: ldc, add: add, height: height, width: width, tile: tile)
                            }
                        }
                    }
                }
            }
        }
    }

    /// One MR×NR block of C: straight into C when whole, else through `tile`.
    @inline(__always)
    static func block<P: PanelRows>(
        _ depth: Int, _ a: UnsafePointer<Float>, _ b: P, _ target: UnsafeMutablePointer<Float>, ldc: Int, add: Bool,
        height: Int, width: Int, tile: UnsafeMutablePointer<Float>
    ) {
        if height == mr && width == nr {
            microkernel(depth, a, b, target, ldc: ldc, add: add)
        } else {
            microkernel(depth, a, b, tile, ldc: nr, add: false)
            for r in 0..<height {
                let row = target + r * ldc, source = tile + r * nr
                for j in 0..<width { row[j] = add ? row[j] + source[j] : source[j] }
            }
        }
    }

    #if AVX512
    /// `C[8×32] (+)= Ã·B̃` over `depth` steps, Ã a packed `[depth, 8]` panel, B̃ `[depth, 32]`
    /// with its rows where `b` says. Every element of C adds its products in the order of p,
    /// whatever the tile shape, so the bits do not depend on it.
    @inline(__always)
    static func microkernel<P: PanelRows>(
        _ depth: Int, _ a: UnsafePointer<Float>, _ b: P, _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool
    ) {
        var c00 = Row.zero, c01 = Row.zero, c10 = Row.zero, c11 = Row.zero
        var c20 = Row.zero, c21 = Row.zero, c30 = Row.zero, c31 = Row.zero
        var c40 = Row.zero, c41 = Row.zero, c50 = Row.zero, c51 = Row.zero
        var c60 = Row.zero, c61 = Row.zero, c70 = Row.zero, c71 = Row.zero
        let half = Row.scalarCount
        var pa = a
        for p in 0..<depth {
            let pb = b.row(p)
            let left = UnsafeRawPointer(pb).loadUnaligned(as: Row.self)
            let right = UnsafeRawPointer(pb + half).loadUnaligned(as: Row.self)
            let a0 = Row(repeating: pa[0]), a1 = Row(repeating: pa[1])
            c00 = multiplyAdd(c00, a0, left)
            c01 = multiplyAdd(c01, a0, right)
            c10 = multiplyAdd(c10, a1, left)
            c11 = multiplyAdd(c11, a1, right)
            let a2 = Row(repeating: pa[2]), a3 = Row(repeating: pa[3])
            c20 = multiplyAdd(c20, a2, left)
            c21 = multiplyAdd(c21, a2, right)
            c30 = multiplyAdd(c30, a3, left)
            c31 = multiplyAdd(c31, a3, right)
            let a4 = Row(repeating: pa[4]), a5 = Row(repeating: pa[5])
            c40 = multiplyAdd(c40, a4, left)
            c41 = multiplyAdd(c41, a4, right)
            c50 = multiplyAdd(c50, a5, left)
            c51 = multiplyAdd(c51, a5, right)
            let a6 = Row(repeating: pa[6]), a7 = Row(repeating: pa[7])
            c60 = multiplyAdd(c60, a6, left)
            c61 = multiplyAdd(c61, a6, right)
            c70 = multiplyAdd(c70, a7, left)
            c71 = multiplyAdd(c71, a7, right)
            pa += mr
        }
        store(c00, c, add: add)
        store(c01, c + half, add: add)
        store(c10, c + ldc, add: add)
        store(c11, c + ldc + half, add: add)
        store(c20, c + 2 * ldc, add: add)
        store(c21, c + 2 * ldc + half, add: add)
        store(c30, c + 3 * ldc, add: add)
        store(c31, c + 3 * ldc + half, add: add)
        store(c40, c + 4 * ldc, add: add)
        store(c41, c + 4 * ldc + half, add: add)
        store(c50, c + 5 * ldc, add: add)
        store(c51, c + 5 * ldc + half, add: add)
        store(c60, c + 6 * ldc, add: add)
        store(c61, c + 6 * ldc + half, add: add)
        store(c70, c + 7 * ldc, add: add)
        store(c71, c + 7 * ldc + half, add: add)
    }
    #else
    /// `C[4×16] (+)= Ã·B̃` over `depth` steps, Ã a packed `[depth, 4]` panel, B̃ `[depth, 16]`
    /// with its rows where `b` says.
    @inline(__always)
    static func microkernel<P: PanelRows>(
        _ depth: Int, _ a: UnsafePointer<Float>, _ b: P, _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool
    ) {
        var c0 = Row.zero, c1 = Row.zero, c2 = Row.zero, c3 = Row.zero
        var pa = a
        for p in 0..<depth {
            let row = UnsafeRawPointer(b.row(p)).loadUnaligned(as: Row.self)
            c0 = multiplyAdd(c0, Row(repeating: pa[0]), row)
            c1 = multiplyAdd(c1, Row(repeating: pa[1]), row)
            c2 = multiplyAdd(c2, Row(repeating: pa[2]), row)
            c3 = multiplyAdd(c3, Row(repeating: pa[3]), row)
            pa += mr
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
                packRows(a + (row + ir) * lda + column, lda: lda, depth: depth, into: panel)
            } else {
                for r in 0..<rows {
                    let source = a + (row + ir + r) * lda + column
                    for p in 0..<depth { panel[p * mr + r] = source[p] }
                }
            }
        }
    }

    /// `panel[p·MR + r] = a[r·lda + p]` for MR rows: an MR×depth block transposed in 4×4
    /// blocks, four SIMD loads and four 16-byte stores each (a scalar loop would load and
    /// store 4 bytes at a time).
    @inline(__always)
    static func packRows(_ a: UnsafePointer<Float>, lda: Int, depth: Int, into panel: UnsafeMutablePointer<Float>) {
        typealias Quad = SIMD4<Float>
        var p = 0
        while p + 4 <= depth {
            for group in stride(from: 0, to: mr, by: 4) {
                let rows = a + group * lda + p
                let r0 = UnsafeRawPointer(rows).loadUnaligned(as: Quad.self)
                let r1 = UnsafeRawPointer(rows + lda).loadUnaligned(as: Quad.self)
                let r2 = UnsafeRawPointer(rows + 2 * lda).loadUnaligned(as: Quad.self)
                let r3 = UnsafeRawPointer(rows + 3 * lda).loadUnaligned(as: Quad.self)
                let target = panel + p * mr + group
                UnsafeMutableRawPointer(target).storeBytes(of: Quad(r0[0], r1[0], r2[0], r3[0]), as: Quad.self)
                UnsafeMutableRawPointer(target + mr).storeBytes(of: Quad(r0[1], r1[1], r2[1], r3[1]), as: Quad.self)
                UnsafeMutableRawPointer(target + 2 * mr).storeBytes(of: Quad(r0[2], r1[2], r2[2], r3[2]), as: Quad.self)
                UnsafeMutableRawPointer(target + 3 * mr).storeBytes(of: Quad(r0[3], r1[3], r2[3], r3[3]), as: Quad.self)
            }
            p += 4
        }
        while p < depth {
            for r in 0..<mr { panel[p * mr + r] = a[r * lda + p] }
            p += 1
        }
    }

    /// Packs op(B)[row..<row+depth, column..<column+width] into panels of NR columns, each
    /// stored `[depth, NR]`; columns past the end are zero.
    static func packB<B: StoredRows>(
        _ b: B, transposed: Bool,
        row: Int, column: Int, depth: Int, width: Int, into packed: UnsafeMutablePointer<Float>
    ) {
        for jr in stride(from: 0, to: width, by: nr) {
            let panel = packed + jr * depth
            let columns = min(nr, width - jr)
            if columns < nr { panel.update(repeating: 0, count: nr * depth) }
            if transposed {
                // op(B)[p, j] = b[j, p]: NR stored rows become the panel's columns, NR/4
                // 4×4 blocks at a time.
                let first = column + jr
                var p = 0
                if columns == nr {
                    typealias Quad = SIMD4<Float>
                    while p + 4 <= depth {
                        for quarter in 0..<nr / 4 {
                            let j = first + quarter * 4
                            let r0 = UnsafeRawPointer(b.row(j) + row + p).loadUnaligned(as: Quad.self)
                            let r1 = UnsafeRawPointer(b.row(j + 1) + row + p).loadUnaligned(as: Quad.self)
                            let r2 = UnsafeRawPointer(b.row(j + 2) + row + p).loadUnaligned(as: Quad.self)
                            let r3 = UnsafeRawPointer(b.row(j + 3) + row + p).loadUnaligned(as: Quad.self)
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
                    let source = b.row(first + j) + row
                    for q in p..<depth { panel[q * nr + j] = source[q] }
                }
            } else {
                for p in 0..<depth {
                    (panel + p * nr).update(from: b.row(row + p) + column + jr, count: columns)
                }
            }
        }
    }

    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}

import Testing
@testable import NormMath

@Suite("SGEMM")
struct SGEMMTests {
    /// op(A)·op(B) by the definition, in Double.
    func naive(
        _ a: [Float], lda: Int, transposeA: Bool, _ b: [Float], ldb: Int, transposeB: Bool, m: Int, n: Int, k: Int
    ) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let aip = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += Double(aip) * Double(bpj)
                }
                c[i * n + j] = sum
            }
        }
        return c
    }

    func random(_ count: Int, _ generator: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in generator.nextUniform(in: -1, 1) }
    }

    @Test("matches a triple loop on odd sizes, every transpose, with padding in the leading dimensions",
          arguments: [(1, 1, 1), (5, 7, 3), (37, 53, 300), (4, 16, 256), (9, 1030, 21), (66, 17, 513)])
    func matchesNaive(size: (Int, Int, Int)) {
        let (m, n, k) = size
        var generator = SeededGenerator(seed: UInt64(m * 10_000 + n * 100 + k))
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                for accumulate in [false, true] {
                    let lda = (transposeA ? m : k) + 3, ldb = (transposeB ? k : n) + 2, ldc = n + 5
                    let a = random((transposeA ? k : m) * lda, &generator)
                    let b = random((transposeB ? n : k) * ldb, &generator)
                    var c = random(m * ldc, &generator)
                    let before = c
                    a.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            c.withUnsafeMutableBufferPointer { cp in
                                SGEMM.multiply(
                                    cp.baseAddress!, ldc: ldc, ap.baseAddress!, lda: lda, transposeA: transposeA,
                                    bp.baseAddress!, ldb: ldb, transposeB: transposeB, m: m, n: n, k: k, accumulate: accumulate)
                            }
                        }
                    }
                    let expected = naive(a, lda: lda, transposeA: transposeA, b, ldb: ldb, transposeB: transposeB, m: m, n: n, k: k)
                    var worst = 0.0
                    for i in 0..<m {
                        for j in 0..<n {
                            let reference = expected[i * n + j] + (accumulate ? Double(before[i * ldc + j]) : 0)
                            worst = max(worst, abs(Double(c[i * ldc + j]) - reference))
                        }
                        // Padding columns of C stay untouched.
                        for j in n..<ldc { #expect(c[i * ldc + j] == before[i * ldc + j]) }
                    }
                    #expect(worst <= 1e-5 * Double(k).squareRoot() + 1e-6, "m=\(m) n=\(n) k=\(k) tA=\(transposeA) tB=\(transposeB) acc=\(accumulate): \(worst)")
                }
            }
        }
    }

    @Test("k = 0 gives zeros, or leaves C alone when accumulating")
    func emptyDepth() {
        var c: [Float] = [1, 2, 3, 4]
        let a: [Float] = [0], b: [Float] = [0]
        for accumulate in [true, false] {
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        SGEMM.multiply(
                            cp.baseAddress!, ldc: 2, ap.baseAddress!, lda: 1, transposeA: false,
                            bp.baseAddress!, ldb: 2, transposeB: false, m: 2, n: 2, k: 0, accumulate: accumulate)
                    }
                }
            }
            #expect(c == (accumulate ? [1, 2, 3, 4] : [0, 0, 0, 0]))
        }
    }

    /// The rule SGEMM documents, one element at a time in Float: per depth block (the blocks
    /// SGEMM splits K into), `acc = fma(a[i,p], b[p,j], acc)` over p in order from 0, then
    /// `c = c + acc` (or `c = acc` for the first block without accumulate). A plain x86-64
    /// build, without FMA instructions, rounds the product and the sum separately instead.
    func fusedReference(
        _ a: [Float], lda: Int, transposeA: Bool, _ b: [Float], ldb: Int, transposeB: Bool,
        c: [Float], ldc: Int, m: Int, n: Int, k: Int, accumulate: Bool
    ) -> [Float] {
        var c = c
        let depthBlocks = (k + SGEMM.kc - 1) / SGEMM.kc
        let blockDepth = (k + depthBlocks - 1) / depthBlocks
        for i in 0..<m {
            for j in 0..<n {
                for start in stride(from: 0, to: k, by: blockDepth) {
                    var acc: Float = 0
                    for p in start..<min(k, start + blockDepth) {
                        let aip = transposeA ? a[p * lda + i] : a[i * lda + p]
                        let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                        acc = SGEMM.fusesMultiplyAdd ? acc.addingProduct(aip, bpj) : acc + aip * bpj
                    }
                    c[i * ldc + j] = accumulate || start > 0 ? c[i * ldc + j] + acc : acc
                }
            }
        }
        return c
    }

    /// Bit-identity, not closeness: every build with FMA computes exactly this, whatever its
    /// vector width or tile (4×16 on x86-64-v3, 8×32 on v4).
    @Test("equals the scalar fused multiply-add rule bit for bit, every transpose, several depth blocks",
          arguments: [(5, 7, 3), (37, 53, 300), (4, 32, 288), (9, 97, 21), (66, 17, 700), (8, 600, 64)])
    func equalsFusedReference(size: (Int, Int, Int)) {
        let (m, n, k) = size
        var generator = SeededGenerator(seed: UInt64(m * 7_919 + n * 31 + k))
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                for accumulate in [false, true] {
                    let lda = (transposeA ? m : k) + 1, ldb = (transposeB ? k : n) + 3, ldc = n + 2
                    let a = random((transposeA ? k : m) * lda, &generator)
                    let b = random((transposeB ? n : k) * ldb, &generator)
                    var c = random(m * ldc, &generator)
                    let expected = fusedReference(
                        a, lda: lda, transposeA: transposeA, b, ldb: ldb, transposeB: transposeB,
                        c: c, ldc: ldc, m: m, n: n, k: k, accumulate: accumulate)
                    a.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            c.withUnsafeMutableBufferPointer { cp in
                                SGEMM.multiply(
                                    cp.baseAddress!, ldc: ldc, ap.baseAddress!, lda: lda, transposeA: transposeA,
                                    bp.baseAddress!, ldb: ldb, transposeB: transposeB, m: m, n: n, k: k, accumulate: accumulate)
                            }
                        }
                    }
                    #expect(c.map(\.bitPattern) == expected.map(\.bitPattern),
                            "m=\(m) n=\(n) k=\(k) tA=\(transposeA) tB=\(transposeB) acc=\(accumulate)")
                }
            }
        }
    }
}

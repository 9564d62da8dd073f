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
}

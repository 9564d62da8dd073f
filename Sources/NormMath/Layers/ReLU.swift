/// The rectifier, `y = max(0, x)` — the nonlinearity after each normalization layer.
public enum ReLU {
    /// y = max(0, x), elementwise; `threads` threads may share the elements.
    public static func forward(_ x: [Float], threads: Int = 1) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { y, initialized in
            let output = SharedFloats(y.baseAddress!)
            x.withUnsafeBufferPointer { xb in
                forEachRange(count: x.count, threads: threads) { range in
                    let zero = SIMD8<Float>.zero
                    var i = range.lowerBound
                    while i + 8 <= range.upperBound {
                        let v = Reduce.loadFloats(xb.baseAddress! + i)
                        Reduce.store(v.replacing(with: zero, where: v .< zero), output.base + i)
                        i += 8
                    }
                    while i < range.upperBound {
                        output.base[i] = xb[i] > 0 ? xb[i] : 0
                        i += 1
                    }
                }
            }
            initialized = x.count
        }
    }

    /// ∂L/∂x = dy where y > 0, else 0. Takes the *output* y, as PyTorch does: y > 0 exactly
    /// where x > 0, and the output is what a network keeps anyway. `threads` threads may share
    /// the elements.
    public static func backward(dy: [Float], y: [Float], threads: Int = 1) -> [Float] {
        precondition(dy.count == y.count, "dy and y must have the same shape")
        return [Float](unsafeUninitializedCapacity: y.count) { dx, initialized in
            let output = SharedFloats(dx.baseAddress!)
            dy.withUnsafeBufferPointer { g in
                y.withUnsafeBufferPointer { yb in
                    forEachRange(count: y.count, threads: threads) { range in
                        let zero = SIMD8<Float>.zero
                        var i = range.lowerBound
                        while i + 8 <= range.upperBound {
                            let v = Reduce.loadFloats(yb.baseAddress! + i)
                            let d = Reduce.loadFloats(g.baseAddress! + i)
                            Reduce.store(d.replacing(with: zero, where: v .<= zero), output.base + i)
                            i += 8
                        }
                        while i < range.upperBound {
                            output.base[i] = yb[i] > 0 ? g[i] : 0
                            i += 1
                        }
                    }
                }
            }
            initialized = y.count
        }
    }

    /// Splits `0..<count` into runs of whole vectors of eight, one per thread.
    @inline(__always)
    static func forEachRange(count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let vectors = (count + 7) / 8
        Parallel.forEachChunk(count: vectors, threads: threads, work: count) { chunk in
            body(chunk.lowerBound * 8..<min(count, chunk.upperBound * 8))
        }
    }
}

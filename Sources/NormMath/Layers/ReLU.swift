/// The rectifier, `y = max(0, x)` — the nonlinearity after each normalization layer.
public enum ReLU {
    /// y = max(0, x), elementwise.
    public static func forward(_ x: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { y, initialized in
            x.withUnsafeBufferPointer { xb in
                let zero = SIMD8<Float>.zero
                var i = 0
                while i + 8 <= x.count {
                    let v = UnsafeRawPointer(xb.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(y.baseAddress! + i).storeBytes(of: v.replacing(with: zero, where: v .< zero), as: SIMD8<Float>.self)
                    i += 8
                }
                while i < x.count {
                    y[i] = xb[i] > 0 ? xb[i] : 0
                    i += 1
                }
            }
            initialized = x.count
        }
    }

    /// ∂L/∂x = dy where y > 0, else 0. Takes the *output* y, as PyTorch does: y > 0 exactly
    /// where x > 0, and the output is what a network keeps anyway.
    public static func backward(dy: [Float], y: [Float]) -> [Float] {
        precondition(dy.count == y.count, "dy and y must have the same shape")
        return [Float](unsafeUninitializedCapacity: y.count) { dx, initialized in
            dy.withUnsafeBufferPointer { g in
                y.withUnsafeBufferPointer { yb in
                    let zero = SIMD8<Float>.zero
                    var i = 0
                    while i + 8 <= y.count {
                        let v = UnsafeRawPointer(yb.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                        let d = UnsafeRawPointer(g.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(dx.baseAddress! + i).storeBytes(of: d.replacing(with: zero, where: v .<= zero), as: SIMD8<Float>.self)
                        i += 8
                    }
                    while i < y.count {
                        dx[i] = yb[i] > 0 ? g[i] : 0
                        i += 1
                    }
                }
            }
            initialized = y.count
        }
    }
}

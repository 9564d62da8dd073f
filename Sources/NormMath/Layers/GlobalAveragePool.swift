/// Global average pooling, `[N, C, H, W] → [N, C]`: the mean of each channel plane. It lets the
/// classifier head see every position equally, whatever H×W is.
public enum GlobalAveragePool {
    /// y[n, c] = mean over (h, w) of x[n, c, h, w], summed in Double.
    public static func forward(_ x: [Float], shape: TensorShape) -> [Float] {
        precondition(x.count == shape.count, "x must have \(shape.count) values for shape \(shape)")
        let hw = shape.spatial, planes = shape.n * shape.c
        return x.withUnsafeBufferPointer { xb in
            (0..<planes).map { Float(Reduce.sum(xb.baseAddress! + $0 * hw, hw) / Double(hw)) }
        }
    }

    /// ∂L/∂x[n, c, h, w] = dy[n, c] / (H·W): every position shares its plane's gradient.
    public static func backward(dy: [Float], shape: TensorShape) -> [Float] {
        let hw = shape.spatial, planes = shape.n * shape.c
        precondition(dy.count == planes, "dy must be [N, C]")
        return [Float](unsafeUninitializedCapacity: shape.count) { dx, initialized in
            for plane in 0..<planes {
                (dx.baseAddress! + plane * hw).initialize(repeating: dy[plane] / Float(hw), count: hw)
            }
            initialized = shape.count
        }
    }
}

import NormMath

/// One channel of a batch of feature maps, image by image: what lesson 4 shows as pictures and
/// per-image μ and σ.
public struct ChannelPlanes: Sendable {
    /// One H·W plane per image, row-major.
    public var planes: [[Float]]
    public let width: Int

    /// Channel `channel` of every image of `x` (NCHW, `shape`).
    public init(_ x: [Float], shape: TensorShape, channel: Int) {
        precondition((0..<shape.c).contains(channel) && x.count == shape.count, "no channel \(channel) in \(shape)")
        let hw = shape.spatial
        planes = (0..<shape.n).map { n in
            let start = (n * shape.c + channel) * hw
            return Array(x[start..<(start + hw)])
        }
        width = shape.w
    }

    /// μ and σ (biased) of each image's plane.
    public var statistics: [(mean: Double, std: Double)] {
        planes.map { plane in
            let mean = plane.reduce(0) { $0 + Double($1) } / Double(plane.count)
            let variance = plane.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(plane.count)
            return (mean, variance.squareRoot())
        }
    }

    /// The smallest and largest value of the first `count` planes: one grey scale for a row of
    /// pictures, so that a difference in contrast shows as one.
    public func range(ofFirst count: Int) -> ClosedRange<Double> {
        let values = planes.prefix(count).joined()
        guard let low = values.min(), let high = values.max(), high > low else { return 0...1 }
        return Double(low)...Double(high)
    }
}

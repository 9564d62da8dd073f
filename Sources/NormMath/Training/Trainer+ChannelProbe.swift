/// One unit's input distribution, the quantity Ioffe & Szegedy (2015, Fig. 1b–c) follow over
/// training to show internal covariate shift: the layer-wide probes of ``StepReport`` mix every
/// channel, and a shift of one channel can hide in the others.
extension Trainer {
    /// The values of one channel of block `block` on `batch`, before the normalization and
    /// after it (the input of the ReLU), in train mode as training sees them. Changes nothing:
    /// no update, and the running statistics stay as they are.
    /// - Precondition: `block` and `channel` exist.
    public func channelValues(block: Int, channel: Int, on batch: Batch) -> ChannelValues {
        precondition(network.blocks.indices.contains(block), "no block \(block)")
        precondition((0..<config.shape.c).contains(channel), "no channel \(channel)")
        var copy = network
        guard let pass = try? copy.forward(batch.images, batch: batch.shape.n, mode: .train) else {
            return ChannelValues(pre: [], post: [])
        }
        let spatial = config.shape.spatial
        func selected(_ values: [Float]) -> [Float] {
            var result: [Float] = []
            result.reserveCapacity(batch.shape.n * spatial)
            values.withUnsafeBufferPointer { source in
                for n in 0..<batch.shape.n {
                    let start = (n * config.shape.c + channel) * spatial
                    result.append(contentsOf: source[start..<(start + spatial)])
                }
            }
            return result
        }
        return ChannelValues(pre: selected(pass.pre[block]), post: selected(pass.normalized[block].y))
    }
}

/// What ``Trainer/channelValues(block:channel:on:)`` found: one channel's N·H·W values.
public struct ChannelValues: Sendable, Equatable {
    /// Entering the normalization (the conv or linear output).
    public var pre: [Float]
    /// Leaving it: what the ReLU sees.
    public var post: [Float]

    /// The values of `values` at the given percentile levels (0–100), by linear interpolation
    /// between the sorted values (NumPy's default); NaN for an empty or non-finite set.
    public static func percentiles(_ values: [Float], at levels: [Double]) -> [Double] {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return levels.map { _ in .nan } }
        let sorted = values.sorted()
        return levels.map { level in
            let position = min(max(level, 0), 100) / 100 * Double(sorted.count - 1)
            let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
            let fraction = position - Double(below)
            return Double(sorted[below]) * (1 - fraction) + Double(sorted[above]) * fraction
        }
    }
}

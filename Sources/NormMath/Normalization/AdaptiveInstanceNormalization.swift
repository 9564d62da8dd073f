/// Adaptive instance normalization (Huang & Belongie 2017, "Arbitrary Style Transfer in
/// Real-time with Adaptive Instance Normalization"), the glossary's "adaptive Normalisierung":
///
///     AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s)      per sample and channel
///
/// Instance norm takes the content's own statistics away; the style's μ and σ take their
/// place as β and γ. Both halves use the one normalization core: the content is normalized by
/// an instance-norm ``Normalization`` without affine parameters, and the style's statistics
/// are that same layer's statistics of the style tensor.
public enum AdaptiveInstanceNormalization {
    /// The content tensor with every (sample, channel) plane given the style's mean and
    /// standard deviation √(σ² + ε) of the same sample and channel.
    /// - Parameters:
    ///   - content: `[N, C, H, W]`, NCHW.
    ///   - style: the same shape; its sample n styles the content's sample n.
    ///   - shape: the shape of both tensors.
    ///   - eps: added to both variances inside the root, as instance norm does.
    /// - Throws: instance norm's errors (e.g. a single spatial element), or a shape mismatch.
    public static func forward(
        content: [Float], style: [Float], shape: TensorShape, eps: Double = 1e-5
    ) throws(NormalizationError) -> [Float] {
        guard style.count == content.count else {
            throw .invalidShape("the style has \(style.count) values, the content \(content.count)")
        }
        var layer = Normalization(config: NormalizationConfig(variant: .instance, eps: eps), channels: shape.c, affine: false)
        var y = try layer.forward(content, shape: shape, mode: .train).y
        let styleStatistics = try layer.forward(style, shape: shape, mode: .train).statistics
        let planeSize = shape.spatial
        y.withUnsafeMutableBufferPointer { output in
            for plane in 0..<(shape.n * shape.c) {
                let scale = 1 / styleStatistics.inverseStd[plane], shift = styleStatistics.mean[plane]
                for i in (plane * planeSize)..<((plane + 1) * planeSize) {
                    output[i] = Float(Double(output[i]) * scale + shift)
                }
            }
        }
        return y
    }
}

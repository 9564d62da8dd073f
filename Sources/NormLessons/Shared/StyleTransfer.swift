import NormMath

/// AdaIN on a network's features: the first block's feature maps (the conv output, before
/// normalization) of a content and a style image, the content's maps given the style's
/// per-channel statistics, and what that did, channel by channel.
public struct StyleTransfer: Sendable {
    /// One image's feature maps: `[1, C, H, W]`.
    public let shape: TensorShape
    public let contentImage: [Float]
    public let styleImage: [Float]
    public let content: [Float]
    public let style: [Float]
    public let adain: [Float]
    public let channels: [Channel]

    public struct Channel: Sendable {
        public var content: SampleStatistics
        public var style: SampleStatistics
        public var adain: SampleStatistics
        /// Pearson correlation over the positions of the AdaIN map with the content's and the style's.
        public var correlationWithContent: Double
        public var correlationWithStyle: Double
        /// The content map's own correlation with the style's: what the two layouts share before
        /// AdaIN. A positive affine map per channel keeps every correlation, so AdaIN's
        /// ``correlationWithStyle`` is this, and no more of the style's layout.
        public var contentCorrelationWithStyle: Double
    }

    /// - Parameters: content, style: indices into the trainer's held-out images.
    public init(trainer: Trainer, content contentIndex: Int, style styleIndex: Int) {
        let batch = trainer.heldOutSet.batch([contentIndex, styleIndex])
        var network = trainer.network
        let features: [Float]
        do {
            features = try network.forward(batch.images, batch: 2, mode: .eval).pre[0]
        } catch {
            preconditionFailure("the lesson's network takes any two images: \(error)")
        }
        let shape = TensorShape(n: 1, c: network.activationShape.c, h: network.activationShape.h, w: network.activationShape.w)
        self.shape = shape
        let imageSize = trainer.heldOutSet.imageSize
        contentImage = Array(batch.images[0..<imageSize])
        styleImage = Array(batch.images[imageSize...])
        content = Array(features[0..<shape.count])
        style = Array(features[shape.count...])
        do {
            adain = try AdaptiveInstanceNormalization.forward(content: content, style: style, shape: shape)
        } catch {
            preconditionFailure("feature maps of several positions fit instance norm: \(error)")
        }
        let (content, style, adain) = (content, style, adain)
        channels = (0..<shape.c).map { c in
            let range = (c * shape.spatial)..<((c + 1) * shape.spatial)
            return Channel(
                content: SampleStatistics(content[range]), style: SampleStatistics(style[range]),
                adain: SampleStatistics(adain[range]),
                correlationWithContent: Self.correlation(adain[range], content[range]),
                correlationWithStyle: Self.correlation(adain[range], style[range]),
                contentCorrelationWithStyle: Self.correlation(content[range], style[range]))
        }
    }

    /// Channel `c` of a `[1, C, H, W]` tensor.
    public func plane(_ maps: [Float], channel c: Int) -> [Float] {
        Array(maps[(c * shape.spatial)..<((c + 1) * shape.spatial)])
    }

    /// Pearson's r, in Double; 0 when either side is constant.
    public static func correlation(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Double {
        let sa = SampleStatistics(a), sb = SampleStatistics(b)
        guard sa.standardDeviation > 0, sb.standardDeviation > 0 else { return 0 }
        let covariance = zip(a, b).reduce(0.0) { $0 + (Double($1.0) - sa.mean) * (Double($1.1) - sb.mean) } / Double(a.count)
        return covariance / (sa.standardDeviation * sb.standardDeviation)
    }
}

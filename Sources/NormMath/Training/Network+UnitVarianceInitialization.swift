/// A careful, data-dependent initialization for networks without normalization: what a
/// normalization layer would do at the first step, done once to the weights instead.
extension Network {
    /// Scales each block's weights (and bias) so that its pre-activations on `images` have a
    /// standard deviation of 1, block by block from the input, as LSUV does (Mishkin & Matas
    /// 2016, "All you need is a good init"). A normalizer-free network then starts where a
    /// normalized one does, without normalizing at any later step.
    /// - Parameters:
    ///   - images: `[n, 1, H, W]`, a batch of training images.
    ///   - n: the number of images.
    /// - Throws: what the forward pass throws for a batch it cannot normalize.
    public mutating func scaleToUnitVariance(on images: [Float], batch n: Int) throws(NormalizationError) {
        for index in blocks.indices {
            var probe = self
            let pass = try probe.forward(images, batch: n, mode: .train)
            let pre = pass.pre[index]
            let mean = pre.reduce(0) { $0 + Double($1) } / Double(pre.count)
            let variance = pre.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(pre.count)
            guard variance > 0 else { continue }
            let scale = Float(1 / variance.squareRoot())
            blocks[index].weight = blocks[index].weight.map { $0 * scale }
            if let bias = blocks[index].bias { blocks[index].bias = bias.map { $0 * scale } }
        }
    }
}

/// Looking at a run without training it: what the lessons use to show a claim on a fixed
/// batch, before and after an intervention.
extension Trainer {
    /// The loss, the logits and every gradient on `batch` in train mode, changing nothing:
    /// no update, and the running statistics stay as they are.
    public func inspect(_ batch: Batch) -> Inspection {
        var copy = network
        guard let pass = try? copy.forward(batch.images, batch: batch.shape.n, mode: .train) else {
            return Inspection(loss: .nan, logits: [], gradients: nil)
        }
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        let gradients = result.loss.isFinite ? network.backward(dlogits: result.dlogits, pass: pass) : nil
        return Inspection(loss: Double(result.loss), logits: pass.logits, gradients: gradients)
    }

    /// Multiplies the weights that feed block `index` by `factor` — the reparametrization
    /// W → k·W that normalization makes harmless (Ioffe & Szegedy 2015, §3.3).
    public mutating func scaleWeights(ofBlock index: Int, by factor: Float) {
        precondition(network.blocks.indices.contains(index), "no block \(index)")
        network.blocks[index].weight = network.blocks[index].weight.map { $0 * factor }
        if let bias = network.blocks[index].bias { network.blocks[index].bias = bias.map { $0 * factor } }
    }

    /// The last step's batch through the network in eval mode, as it is now (running
    /// statistics instead of the batch's): each block's post-norm activations and the
    /// batch's accuracy. What `t` shows at once while a run is paused; `nil` before a step.
    public func evalModeOfLastBatch() -> (posts: [ActivationSummary], batch: Evaluation)? {
        guard let batch = lastBatch else { return nil }
        var copy = network
        guard let pass = try? copy.forward(batch.images, batch: batch.shape.n, mode: .eval) else { return nil }
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        let posts = pass.normalized.map { $0.y.withUnsafeBufferPointer(ActivationSummary.init) }
        return (posts, Evaluation(accuracy: result.accuracy, loss: Double(result.loss)))
    }

    /// A fixed batch from the held-out split: the same images every time it is asked for.
    public func probeBatch(size: Int? = nil) -> Batch {
        heldOutSet.batch(0..<min(size ?? config.shape.n, heldOutSet.count))
    }
}

/// What ``Trainer/inspect(_:)`` measured.
public struct Inspection: Sendable {
    public var loss: Double
    public var logits: [Float]
    public var gradients: NetworkGradients?
}

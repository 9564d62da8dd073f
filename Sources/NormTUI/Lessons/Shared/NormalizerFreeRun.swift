import NormMath

/// A network without normalization trained the normalizer-free way (Brock et al. 2021):
/// adaptive gradient clipping at every step, optionally after a careful initialization that
/// scales every block to unit variance on a first batch. The loop is ``Trainer``'s — same
/// initial weights, same batches, same SGD — with the clipping between the backward pass and
/// the update. Every parameter is clipped, the head included: on this small net the head's
/// unclipped steps alone wreck it at the lesson's learning rate.
struct NormalizerFreeRun: Sendable {
    let config: ExperimentConfig
    let clipping: AdaptiveGradientClipping
    private(set) var network: Network
    private var optimizer: SGD
    private var batches: BatchIterator
    private let heldOut: Dataset
    /// The training loss of every step (the last 4096).
    private(set) var loss = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    /// Held-out accuracy every `config.evalEvery` steps.
    private(set) var heldOutAccuracy = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    private(set) var stepCount = 0
    /// The fraction of weight units clipped at the last step.
    private(set) var clippedFraction = 0.0
    private(set) var divergedAt: Int?

    /// - Parameter scalesInitialization: whether to scale the blocks to unit variance first.
    /// - Precondition: `config` has no normalization and is valid for the digits.
    init(
        config: ExperimentConfig, clipping: AdaptiveGradientClipping, scalesInitialization: Bool, train: Dataset,
        heldOut: Dataset
    ) {
        precondition(config.variant == .none, "a normalizer-free run has no normalization")
        self.config = config
        self.clipping = clipping
        self.heldOut = heldOut
        var generator = SeededGenerator(seed: config.seed, stream: 0)
        network = Network(config: config, inputSize: train.imageSize, classCount: train.classCount, using: &generator)
        optimizer = SGD(learningRate: Float(config.learningRate), momentum: Float(config.momentum), weightDecay: Float(config.weightDecay))
        batches = BatchIterator(dataset: train, batchSize: config.shape.n, seed: config.seed)
        guard scalesInitialization else { return }
        let first = train.batch(0..<config.shape.n)
        do {
            try network.scaleToUnitVariance(on: first.images, batch: config.shape.n)
        } catch {
            preconditionFailure("a network without normalization refused a batch: \(error)")
        }
    }

    mutating func step() {
        guard divergedAt == nil else { return }
        stepCount += 1
        let batch = batches.next()
        let pass: ForwardPass
        do {
            pass = try network.forward(batch.images, batch: batch.shape.n, mode: .train)
        } catch {
            preconditionFailure("a network without normalization refused a batch: \(error)")
        }
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        var gradients = network.backward(dlogits: result.dlogits, pass: pass)
        clippedFraction = clip(&gradients)
        loss.append(Double(result.loss))
        guard result.loss.isFinite, Self.isFinite(gradients) else {
            divergedAt = stepCount
            return
        }
        update(gradients)
        if config.evalEvery > 0, stepCount % config.evalEvery == 0 { heldOutAccuracy.append(accuracy()) }
    }

    /// Clips every parameter's gradient unit-wise against the parameter: a weight's units are its
    /// rows (one per output), a bias's its single values.
    /// - Returns: the fraction of weight units (blocks and head) that were clipped.
    private func clip(_ gradients: inout NetworkGradients) -> Double {
        var clipped = 0, units = 0
        for index in network.blocks.indices {
            let block = network.blocks[index]
            clipped += clipping.clip(&gradients.blocks[index].weight, weight: block.weight, unitSize: block.weight.count / config.shape.c)
            units += config.shape.c
            if let bias = block.bias, var gradient = gradients.blocks[index].bias {
                clipping.clip(&gradient, weight: bias, unitSize: 1)
                gradients.blocks[index].bias = gradient
            }
        }
        clipped += clipping.clip(&gradients.head.weight, weight: network.head.weight, unitSize: network.head.inFeatures)
        units += network.head.outFeatures
        if let bias = network.head.bias, var gradient = gradients.head.bias {
            clipping.clip(&gradient, weight: bias, unitSize: 1)
            gradients.head.bias = gradient
        }
        return Double(clipped) / Double(units)
    }

    /// Held-out accuracy; without normalization, train and eval mode are the same.
    func accuracy() -> Double {
        var copy = network
        let batch = heldOut.batch(0..<heldOut.count)
        guard let pass = try? copy.forward(batch.images, batch: heldOut.count, mode: .eval) else { return .nan }
        return SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount).accuracy
    }

    /// SGD over every parameter in ``Trainer``'s slot order: per block W, b, γ, β; then the head.
    private mutating func update(_ gradients: NetworkGradients) {
        var slot = 0
        for index in network.blocks.indices {
            var block = network.blocks[index]
            optimizer.step(&block.weight, gradient: gradients.blocks[index].weight, slot: slot)
            if var bias = block.bias, let gradient = gradients.blocks[index].bias {
                optimizer.step(&bias, gradient: gradient, slot: slot + 1)
                block.bias = bias
            }
            network.blocks[index] = block
            slot += 4
        }
        optimizer.step(&network.head.weight, gradient: gradients.head.weight, slot: slot)
        if var bias = network.head.bias, let gradient = gradients.head.bias {
            optimizer.step(&bias, gradient: gradient, slot: slot + 1)
            network.head.bias = bias
        }
    }

    static func isFinite(_ gradients: NetworkGradients) -> Bool {
        func finite(_ values: [Float]?) -> Bool { values?.allSatisfy(\.isFinite) ?? true }
        return gradients.blocks.allSatisfy { finite($0.weight) && finite($0.bias) }
            && finite(gradients.head.weight) && finite(gradients.head.bias)
    }
}

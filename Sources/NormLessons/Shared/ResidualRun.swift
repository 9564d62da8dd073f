import NormMath

/// A ``ResidualMLP`` trained on the digits with SGD and an optional linear warm-up: one curve
/// of lesson 11's loss chart.
public struct ResidualRun: Sendable {
    public let name: String
    public let warmup: LinearWarmup
    public let learningRate: Double
    public private(set) var model: ResidualMLP
    private var optimizer: SGD
    private var batches: BatchIterator
    /// The training loss of every step (the last 4096).
    public private(set) var loss = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    public private(set) var stepCount = 0
    /// The step whose loss or gradients stopped being finite; the run stops there.
    public private(set) var divergedAt: Int?

    public init(name: String, model: ResidualMLP, data: Dataset, batchSize: Int, learningRate: Double, momentum: Double,
         warmup: LinearWarmup, seed: UInt64) {
        self.name = name
        self.model = model
        self.warmup = warmup
        self.learningRate = learningRate
        optimizer = SGD(learningRate: Float(learningRate), momentum: Float(momentum))
        batches = BatchIterator(dataset: data, batchSize: batchSize, seed: seed)
    }

    /// One SGD step at the warm-up's rate for this step.
    public mutating func step() {
        guard divergedAt == nil else { return }
        stepCount += 1
        let batch = batches.next()
        let pass = model.forward(batch.images, batch: batch.shape.n)
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: model.classCount)
        loss.append(Double(result.loss))
        let gradients = model.backward(dlogits: result.dlogits, pass: pass)
        guard result.loss.isFinite, gradients.allFinite else {
            divergedAt = stepCount
            return
        }
        optimizer.learningRate = Float(learningRate * warmup.factor(atStep: stepCount))
        model.update(with: gradients, optimizer: &optimizer)
    }

    /// The fraction of `data` the model classifies correctly.
    public func accuracy(on data: Dataset) -> Double {
        let batch = data.batch(0..<data.count)
        let logits = model.forward(batch.images, batch: data.count).logits
        return SoftmaxCrossEntropy.evaluate(logits: logits, labels: batch.labels, classes: model.classCount).accuracy
    }
}

import NormMath

/// A ``TinyTransformer`` learning to sort digits with SGD and an optional linear warm-up: one
/// curve of lesson 12's charts. Its batches come from its own generator, seeded alike for every
/// run of a seed, so the runs of one seed see the same sequences in the same order.
public struct TransformerRun: Sendable {
    public let name: String
    public let warmup: LinearWarmup
    public let learningRate: Double
    public private(set) var model: TinyTransformer
    private var optimizer: SGD
    private var batches: SeededGenerator
    private let batchSize: Int
    /// The training loss of every step (the last 4096): the mean cross-entropy per token.
    public private(set) var loss = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    /// The largest |attention logit| of every step's forward pass, over all blocks and heads.
    public private(set) var largestLogit = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    public private(set) var stepCount = 0
    /// The step whose loss or gradients stopped being finite; the run stops there.
    public private(set) var divergedAt: Int?

    /// - Parameters:
    ///   - name: the run's name on screen.
    ///   - model: the initial model.
    ///   - batchSize: sequences per step.
    ///   - learningRate: the full rate, reached after the warm-up.
    ///   - momentum: SGD's momentum.
    ///   - warmup: the linear warm-up (0 steps: none).
    ///   - seed: seeds the batches.
    public init(
        name: String, model: TinyTransformer, batchSize: Int, learningRate: Double, momentum: Double,
        warmup: LinearWarmup, seed: UInt64
    ) {
        self.name = name
        self.model = model
        self.warmup = warmup
        self.learningRate = learningRate
        self.batchSize = batchSize
        optimizer = SGD(learningRate: Float(learningRate), momentum: Float(momentum))
        batches = SeededGenerator(seed: seed, stream: 17)
    }

    /// One SGD step on a fresh batch, at the warm-up's rate for this step.
    public mutating func step() {
        guard divergedAt == nil else { return }
        stepCount += 1
        let batch = DigitSorting.batch(count: batchSize, length: model.length, using: &batches)
        let pass = model.forward(batch.tokens, sequences: batchSize)
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.targets, classes: model.vocabulary)
        loss.append(Double(result.loss))
        largestLogit.append(pass.largestAttentionLogit)
        let gradients = model.backward(dlogits: result.dlogits, pass: pass)
        guard result.loss.isFinite, gradients.allFinite else {
            divergedAt = stepCount
            return
        }
        optimizer.learningRate = Float(learningRate * warmup.factor(atStep: stepCount))
        model.update(with: gradients, optimizer: &optimizer)
    }
}

import Foundation

/// A deterministic training run: data, network, optimizer and probes. `step()` trains on one
/// batch and reports everything the UI shows; the UI calls it from a background task, the
/// `train` command in a loop. It knows nothing of terminals.
public struct Trainer: Sendable {
    public let config: ExperimentConfig
    public internal(set) var network: Network
    public private(set) var optimizer: SGD
    public let trainingSet: Dataset
    public let heldOutSet: Dataset
    private var batches: BatchIterator
    public private(set) var stepCount = 0
    /// The batch of the last step, so that eval mode can be shown on it without a new step.
    public private(set) var lastBatch: Batch?
    /// Set once a step has left the finite numbers; `step()` refuses to go on after it.
    public private(set) var divergence: Divergence?
    /// Whether each step also runs its batch in eval mode and reports the result (costs one
    /// more forward pass per step).
    public var measuresEvalMode = false
    /// Applied to every step's gradients before the update, e.g. adaptive gradient clipping;
    /// `nil` leaves them as the backward pass computed them.
    public var gradientTransform: (any GradientTransform)?
    /// How many threads a step may use: the convolutions split the batch, the normalizations
    /// their groups, the probes their tensors. Every piece is computed by the same code on any
    /// thread and sums are added in an order fixed by the batch alone (blocks of 8 samples for a
    /// convolution's weight gradient), so the reports are the same bits for every count; only
    /// the time changes. 1 for lessons and tests; `train` and the UI use all cores.
    public var threads = 1
    /// Whether a step runs the probes (histograms, percentiles, per-channel statistics, norms).
    /// Off only to time the step the way PyTorch's is timed (`normtui bench --train` reports
    /// both): without probes the report's `layers` is empty and divergence is judged on the
    /// loss and the gradients alone.
    public var computesProbes = true

    /// The held-out split is fixed, whatever the run's seed, so that runs are comparable.
    static let splitSeed: UInt64 = 20_150_211

    /// Builds the run `config` describes.
    /// - Throws: ``ExperimentError`` for impossible settings, unknown data sets, or a batch
    ///   larger than the training set.
    public init(config: ExperimentConfig) throws(ExperimentError) {
        try config.validate()
        // The conv net sees images at the activation size; the MLP sees them at their own.
        let (height, width) = config.model == .conv ? (config.shape.h, config.shape.w) : (8, 8)
        let data: Dataset
        do {
            data = try Dataset.make(config.dataset, height: height, width: width, seed: config.seed)
        } catch {
            throw ExperimentError(error.description)
        }
        try self.init(config: config, data: data)
    }

    /// Whether `Trainer(config:)` would accept `config`, judged without building anything:
    /// the settings, the data set's size and memory, and the batch against the training
    /// split's size. Cheap and pure, for the settings editor and the variant keys, which run
    /// on the UI's thread; the trainer itself is built on the session's.
    public static func validate(_ config: ExperimentConfig) throws(ExperimentError) {
        try config.validate()
        let (height, width) = config.model == .conv ? (config.shape.h, config.shape.w) : (8, 8)
        let size: (images: Int, classes: Int)
        do {
            size = try Dataset.checkedSize(config.dataset, height: height, width: width)
        } catch {
            throw ExperimentError(error.description)
        }
        let trainingCount = Dataset.trainingCount(
            classSizes: Dataset.classSizes(of: config.dataset, images: size.images, classes: size.classes),
            heldOutFraction: heldOutFraction)
        guard config.shape.n <= trainingCount else {
            throw batchTooLarge(config.shape.n, trainingCount: trainingCount, data: config.dataset.rawValue)
        }
    }

    /// The fraction of every data set kept out of training, for held-out accuracy.
    static let heldOutFraction = 0.2

    static func batchTooLarge(_ n: Int, trainingCount: Int, data: String) -> ExperimentError {
        ExperimentError("the batch size N = \(n) is larger than the training set (\(trainingCount) images of \(data))")
    }

    /// Builds a run on given data (tests, lessons with data of their own).
    public init(config: ExperimentConfig, data: Dataset) throws(ExperimentError) {
        try config.validate()
        let split = data.split(heldOutFraction: Self.heldOutFraction, seed: Self.splitSeed)
        guard config.shape.n <= split.train.count else {
            throw Self.batchTooLarge(config.shape.n, trainingCount: split.train.count, data: data.name)
        }
        self.config = config
        trainingSet = split.train
        heldOutSet = split.heldOut
        var generator = SeededGenerator(seed: config.seed, stream: 0)
        network = Network(config: config, inputSize: data.imageSize, classCount: data.classCount, using: &generator)
        optimizer = SGD(
            learningRate: Float(config.learningRate), momentum: Float(config.momentum),
            weightDecay: Float(config.weightDecay))
        batches = BatchIterator(dataset: trainingSet, batchSize: config.shape.n, seed: config.seed)
    }

    public var isDiverged: Bool { divergence != nil }

    /// Trains on the next batch and reports what happened.
    /// - Precondition: the run has not diverged.
    public mutating func step() -> StepReport {
        precondition(divergence == nil, "a diverged run cannot take another step")
        stepCount += 1
        let batch = batches.next()
        lastBatch = batch
        let pass: ForwardPass
        do {
            pass = try network.forward(batch.images, batch: batch.shape.n, mode: .train, threads: threads)
        } catch {
            // Validation ruled out every shape error; reaching this is a bug, not a result.
            preconditionFailure("forward pass refused a validated shape: \(error)")
        }
        let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        var report = StepReport(
            step: stepCount, loss: Double(result.loss), accuracy: result.accuracy, evaluation: nil, layers: [],
            evalModeBatch: nil, divergence: nil)
        // Same weights, same batch, running statistics instead of the batch's.
        var evalPass: ForwardPass?
        if measuresEvalMode {
            var copy = network
            evalPass = try? copy.forward(batch.images, batch: batch.shape.n, mode: .eval, threads: threads)
            if let evalPass {
                let evalResult = SoftmaxCrossEntropy.evaluate(
                    logits: evalPass.logits, labels: batch.labels, classes: network.classCount)
                report.evalModeBatch = Evaluation(accuracy: evalResult.accuracy, loss: Double(evalResult.loss))
            }
        }

        var gradients = result.loss.isFinite ? network.backward(dlogits: result.dlogits, pass: pass, threads: threads) : nil
        if gradients != nil { gradientTransform?.transform(&gradients!, of: network) }
        guard computesProbes else {
            if let gradients, gradients.allFinite { network.update(with: gradients, optimizer: &optimizer) }
            report.divergence = Self.findDivergence(
                in: report, gradients: gradients, config: config, classCount: network.classCount)
            divergence = report.divergence
            return report
        }
        let weightNorms = network.blocks.map(\.weight.euclideanNorm)
        let oldWeights = network.blocks.map(\.weight)
        if let gradients, gradients.allFinite {
            network.update(with: gradients, optimizer: &optimizer)
        }
        let measured = measure(pass: pass, evalPass: evalPass, gradients: gradients)
        report.layers = network.blocks.indices.map { index in
            var probe = probe(
                block: index, pass: pass, measured: measured, gradients: gradients?.blocks[index],
                weightNorm: weightNorms[index], oldWeight: oldWeights[index])
            probe.evalModePost = evalPass.map { _ in measured.summaries[2 * network.blocks.count + index] }
            return probe
        }
        report.divergence = Self.findDivergence(
            in: report, gradients: gradients, config: config, classCount: network.classCount)
        divergence = report.divergence
        if divergence == nil, config.evalEvery > 0, stepCount % config.evalEvery == 0 {
            report.evaluation = evaluate()
        }
        return report
    }

    /// Accuracy and loss on the held-out split with every layer in eval mode: batch norm uses
    /// its running statistics instead of the batch's.
    public func evaluate() -> Evaluation {
        evaluate(on: heldOutSet)
    }

    /// Accuracy and loss on `data` in eval mode, in batches of N.
    public func evaluate(on data: Dataset) -> Evaluation {
        var copy = network  // eval mode leaves running statistics alone, but forward is mutating
        let n = config.shape.n
        var correct = 0, lossSum = 0.0
        var start = 0
        while start < data.count {
            let end = min(start + n, data.count)
            let batch = data.batch(start..<end)
            guard let pass = try? copy.forward(batch.images, batch: end - start, mode: .eval) else { break }
            let result = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
            correct += result.correct
            lossSum += Double(result.loss) * Double(end - start)
            start = end
        }
        let count = Double(max(data.count, 1))
        return Evaluation(accuracy: Double(correct) / count, loss: lossSum / count)
    }

    /// The probes' passes over the activations, the bulk of their time: a summary of every
    /// block's pre- and post-norm tensor (and eval-mode output), the per-channel statistics
    /// of the pre-norm ones, and the norm of every block's activation gradient. Each is one
    /// independent job, so ``threads`` threads share them and every result is the same as on
    /// one thread.
    private func measure(pass: ForwardPass, evalPass: ForwardPass?, gradients: NetworkGradients?) -> MeasuredActivations {
        let tensors = pass.pre + pass.normalized.map(\.y) + (evalPass?.normalized.map(\.y) ?? [])
        let blockCount = pass.pre.count
        // Thread t takes jobs t, t + T, …: the channel statistics and gradient norms (one pass
        // each) and the summaries (three passes each) are all spread over all threads.
        enum Result { case summary(ActivationSummary), channels(mean: [Double], variance: [Double]), norm(Double) }
        let results = Parallel.map(count: 2 * blockCount + tensors.count, threads: threads) { job -> Result in
            if job < blockCount {
                let own = pass.normalized[job].statistics
                // Batch norm in train mode computed exactly these — the same two-pass sums in the
                // same order (Normalization+ForwardKernel.swift) — so they are not summed again.
                if config.variant == .batch, config.varianceAlgorithm == .twoPass, !own.fromRunningStatistics {
                    return .channels(mean: own.mean, variance: own.variance)
                }
                let statistics = Self.channelStatistics(pass.pre[job], shape: own.layout.shape)
                return .channels(mean: statistics.mean, variance: statistics.variance)
            }
            if job < 2 * blockCount {
                return .norm(gradients?.blocks[job - blockCount].preActivation.euclideanNorm ?? .nan)
            }
            return .summary(tensors[job - 2 * blockCount].withUnsafeBufferPointer(ActivationSummary.init))
        }
        var measured = MeasuredActivations()
        for result in results {
            switch result {
            case .summary(let summary): measured.summaries.append(summary)
            case .channels(let mean, let variance): measured.channels.append((mean, variance))
            case .norm(let norm): measured.activationGradientNorms.append(norm)
            }
        }
        return measured
    }

    /// What ``measure(pass:evalPass:gradients:)`` found: `summaries` holds every block's
    /// pre-norm summary, then every post-norm one, then every eval-mode one; `channels` and
    /// `activationGradientNorms` one entry per block.
    private struct MeasuredActivations {
        var summaries: [ActivationSummary] = []
        var channels: [(mean: [Double], variance: [Double])] = []
        var activationGradientNorms: [Double] = []
    }

    private func probe(
        block index: Int, pass: ForwardPass, measured: MeasuredActivations, gradients: BlockGradients?,
        weightNorm: Double, oldWeight: [Float]
    ) -> LayerProbe {
        let channelStatistics = measured.channels[index]
        let norm = network.blocks[index].norm
        let newWeight = network.blocks[index].weight
        var delta = 0.0
        for i in newWeight.indices {
            let d = Double(newWeight[i]) - Double(oldWeight[i])
            delta += d * d
        }
        return LayerProbe(
            pre: measured.summaries[index], post: measured.summaries[pass.pre.count + index], evalModePost: nil,
            batchMean: channelStatistics.mean, batchVar: channelStatistics.variance,
            runningMean: norm.config.variant.keepsRunningStatistics ? norm.runningMean : nil,
            runningVar: norm.config.variant.keepsRunningStatistics ? norm.runningVar : nil,
            weightGradNorm: gradients.map(\.weight.euclideanNorm) ?? .nan,
            activationGradNorm: measured.activationGradientNorms[index],
            weightNorm: weightNorm,
            updateRatio: weightNorm > 0 ? delta.squareRoot() / weightNorm : 0)
    }

    /// Per channel, over N, H and W: what batch norm would use, for any variant.
    static func channelStatistics(_ x: [Float], shape: TensorShape) -> (mean: [Double], variance: [Double]) {
        let layout = StatisticsLayout(variant: .batch, shape: shape)
        var mean = [Double](repeating: 0, count: shape.c), variance = [Double](repeating: 0, count: shape.c)
        x.withUnsafeBufferPointer { xb in
            for c in 0..<shape.c {
                (mean[c], variance[c]) = Moments.meanAndVariance(
                    xb.baseAddress! + layout.segmentStart(group: c, segment: 0), segmentCount: layout.segmentsPerGroup,
                    segmentLength: layout.segmentLength, segmentStride: layout.segmentStride, algorithm: .twoPass)
            }
        }
        return (mean, variance)
    }

    /// A loss this many times that of guessing (ln K) counts as divergence: the logits are
    /// then tens of units apart and wrong, and without normalization such a run rarely
    /// overflows to NaN — its ReLUs die and the loss stays huge and flat instead.
    static let explodedLossFactor = 20.0

    /// Names the first thing that stopped being finite, in the order a reader would check:
    /// the activations block by block, then the loss, then the gradients; or a loss that
    /// exploded far beyond chance level.
    static func findDivergence(
        in report: StepReport, gradients: NetworkGradients?, config: ExperimentConfig, classCount: Int
    ) -> Divergence? {
        let step = report.step
        func describe(_ value: Double) -> String { value.isNaN ? "NaN" : value.isInfinite ? "infinite" : "\(value)" }
        for (index, layer) in report.layers.enumerated() {
            let number = index + 1
            if !layer.pre.isFinite {
                return Divergence(step: step, description: "layer \(number) pre-norm activations became \(describe(layer.pre.mean)) at step \(step)")
            }
            if !layer.post.isFinite {
                let reason = layer.pre.std == 0 || config.eps == 0
                    ? " (pre-norm std \(String(format: "%.3g", layer.pre.std)), eps \(config.eps): a division by zero)" : ""
                return Divergence(
                    step: step,
                    description: "layer \(number) post-norm activations became \(describe(layer.post.mean)) at step \(step)\(reason)")
            }
        }
        if !report.loss.isFinite {
            let largest = report.layers.enumerated().max { $0.element.pre.std < $1.element.pre.std }
            let detail = largest.map { ", layer \($0.offset + 1) pre-norm std \(String(format: "%.2g", $0.element.pre.std))" } ?? ""
            return Divergence(step: step, description: "loss became \(describe(report.loss)) at step \(step)\(detail)")
        }
        let limit = explodedLossFactor * Foundation.log(Double(max(classCount, 2)))
        if report.loss > limit {
            let largest = report.layers.enumerated().max { $0.element.pre.std < $1.element.pre.std }
            let detail = largest.map { ", layer \($0.offset + 1) pre-norm std \(String(format: "%.2g", $0.element.pre.std))" } ?? ""
            return Divergence(
                step: step,
                description: "loss exploded to \(String(format: "%.3g", report.loss)) at step \(step) (over \(Int(explodedLossFactor))× chance level, \(String(format: "%.3g", limit)))\(detail)")
        }
        if let gradients, !gradients.allFinite {
            return Divergence(step: step, description: "the gradients became non-finite at step \(step) (loss \(String(format: "%.3g", report.loss)))")
        }
        return nil
    }
}

/// The bounded past of a run: one ring buffer per plotted series, so that a run of a million
/// steps uses as little memory as one of a thousand.
public struct TrainingHistory: Sendable {
    public static let defaultCapacity = 4096

    /// The step number of each kept entry.
    public private(set) var steps: RingBuffer<Int>
    public private(set) var loss: RingBuffer<Double>
    public private(set) var accuracy: RingBuffer<Double>
    /// (step, evaluation) for the steps that were evaluated.
    public private(set) var evaluations: RingBuffer<(step: Int, evaluation: Evaluation)>
    /// Per layer.
    public private(set) var layers: [LayerHistory]
    public private(set) var latest: StepReport?

    public init(layerCount: Int, capacity: Int = TrainingHistory.defaultCapacity) {
        steps = RingBuffer(capacity: capacity)
        loss = RingBuffer(capacity: capacity)
        accuracy = RingBuffer(capacity: capacity)
        evaluations = RingBuffer(capacity: capacity)
        layers = (0..<layerCount).map { _ in LayerHistory(capacity: capacity) }
    }

    public mutating func record(_ report: StepReport) {
        steps.append(report.step)
        loss.append(report.loss)
        accuracy.append(report.accuracy)
        if let evaluation = report.evaluation { evaluations.append((report.step, evaluation)) }
        for (index, probe) in report.layers.enumerated() where index < layers.count {
            layers[index].record(probe)
        }
        latest = report
    }

    /// Puts eval mode's view of the latest step in place (``Trainer/evalModeOfLastBatch()``),
    /// for a run that is paused when eval mode is switched on. The plotted series are left
    /// alone: only the latest report carries eval mode.
    public mutating func setEvalModeOfLatest(posts: [ActivationSummary], batch: Evaluation) {
        guard var report = latest else { return }
        for index in report.layers.indices where index < posts.count {
            report.layers[index].evalModePost = posts[index]
        }
        report.evalModeBatch = batch
        latest = report
    }
}

/// The series of one normalized block.
public struct LayerHistory: Sendable {
    public private(set) var weightGradNorm: RingBuffer<Double>
    public private(set) var activationGradNorm: RingBuffer<Double>
    public private(set) var updateRatio: RingBuffer<Double>
    public private(set) var preMean: RingBuffer<Double>
    public private(set) var preStd: RingBuffer<Double>
    public private(set) var postMean: RingBuffer<Double>
    public private(set) var postStd: RingBuffer<Double>
    /// Batch norm's running mean and variance averaged over the channels; NaN for variants
    /// without running statistics.
    public private(set) var averageRunningMean: RingBuffer<Double>
    public private(set) var averageRunningVar: RingBuffer<Double>
    /// The 1/15/50/85/99th percentiles of the pre- and post-norm activations, one buffer each.
    public private(set) var prePercentiles: [RingBuffer<Double>]
    public private(set) var postPercentiles: [RingBuffer<Double>]

    init(capacity: Int) {
        weightGradNorm = RingBuffer(capacity: capacity)
        activationGradNorm = RingBuffer(capacity: capacity)
        updateRatio = RingBuffer(capacity: capacity)
        preMean = RingBuffer(capacity: capacity)
        preStd = RingBuffer(capacity: capacity)
        postMean = RingBuffer(capacity: capacity)
        postStd = RingBuffer(capacity: capacity)
        averageRunningMean = RingBuffer(capacity: capacity)
        averageRunningVar = RingBuffer(capacity: capacity)
        prePercentiles = ActivationSummary.percentileLevels.map { _ in RingBuffer(capacity: capacity) }
        postPercentiles = ActivationSummary.percentileLevels.map { _ in RingBuffer(capacity: capacity) }
    }

    mutating func record(_ probe: LayerProbe) {
        weightGradNorm.append(probe.weightGradNorm)
        activationGradNorm.append(probe.activationGradNorm)
        updateRatio.append(probe.updateRatio)
        preMean.append(probe.pre.mean)
        preStd.append(probe.pre.std)
        postMean.append(probe.post.mean)
        postStd.append(probe.post.std)
        averageRunningMean.append(probe.averageRunningMean ?? .nan)
        averageRunningVar.append(probe.averageRunningVar ?? .nan)
        for i in prePercentiles.indices {
            prePercentiles[i].append(probe.pre.percentiles[i])
            postPercentiles[i].append(probe.post.percentiles[i])
        }
    }
}

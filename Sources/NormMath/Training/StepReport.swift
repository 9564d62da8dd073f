/// Everything the probes measured in one training step, as plain values: the UI, the
/// headless `train` command and the tests all read the same report.
public struct StepReport: Sendable {
    /// 1 for the first step.
    public var step: Int
    public var loss: Double
    /// Fraction of the batch classified correctly (train mode, before the update).
    public var accuracy: Double
    /// Held-out accuracy in eval mode (running statistics), on the steps where it was measured.
    public var evaluation: Evaluation?
    /// One probe per normalized block, input side first.
    public var layers: [LayerProbe]
    /// The same batch run again in eval mode (running statistics), when the trainer was asked
    /// to measure it: the train/inference discrepancy on data the network has just seen.
    public var evalModeBatch: Evaluation?
    /// Set when this step produced a non-finite loss or probe: the run stops here.
    public var divergence: Divergence?
}

/// Accuracy and loss on the held-out split, with every normalization layer in eval mode.
public struct Evaluation: Sendable, Equatable {
    public var accuracy: Double
    public var loss: Double
}

/// The probes of one normalized block.
public struct LayerProbe: Sendable {
    /// The activations entering the normalization (the conv or linear output).
    public var pre: ActivationSummary
    /// The activations leaving it (before the ReLU).
    public var post: ActivationSummary
    /// The same, computed in eval mode, when the trainer measures it.
    public var evalModePost: ActivationSummary?
    /// The current batch's mean and (biased) variance per channel of the pre-norm activations,
    /// over N, H and W — what batch norm would use, measured for every variant.
    public var batchMean: [Double]
    public var batchVar: [Double]
    /// Batch norm's running statistics after this step's update; `nil` for other variants.
    public var runningMean: [Float]?
    public var runningVar: [Float]?
    /// ‖∂L/∂W‖ of the weights that feed this block.
    public var weightGradNorm: Double
    /// ‖∂L/∂x‖ of the pre-norm activations.
    public var activationGradNorm: Double
    /// ‖W‖ before the update.
    public var weightNorm: Double
    /// ‖ΔW‖ / ‖W‖ of this step's update: around 1e-3 is healthy, much more means a learning
    /// rate too large for this layer.
    public var updateRatio: Double
}

/// Where and why a run left the finite numbers.
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
    public var step: Int
    public var description: String

    public init(step: Int, description: String) {
        self.step = step
        self.description = description
    }
}

extension LayerProbe {
    /// The running mean averaged over the channels, one number per layer and step for records
    /// and plots; `nil` without running statistics.
    public var averageRunningMean: Double? { runningMean.map(Self.average) }
    /// The running variance averaged over the channels; `nil` without running statistics.
    public var averageRunningVar: Double? { runningVar.map(Self.average) }

    static func average(_ values: [Float]) -> Double {
        values.isEmpty ? .nan : values.reduce(0) { $0 + Double($1) } / Double(values.count)
    }
}

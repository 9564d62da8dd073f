/// A normalization layer: `y = γ·(x − μ)/σ + β`, with μ and σ shared by the elements of one
/// statistics group (glossary, "Mathematische Formalisierung"; Ioffe & Szegedy 2015, Alg. 1).
///
/// One type serves every variant; ``NormalizationConfig/variant`` decides the groups through
/// ``StatisticsLayout``, and nothing else in the arithmetic depends on it. Following llm.c,
/// the forward pass keeps only per-group statistics for the backward pass, never x̂: μ, σ²
/// and the inverse denominator r (``GroupStatistics``). σ² is kept besides r because with ε
/// outside the root the backward pass needs 1/σ, which r = 1/(σ+ε) does not give.
public struct Normalization: Sendable {
    public var config: NormalizationConfig
    /// C, the number of channels the affine parameters and running statistics cover.
    public let channels: Int
    /// γ, one scale per channel; `nil` when the layer is not affine.
    public var gamma: [Float]?
    /// β, one shift per channel; `nil` when the layer is not affine, and always for RMSNorm.
    public var beta: [Float]?
    /// Batch norm's running mean per channel, used in eval mode (empty for other variants).
    public var runningMean: [Float]
    /// Batch norm's running (unbiased) variance per channel, used in eval mode.
    public var runningVar: [Float]

    /// A fresh layer with PyTorch's initial values: γ = 1, β = 0, running mean 0, variance 1.
    public init(config: NormalizationConfig, channels: Int, affine: Bool = true) {
        let hasParameters = affine && config.variant != .none
        self.config = config
        self.channels = channels
        self.gamma = hasParameters ? Array(repeating: 1, count: channels) : nil
        self.beta = hasParameters && config.variant.hasShift ? Array(repeating: 0, count: channels) : nil
        let keeps = config.variant.keepsRunningStatistics
        self.runningMean = keeps ? Array(repeating: 0, count: channels) : []
        self.runningVar = keeps ? Array(repeating: 1, count: channels) : []
    }

    /// A layer with given parameters, as `normtui compute` reads them.
    /// - Throws: when a parameter's length is not C, or β is given to RMSNorm.
    public init(
        config: NormalizationConfig, channels: Int, gamma: [Float]?, beta: [Float]?,
        runningMean: [Float]? = nil, runningVar: [Float]? = nil
    ) throws(NormalizationError) {
        self.init(config: config, channels: channels, affine: false)
        func check(_ values: [Float]?, _ name: String) throws(NormalizationError) {
            if let values, values.count != channels {
                throw .invalidParameter("\(name) has \(values.count) values, expected one per channel (C = \(channels))")
            }
        }
        try check(gamma, "gamma")
        try check(beta, "beta")
        try check(runningMean, "running_mean")
        try check(runningVar, "running_var")
        if beta != nil, !config.variant.hasShift {
            throw .invalidParameter("\(config.variant.rawValue) normalization takes no beta: it only scales, it does not shift")
        }
        if gamma != nil, config.variant == .none {
            throw .invalidParameter("variant none takes no gamma: it is the identity")
        }
        if !config.variant.keepsRunningStatistics, runningMean != nil || runningVar != nil {
            throw .invalidParameter("only batch normalization keeps running statistics, \(config.variant.rawValue) does not")
        }
        if let runningVar, runningVar.contains(where: { !($0 >= 0) || !$0.isFinite }) {
            throw .invalidParameter("running_var must be finite and >= 0")
        }
        if let runningMean, runningMean.contains(where: { !$0.isFinite }) {
            throw .invalidParameter("running_mean must be finite")
        }
        self.gamma = gamma
        self.beta = beta
        if let runningMean { self.runningMean = runningMean }
        if let runningVar { self.runningVar = runningVar }
    }

    /// The denominator's inverse, 1/√(σ² + ε) or 1/(σ + ε).
    @inline(__always)
    func inverseStd(variance: Double) -> Double {
        switch config.epsPlacement {
        case .inside: 1 / (variance + config.eps).squareRoot()
        case .outside: 1 / (variance.squareRoot() + config.eps)
        }
    }

    /// Normalizes `x` of `shape` (NCHW). In train mode batch norm also updates its running
    /// statistics; in eval mode it uses them instead of the batch's. `threads` threads may share
    /// the work; the result is the same, bit for bit, for every count.
    /// - Throws: PyTorch's errors for shapes the variant cannot normalize.
    public mutating func forward(
        _ x: [Float], shape: TensorShape, mode: NormMode, threads: Int = 1
    ) throws(NormalizationError) -> NormalizationOutput {
        var y: [Float] = []
        let statistics = try forward(x, shape: shape, mode: mode, threads: threads, into: &y)
        return NormalizationOutput(y: y, statistics: statistics)
    }

    /// The same forward pass, writing y into a buffer the caller keeps from call to call: a
    /// fresh 8 MiB array costs 2048 page faults, more than normalizing it.
    /// - Parameters:
    ///   - x: the input, NCHW.
    ///   - shape: x's shape `[N, C, H, W]`.
    ///   - mode: train (the batch's statistics) or eval (batch norm's running statistics).
    ///   - threads: how many threads may share the work; the result is the same for every count.
    ///   - y: the output, replaced by a new array only when its length is not x's.
    /// - Returns: the statistics the backward pass needs.
    public mutating func forward(
        _ x: [Float], shape: TensorShape, mode: NormMode, threads: Int = 1, into y: inout [Float]
    ) throws(NormalizationError) -> GroupStatistics {
        try config.validate(shape: shape, mode: mode)
        guard x.count == shape.count else {
            throw .invalidShape("x has \(x.count) values, but shape \(shape.dims) holds \(shape.count)")
        }
        guard gamma.map({ $0.count == shape.c }) ?? true, shape.c == channels || config.variant == .none else {
            throw .invalidShape("the layer has \(channels) channels, but shape \(shape.dims) has C = \(shape.c)")
        }
        let layout = config.layout(for: shape)
        let usesRunning = config.variant.keepsRunningStatistics && mode == .eval
        var statistics = GroupStatistics(
            layout: layout, mean: [], variance: [], inverseStd: [], fromRunningStatistics: usesRunning)
        if config.variant == .none {
            y = x
            return statistics
        }
        let groupCount = layout.groupCount
        var mean = [Double](repeating: 0, count: groupCount)
        var variance = [Double](repeating: 0, count: groupCount)
        var inverse = [Double](repeating: 0, count: groupCount)
        if y.count != x.count {
            // Every element belongs to exactly one group, so every element of y gets written.
            y = [Float](unsafeUninitializedCapacity: x.count) { _, initialized in initialized = x.count }
        }
        let running = usesRunning ? (mean: runningMean, variance: runningVar) : nil
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                mean.withUnsafeMutableBufferPointer { meanb in
                    variance.withUnsafeMutableBufferPointer { varianceb in
                        inverse.withUnsafeMutableBufferPointer { inverseb in
                            let kernel = ForwardKernel(
                                layer: self, layout: layout, x: xb.baseAddress!, y: yb.baseAddress!,
                                mean: meanb.baseAddress!, variance: varianceb.baseAddress!,
                                inverseStd: inverseb.baseAddress!, running: running)
                            // Groups are independent: any split over threads gives the same bits.
                            Parallel.forEachChunk(count: groupCount, threads: threads, work: x.count) {
                                kernel.run(groups: $0)
                            }
                        }
                    }
                }
            }
        }
        if config.variant.keepsRunningStatistics, mode == .train {
            updateRunningStatistics(mean: mean, variance: variance, count: layout.elementsPerGroup)
        }
        statistics.mean = mean
        statistics.variance = variance
        statistics.inverseStd = inverse
        return statistics
    }

    /// PyTorch's rule: `running = (1 − m)·running + m·batch`, with the batch variance made
    /// unbiased (× n/(n−1)) before it enters the running variance.
    mutating func updateRunningStatistics(mean: [Double], variance: [Double], count: Int) {
        let m = config.momentum
        let bessel = count > 1 ? Double(count) / Double(count - 1) : 1
        for c in 0..<channels {
            runningMean[c] = Float((1 - m) * Double(runningMean[c]) + m * mean[c])
            runningVar[c] = Float((1 - m) * Double(runningVar[c]) + m * variance[c] * bessel)
        }
    }
}

/// What a forward pass produces: the output and the statistics it used.
public struct NormalizationOutput: Sendable {
    /// The normalized tensor, same shape as the input.
    public var y: [Float]
    public var statistics: GroupStatistics
}

/// The statistics of every group of one forward pass: the only values the backward pass
/// needs besides x (as llm.c keeps only mean and rstd).
public struct GroupStatistics: Sendable {
    public let layout: StatisticsLayout
    /// μ per group; 0 for RMSNorm, which does not center.
    public var mean: [Double]
    /// The biased σ² per group; for RMSNorm the mean square.
    public var variance: [Double]
    /// The inverse denominator 1/√(σ² + ε) or 1/(σ + ε) per group.
    public var inverseStd: [Double]
    /// True when batch norm in eval mode used its running statistics: they are constants to
    /// the backward pass.
    public var fromRunningStatistics: Bool
}

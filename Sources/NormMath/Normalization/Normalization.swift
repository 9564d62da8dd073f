/// A normalization layer: `y = γ·(x − μ)/σ + β`, with μ and σ shared by the elements of one
/// statistics group (glossary, "Mathematische Formalisierung"; Ioffe & Szegedy 2015, Alg. 1).
///
/// One type serves every variant; ``NormalizationConfig/variant`` decides the groups through
/// ``StatisticsLayout``, and nothing else in the arithmetic depends on it. Following llm.c,
/// the forward pass keeps only μ and 1/σ per group for the backward pass.
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
    /// statistics; in eval mode it uses them instead of the batch's.
    /// - Throws: PyTorch's errors for shapes the variant cannot normalize.
    public mutating func forward(
        _ x: [Float], shape: TensorShape, mode: NormMode, threads: Int = 1
    ) throws(NormalizationError) -> NormalizationOutput {
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
            return NormalizationOutput(y: x, statistics: statistics)
        }
        let groupCount = layout.groupCount
        var mean = [Double](repeating: 0, count: groupCount)
        var variance = [Double](repeating: 0, count: groupCount)
        var inverse = [Double](repeating: 0, count: groupCount)
        var y = [Float](repeating: 0, count: x.count)
        let hw = shape.spatial
        let planesPerSegment = layout.segmentLength / hw
        let centers = config.variant.centers
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                let xp = xb.baseAddress!, yp = yb.baseAddress!
                for g in 0..<groupCount {
                    if usesRunning {
                        (mean[g], variance[g]) = (Double(runningMean[g]), Double(runningVar[g]))
                    } else if centers {
                        (mean[g], variance[g]) = Moments.meanAndVariance(
                            xp + layout.segmentStart(group: g, segment: 0), segmentCount: layout.segmentsPerGroup,
                            segmentLength: layout.segmentLength, segmentStride: layout.segmentStride,
                            algorithm: config.varianceAlgorithm)
                    } else {
                        variance[g] = Moments.meanSquare(
                            xp + layout.segmentStart(group: g, segment: 0), segmentCount: layout.segmentsPerGroup,
                            segmentLength: layout.segmentLength, segmentStride: layout.segmentStride)
                    }
                    let r = inverseStd(variance: variance[g])
                    inverse[g] = r
                    for segment in 0..<layout.segmentsPerGroup {
                        let segmentStart = layout.segmentStart(group: g, segment: segment)
                        for plane in 0..<planesPerSegment {
                            let start = segmentStart + plane * hw
                            let c = shape.channel(ofFlatIndex: start)
                            let scale = r * Double(gamma?[c] ?? 1)
                            Reduce.normalize(
                                xp + start, yp + start, hw, mean: Float(mean[g]), scale: Float(scale),
                                shift: beta?[c] ?? 0)
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
        return NormalizationOutput(y: y, statistics: statistics)
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

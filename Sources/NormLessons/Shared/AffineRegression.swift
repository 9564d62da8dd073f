import NormMath

/// A regression through a normalization layer that is the model's last layer, so that
/// nothing after it can give back what it removes (glossary, "Grundprinzip: Skalierbare
/// Reparametrisierung"):
///
///     x[N, D] → linear (no bias) → h[N, C] → batch norm → y[N, C],   loss = mean (y − t)²
///
/// The target of channel c is `t_c = μ_c + σ_c·(u_c·x)` with a unit vector u_c drawn from the
/// seed and x standard normal, so `u_c·x` has mean 0 and variance 1: the linear layer can find
/// the direction, and only γ_c and β_c can give the target its scale σ_c and shift μ_c. Without
/// them the output of every channel has mean 0 and variance 1 over the batch, and the loss can
/// go no lower than the mean over the channels of μ_c² + (σ_c − 1)² (``lossFloorWithoutAffine``).
///
/// Runs with the same seed share the initial weights, the batches and the held-out set, so
/// that the affine parameters are the only difference between them.
public struct AffineRegression: Sendable {
    /// D, the input's width.
    public static let inputs = 8
    /// σ_c, the scale each target channel needs.
    public static let targetScales: [Double] = [3, 0.5, 2, 1]
    /// μ_c, the shift each target channel needs.
    public static let targetShifts: [Double] = [2, -1, 0, 0.5]
    /// C, the normalized channels.
    public static var channels: Int { targetScales.count }
    public static let batchSize = 256
    public static let heldOutCount = 2048
    public static let learningRate: Float = 0.05
    public static let momentum: Float = 0.9

    /// The lowest loss a model whose outputs have mean 0 and variance 1 per channel can reach
    /// on these targets: per channel, E[(ŷ − t)²] = 1 + μ² + σ² − 2σ·corr(ŷ, t) ≥ μ² + (σ − 1)².
    public static var lossFloorWithoutAffine: Double {
        zip(targetShifts, targetScales).map { $0 * $0 + ($1 - 1) * ($1 - 1) }.reduce(0, +) / Double(channels)
    }

    public let affine: Bool
    public private(set) var linear: Linear
    public private(set) var norm: Normalization
    private var optimizer = SGD(learningRate: learningRate, momentum: momentum)
    /// u_c, `[C, D]`, each row of length 1.
    private let directions: [Float]
    private var data: SeededGenerator
    private let heldOut: (x: [Float], t: [Float])
    public private(set) var stepCount = 0
    /// The training loss of every step.
    public private(set) var loss = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    /// Per channel, γ_c after every step (empty without affine parameters).
    public private(set) var gammaHistory: [RingBuffer<Double>]
    /// Per channel, β_c after every step (empty without affine parameters).
    public private(set) var betaHistory: [RingBuffer<Double>]
    /// The held-out loss in eval mode (running statistics), after every step.
    public private(set) var heldOutLoss = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
    /// The last batch's pre-normalization activations h, `[N, C]`.
    public private(set) var lastPre: [Float] = []

    public init(seed: UInt64, affine: Bool) {
        self.affine = affine
        let (d, c) = (Self.inputs, Self.channels)
        var weights = SeededGenerator(seed: seed, stream: 0)
        linear = Linear(inFeatures: d, outFeatures: c, bias: false, using: &weights)
        norm = Normalization(config: NormalizationConfig(variant: .batch), channels: c, affine: affine)
        var directionGenerator = SeededGenerator(seed: seed, stream: 1)
        var directions = [Float]()
        for _ in 0..<c {
            let row = (0..<d).map { _ in Double(directionGenerator.nextNormal()) }
            let length = row.map { $0 * $0 }.reduce(0, +).squareRoot()
            directions += row.map { Float($0 / length) }
        }
        self.directions = directions
        data = SeededGenerator(seed: seed, stream: 2)
        var heldOutGenerator = SeededGenerator(seed: seed, stream: 3)
        heldOut = Self.sample(Self.heldOutCount, directions: directions, using: &heldOutGenerator)
        gammaHistory = affine ? Array(repeating: RingBuffer(capacity: TrainingHistory.defaultCapacity), count: c) : []
        betaHistory = gammaHistory
    }

    /// `count` inputs x ~ N(0, 1) and their targets, both flat `[count, ·]`.
    private static func sample(_ count: Int, directions: [Float], using generator: inout SeededGenerator) -> (x: [Float], t: [Float]) {
        let (d, c) = (inputs, channels)
        let x = (0..<(count * d)).map { _ in generator.nextNormal() }
        var t = [Float](repeating: 0, count: count * c)
        for n in 0..<count {
            for channel in 0..<c {
                var projection = 0.0
                for i in 0..<d { projection += Double(directions[channel * d + i]) * Double(x[n * d + i]) }
                t[n * c + channel] = Float(targetShifts[channel] + targetScales[channel] * projection)
            }
        }
        return (x, t)
    }

    /// One SGD step on a fresh batch, then the held-out loss.
    public mutating func step() {
        let n = Self.batchSize, c = Self.channels
        let batch = Self.sample(n, directions: directions, using: &data)
        let h = linear.forward(batch.x, batch: n)
        let shape = TensorShape(n: n, c: c)
        guard let output = try? norm.forward(h, shape: shape, mode: .train) else {
            preconditionFailure("batch norm refused a batch of \(n)")
        }
        let (batchLoss, dy) = MeanSquaredError.evaluate(output.y, batch.t)
        let gradients = norm.backward(dy: dy, x: h, statistics: output.statistics)
        var linearGradients = Linear.Gradients(for: linear)
        _ = linear.backward(dy: gradients.dx, x: batch.x, batch: n, gradients: &linearGradients)
        // Slots: 0 the linear weight, 1 γ, 2 β.
        optimizer.step(&linear.weight, gradient: linearGradients.weight, slot: 0)
        if let dgamma = gradients.dgamma { optimizer.step(&norm.gamma!, gradient: dgamma, slot: 1) }
        if let dbeta = gradients.dbeta { optimizer.step(&norm.beta!, gradient: dbeta, slot: 2) }
        stepCount += 1
        lastPre = h
        loss.append(batchLoss)
        if let gamma = norm.gamma, let beta = norm.beta {
            for channel in 0..<c {
                gammaHistory[channel].append(Double(gamma[channel]))
                betaHistory[channel].append(Double(beta[channel]))
            }
        }
        heldOutLoss.append(evaluate())
    }

    /// The loss on the held-out set in eval mode: batch norm uses its running statistics.
    public func evaluate() -> Double {
        var copy = norm
        let count = Self.heldOutCount
        let h = linear.forward(heldOut.x, batch: count)
        guard let y = try? copy.forward(h, shape: TensorShape(n: count, c: Self.channels), mode: .train).y else { return .nan }
        return MeanSquaredError.evaluate(y, heldOut.t).loss
    }

    /// The lowest loss any output with mean 0 and standard deviation 1 per channel reaches on
    /// the held-out targets: ``lossFloorWithoutAffine`` with the set's own means and standard
    /// deviations (biased) in place of μ_c and σ_c, which a finite sample only comes near.
    public var heldOutFloor: Double {
        let c = Self.channels, count = Self.heldOutCount
        var total = 0.0
        for channel in 0..<c {
            let values = (0..<count).map { Double(heldOut.t[$0 * c + channel]) }
            let mean = values.reduce(0, +) / Double(count)
            let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count)).squareRoot()
            total += mean * mean + (deviation - 1) * (deviation - 1)
        }
        return total / Double(c)
    }

    /// The mean of the last `steps` values of `history` (γ or β of one channel, a loss).
    public static func recentMean(_ history: RingBuffer<Double>, steps: Int) -> Double? {
        let values = history.suffix(steps)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The mean held-out loss over the last `steps` steps.
    public func recentHeldOutLoss(steps: Int) -> Double? {
        let losses = heldOutLoss.suffix(steps)
        return losses.isEmpty ? nil : losses.reduce(0, +) / Double(losses.count)
    }
}

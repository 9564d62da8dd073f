import Foundation
import NormMath

/// Lesson 10's model: a GRU over the sequence (``GatedRecurrentUnit``, with or without layer
/// norm) and a linear read-out of its last hidden state, ŷ = w·h_T + b, trained on the mean
/// squared error with Adam (Kingma & Ba 2015) and the whole gradient clipped to norm 1 — the
/// usual recipe for recurrent networks (Pascanu et al. 2013), the same for both runs.
public struct RecurrentRegressor: Sendable {
    public private(set) var unit: GatedRecurrentUnit
    /// The read-out w, `[H]`, and b.
    public private(set) var readout: [Float]
    public private(set) var readoutBias: Float
    public let learningRate: Double
    public static let clipNorm = 1.0
    private var adam: Adam

    /// What a look at one batch shows without changing the model.
    public struct Probe: Sendable, Equatable {
        public let loss: Double
        /// ‖∂L/∂h_t‖ over the batch for t = 1 … T: how much of the error reaches step t.
        public let gradientNorms: [Double]
        /// The standard deviation of h_t's entries (every sample and unit) for t = 1 … T.
        public let hiddenSpread: [Double]
    }

    /// - Parameters:
    ///   - layerNormalized: the unit's recurrent summed inputs layer-normalized or not; the
    ///     weights are the same either way (drawn from `seed` alone).
    public init(seed: UInt64, hiddenSize: Int, layerNormalized: Bool, learningRate: Double) {
        var generator = SeededGenerator(seed: seed, stream: 16)
        unit = GatedRecurrentUnit(
            inputSize: AddingProblem.features, hiddenSize: hiddenSize, layerNormalized: layerNormalized, using: &generator)
        let bound = 1 / Float(hiddenSize).squareRoot()
        readout = (0..<hiddenSize).map { _ in generator.nextUniform(in: -bound, bound) }
        readoutBias = generator.nextUniform(in: -bound, bound)
        self.learningRate = learningRate
        adam = Adam(sizes: [
            unit.weightIH.count, unit.weightHH.count, unit.biasIH.count, unit.biasHH.count, unit.gamma.count,
            unit.beta.count, hiddenSize, 1,
        ])
    }

    /// Forward and backward on one batch: the loss, the unit's gradients, the read-out's, and
    /// what the probe reports.
    func evaluate(_ x: [Float], targets: [Float]) -> (probe: Probe, gradients: [[Float]]) {
        let count = targets.count, h = unit.hiddenSize
        let pass = unit.forward(x, batch: count)
        let last = pass.hidden[pass.steps]
        var prediction = [Float](repeating: readoutBias, count: count)
        for n in 0..<count {
            for u in 0..<h { prediction[n] += readout[u] * last[n * h + u] }
        }
        let (loss, dy) = MeanSquaredError.evaluate(prediction, targets)
        var dLast = [Float](repeating: 0, count: count * h), dReadout = [Float](repeating: 0, count: h)
        var dBias: Float = 0
        for n in 0..<count {
            dBias += dy[n]
            for u in 0..<h {
                dReadout[u] += dy[n] * last[n * h + u]
                dLast[n * h + u] = dy[n] * readout[u]
            }
        }
        var gradients = GatedRecurrentUnit.Gradients(for: unit)
        let outside = [[Float]](repeating: [], count: pass.steps - 1) + [dLast]
        let totals = unit.backward(dHidden: outside, x: x, pass: pass, gradients: &gradients).dHidden
        let spread = pass.hidden.dropFirst().map(Self.standardDeviation)
        let probe = Probe(loss: loss, gradientNorms: totals.map(\.euclideanNorm), hiddenSpread: spread)
        return (probe, [
            gradients.weightIH, gradients.weightHH, gradients.biasIH, gradients.biasHH, gradients.gamma, gradients.beta,
            dReadout, [dBias],
        ])
    }

    /// Looks at one batch: loss, per-step gradient norms, hidden spread.
    public func probe(_ x: [Float], targets: [Float]) -> Probe { evaluate(x, targets: targets).probe }

    /// One training step; returns the loss before it.
    public mutating func train(_ x: [Float], targets: [Float]) -> Double {
        let (probe, gradients) = evaluate(x, targets: targets)
        let norm = gradients.reduce(0.0) { $0 + $1.sumOfSquares }.squareRoot()
        let scale = norm > Self.clipNorm ? Self.clipNorm / norm : 1
        var parameters = [unit.weightIH, unit.weightHH, unit.biasIH, unit.biasHH, unit.gamma, unit.beta, readout, [readoutBias]]
        adam.update(&parameters, gradients: gradients, scale: scale, learningRate: learningRate)
        unit.weightIH = parameters[0]
        unit.weightHH = parameters[1]
        unit.biasIH = parameters[2]
        unit.biasHH = parameters[3]
        if unit.layerNormalized {
            unit.gamma = parameters[4]
            unit.beta = parameters[5]
        }
        readout = parameters[6]
        readoutBias = parameters[7][0]
        return probe.loss
    }

    static func standardDeviation(_ values: [Float]) -> Double {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        return variance.squareRoot()
    }
}

/// Adam (Kingma & Ba 2015) with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e-8), over a fixed
/// list of parameter arrays. Moments in Double.
struct Adam: Sendable {
    private var first: [[Double]], second: [[Double]]
    private var steps = 0
    static let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)

    init(sizes: [Int]) {
        first = sizes.map { [Double](repeating: 0, count: $0) }
        second = first
    }

    /// One step on `parameters` with `gradients` × `scale` (the clipping factor).
    mutating func update(_ parameters: inout [[Float]], gradients: [[Float]], scale: Double, learningRate: Double) {
        steps += 1
        let correction1 = 1 - Foundation.pow(Self.beta1, Double(steps)), correction2 = 1 - Foundation.pow(Self.beta2, Double(steps))
        for array in parameters.indices {
            for index in parameters[array].indices {
                let g = Double(gradients[array][index]) * scale
                first[array][index] = Self.beta1 * first[array][index] + (1 - Self.beta1) * g
                second[array][index] = Self.beta2 * second[array][index] + (1 - Self.beta2) * g * g
                let step = learningRate * (first[array][index] / correction1) / ((second[array][index] / correction2).squareRoot() + Self.epsilon)
                parameters[array][index] -= Float(step)
            }
        }
    }
}

import NormMath

/// A small forecaster over a look-back window, with or without RevIN around it (Kim et al.
/// 2022, Fig. 2):
///
///     x[N, L] → (RevIN normalize) → linear L→K → ReLU → linear K→H → (RevIN denormalize) → ŷ[N, H]
///
/// trained by SGD on the mean squared error of the forecast in the series' own units — for the
/// RevIN model after denormalization, as in the paper. Two forecasters built from one seed
/// start from the same weights and, given the same batches, differ only by RevIN.
public struct Forecaster: Sendable {
    /// K, the hidden units.
    public static let hiddenUnits = 64
    public static let learningRate: Float = 0.01
    public static let momentum: Float = 0.9

    public let reversible: Bool
    public private(set) var hidden: Linear
    public private(set) var output: Linear
    /// The RevIN layer (one variable); `nil` for the plain forecaster.
    public private(set) var revin: ReversibleInstanceNormalization?
    private var optimizer = SGD(learningRate: learningRate, momentum: momentum)

    public init(seed: UInt64, reversible: Bool) {
        self.reversible = reversible
        var generator = SeededGenerator(seed: seed, stream: 11)
        hidden = Linear(inFeatures: ShiftedSeries.lookBack, outFeatures: Self.hiddenUnits, bias: true, using: &generator)
        output = Linear(inFeatures: Self.hiddenUnits, outFeatures: ShiftedSeries.horizon, bias: true, using: &generator)
        revin = reversible ? ReversibleInstanceNormalization(channels: 1) : nil
    }

    /// What one forward pass keeps for the backward pass.
    struct Pass {
        var input: [Float]
        var statistics: ReversibleInstanceNormalization.Statistics?
        var hiddenOutput: [Float]
        var prediction: [Float]
        var forecast: [Float]
    }

    func forward(_ x: [Float], count n: Int) -> Pass {
        var input = x
        var statistics: ReversibleInstanceNormalization.Statistics?
        if let revin {
            (input, statistics) = revin.normalize(x, length: ShiftedSeries.lookBack)
        }
        let hiddenOutput = ReLU.forward(hidden.forward(input, batch: n))
        let prediction = output.forward(hiddenOutput, batch: n)
        let forecast = statistics.map { revin!.denormalize(prediction, statistics: $0) } ?? prediction
        return Pass(input: input, statistics: statistics, hiddenOutput: hiddenOutput, prediction: prediction, forecast: forecast)
    }

    /// The forecasts `[N, H]` for the look-backs `x` `[N, L]`.
    public func predict(_ x: [Float], count n: Int) -> [Float] {
        forward(x, count: n).forecast
    }

    /// One SGD step on the batch; returns its mean squared error.
    @discardableResult
    public mutating func train(_ x: [Float], targets: [Float], count n: Int) -> Double {
        let pass = forward(x, count: n)
        let (loss, dForecast) = MeanSquaredError.evaluate(pass.forecast, targets)
        var revinGradients = ReversibleInstanceNormalizationGradients(channels: 1)
        var dPrediction = dForecast
        var statisticsGradients: (mean: [Double], deviation: [Double])?
        if let revin, let statistics = pass.statistics {
            let back = revin.denormalizeBackward(
                dy: dForecast, prediction: pass.prediction, statistics: statistics, gradients: &revinGradients)
            dPrediction = back.dPrediction
            statisticsGradients = (back.dMean, back.dStandardDeviation)
        }
        var outputGradients = Linear.Gradients(for: output), hiddenGradients = Linear.Gradients(for: hidden)
        let dHiddenOutput = output.backward(dy: dPrediction, x: pass.hiddenOutput, batch: n, gradients: &outputGradients)
        let dHidden = ReLU.backward(dy: dHiddenOutput, y: pass.hiddenOutput)
        let dInput = hidden.backward(dy: dHidden, x: pass.input, batch: n, gradients: &hiddenGradients)
        if let revin, let statistics = pass.statistics, let statisticsGradients {
            // dx itself is unused (x is data); the call adds the normalization's share of dγ, dβ.
            _ = revin.normalizeBackward(
                dNormalized: dInput, x: x, statistics: statistics, dMean: statisticsGradients.mean,
                dStandardDeviation: statisticsGradients.deviation, gradients: &revinGradients)
        }
        // Slots: 0, 1 the hidden layer's W and b; 2, 3 the output layer's; 4, 5 RevIN's γ and β.
        optimizer.step(&hidden.weight, gradient: hiddenGradients.weight, slot: 0)
        optimizer.step(&hidden.bias!, gradient: hiddenGradients.bias!, slot: 1)
        optimizer.step(&output.weight, gradient: outputGradients.weight, slot: 2)
        optimizer.step(&output.bias!, gradient: outputGradients.bias!, slot: 3)
        if revin != nil {
            optimizer.step(&revin!.gamma, gradient: revinGradients.gamma, slot: 4)
            optimizer.step(&revin!.beta, gradient: revinGradients.beta, slot: 5)
        }
        return loss
    }

    /// The mean squared error of the forecasts of `windows`.
    public func error(on data: ShiftedSeries, windows: [ShiftedSeries.Window]) -> Double {
        let batch = data.batch(windows)
        return MeanSquaredError.evaluate(predict(batch.x, count: windows.count), batch.y).loss
    }
}

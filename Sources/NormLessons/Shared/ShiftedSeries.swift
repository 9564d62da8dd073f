import Foundation
import NormMath

/// Synthetic time series whose level and scale change between the training period and the
/// test period, so that the test lies outside what training showed (the distribution shift of
/// Kim et al. 2022, Fig. 1). Per series i, a periodic pattern with noise,
///
///     p_i(t) = sin(2πt/P_i + φ_i) + ½·sin(6πt/P_i + ψ_i) + 0.2·noise
///     s_i(t) = a_i + b_i·p_i(t)                       in the training period (t < 336)
///     s_i(t) = a_i + j_i + b_i·k_i·p_i(t)             in the test period
///
/// with a level a_i in ±0.5, a swing b_i in 0.5…1, a jump j_i of 3…5 and a stretch k_i of
/// 2…3. Everything is standardized by the mean and standard deviation of the *training
/// period* (what a forecaster without RevIN is given, the usual preprocessing), so errors are
/// in those units. The noise grows with the stretch, so even a perfect forecaster's error is
/// larger in the test period.
public struct ShiftedSeries: Sendable {
    public static let seriesCount = 8
    /// T, the steps of every series.
    public static let length = 480
    /// The training period is t < ``trainingLength``; the test period the rest.
    public static let trainingLength = 336
    /// L, the look-back window.
    public static let lookBack = 48
    /// H, the forecast horizon.
    public static let horizon = 12

    /// The standardized series, `[seriesCount][length]`.
    public let values: [[Float]]
    /// The training period's mean and standard deviation, in the raw units.
    public let trainingMean: Double
    public let trainingStandardDeviation: Double

    public init(seed: UInt64) {
        var generator = SeededGenerator(seed: seed, stream: 10)
        let raw: [[Double]] = (0..<Self.seriesCount).map { _ in
            let level = Double(generator.nextUniform(in: -0.5, 0.5))
            let swing = Double(generator.nextUniform(in: 0.5, 1))
            let jump = Double(generator.nextUniform(in: 3, 5))
            let stretch = Double(generator.nextUniform(in: 2, 3))
            let period = Double([12, 16, 24][generator.nextInt(below: 3)])
            let phase = Double(generator.nextUniform(in: 0, 2 * .pi)), phase3 = Double(generator.nextUniform(in: 0, 2 * .pi))
            return (0..<Self.length).map { step in
                let time = Double(step)
                let pattern = sin(2 * .pi * time / period + phase) + 0.5 * sin(6 * .pi * time / period + phase3)
                    + 0.2 * Double(generator.nextNormal())
                let shifted = step >= Self.trainingLength
                return level + (shifted ? jump : 0) + swing * (shifted ? stretch : 1) * pattern
            }
        }
        let training = raw.flatMap { $0[0..<Self.trainingLength] }
        let mean = training.reduce(0, +) / Double(training.count)
        let deviation = (training.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(training.count)).squareRoot()
        trainingMean = mean
        trainingStandardDeviation = deviation
        values = raw.map { series in series.map { Float(($0 - mean) / deviation) } }
    }

    /// One window: series `series`, look-back from `start`, horizon after it.
    public struct Window: Sendable, Hashable {
        public let series: Int
        public let start: Int
    }

    /// Every window whose look-back and horizon lie in the training period.
    public static var trainingWindows: [Window] {
        (0..<seriesCount).flatMap { series in
            (0...(trainingLength - lookBack - horizon)).map { Window(series: series, start: $0) }
        }
    }

    /// Every window whose look-back and horizon lie in the test period.
    public static var testWindows: [Window] {
        (0..<seriesCount).flatMap { series in
            (trainingLength...(length - lookBack - horizon)).map { Window(series: series, start: $0) }
        }
    }

    /// The look-backs `[N, 1, L]` and horizons `[N, 1, H]` of `windows`, flat.
    public func batch(_ windows: [Window]) -> (x: [Float], y: [Float]) {
        var x = [Float](), y = [Float]()
        x.reserveCapacity(windows.count * Self.lookBack)
        y.reserveCapacity(windows.count * Self.horizon)
        for window in windows {
            let series = values[window.series]
            x += series[window.start..<(window.start + Self.lookBack)]
            y += series[(window.start + Self.lookBack)..<(window.start + Self.lookBack + Self.horizon)]
        }
        return (x, y)
    }
}

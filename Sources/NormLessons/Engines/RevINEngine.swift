import NormMath

/// Lesson 18's experiment (glossary: "Aktueller Forschungsstand — Zeitreihen-spezifische
/// Normalisierungsvarianten"; Kim et al. 2022): two forecasters, the same MLP from the same
/// initial weights on the same batches, one with RevIN around it (``Forecaster``), trained on
/// the training period of series whose level and scale drift (``ShiftedSeries``) and measured
/// on the test period, which lies beyond both.
public struct RevINEngine: LessonEngine {
    public static let batchSize = 32
    /// Steps between two measurements of the errors.
    public static let evaluationInterval = 25

    /// One seed's data, forecasters and measurements.
    public struct SeedRun: Sendable {
        public let data: ShiftedSeries
        /// The plain forecaster, then the one with RevIN.
        public var forecasters: [Forecaster]
        var batches: SeededGenerator
        /// Per forecaster, the mean squared error on the training period's and the test
        /// period's windows, at every measurement.
        public var trainingError: [RingBuffer<Double>]
        public var testError: [RingBuffer<Double>]
    }

    public private(set) var runs: [SeedRun]
    public let seeds: LessonSeeds
    public private(set) var stepCount = 0
    /// The steps the errors were measured at.
    public private(set) var measuredSteps = RingBuffer<Int>(capacity: TrainingHistory.defaultCapacity)
    /// The test window the screen draws.
    public private(set) var shownWindow: Int

    /// The training period's windows the error is measured on: every third one.
    static let trainingSample: [ShiftedSeries.Window] = ShiftedSeries.trainingWindows.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
    /// The test period's windows, every one.
    public static let testWindows = ShiftedSeries.testWindows

    public init(seeds: LessonSeeds = .standard) {
        self.seeds = seeds
        runs = seeds.all.map { seed in
            let buffer = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
            return SeedRun(
                data: ShiftedSeries(seed: seed),
                forecasters: [Forecaster(seed: seed, reversible: false), Forecaster(seed: seed, reversible: true)],
                batches: SeededGenerator(seed: seed, stream: 12), trainingError: [buffer, buffer], testError: [buffer, buffer])
        }
        // The last window of the first series: the furthest from the training period.
        shownWindow = ShiftedSeries.testWindows.count / ShiftedSeries.seriesCount - 1
        measure()
    }

    public mutating func advance() {
        let windows = ShiftedSeries.trainingWindows
        for index in runs.indices {
            var picked = [ShiftedSeries.Window]()
            for _ in 0..<Self.batchSize { picked.append(windows[runs[index].batches.nextInt(below: windows.count)]) }
            let batch = runs[index].data.batch(picked)
            for model in runs[index].forecasters.indices {
                runs[index].forecasters[model].train(batch.x, targets: batch.y, count: Self.batchSize)
            }
        }
        stepCount += 1
        if stepCount % Self.evaluationInterval == 0 { measure() }
    }

    private mutating func measure() {
        for index in runs.indices {
            for model in runs[index].forecasters.indices {
                let forecaster = runs[index].forecasters[model], data = runs[index].data
                runs[index].trainingError[model].append(forecaster.error(on: data, windows: Self.trainingSample))
                runs[index].testError[model].append(forecaster.error(on: data, windows: Self.testWindows))
            }
        }
        measuredSteps.append(stepCount)
    }

    /// The latest test-period error of forecaster `model` (0 plain, 1 RevIN) on seed number `seed`.
    public func testError(_ model: Int, seed: Int = 0) -> Double? { runs[seed].testError[model].last }
    /// The latest training-period error.
    public func trainingError(_ model: Int, seed: Int = 0) -> Double? { runs[seed].trainingError[model].last }

    /// The error of repeating the last value of the look-back over the horizon, on the test
    /// period: the forecast that needs no learning, as a yardstick.
    public func lastValueTestError(seed: Int = 0) -> Double {
        let batch = runs[seed].data.batch(Self.testWindows)
        let (l, h) = (ShiftedSeries.lookBack, ShiftedSeries.horizon)
        let repeated = (0..<Self.testWindows.count).flatMap { n in Array(repeating: batch.x[n * l + l - 1], count: h) }
        return MeanSquaredError.evaluate(repeated, batch.y).loss
    }

    /// The shown test window on the first seed: look-back, truth, and each forecaster's forecast.
    public func shownForecast() -> (lookBack: [Float], truth: [Float], forecasts: [[Float]]) {
        let batch = runs[0].data.batch([Self.testWindows[shownWindow]])
        return (batch.x, batch.y, runs[0].forecasters.map { $0.predict(batch.x, count: 1) })
    }

    public var keys: [LessonKey] {
        [LessonKey("f", help: Localized(en: "next series", de: "nächste Reihe"))]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        guard key == "f" else { return nil }
        // Jump to the same place in the next series.
        let perSeries = Self.testWindows.count / ShiftedSeries.seriesCount
        shownWindow = (shownWindow + perSeries) % Self.testWindows.count
        let series = Self.testWindows[shownWindow].series + 1
        return Localized(en: "series \(series), last test window", de: "Reihe \(series), letztes Testfenster")
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (model, prefix) in ["plain", "revin"].enumerated() {
            record.append("\(prefix)_training_error", trainingError(model))
            record.append("\(prefix)_test_error", testError(model))
        }
        record.append("last_value_test_error", lastValueTestError())
        record.append("revin_gamma", runs[0].forecasters[1].revin.map { Double($0.gamma[0]) })
        record.append("revin_beta", runs[0].forecasters[1].revin.map { Double($0.beta[0]) })
        return record
    }
}

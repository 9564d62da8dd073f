import Foundation
import NormMath

/// Lesson 12, RMSNorm (Zhang & Sennrich 2019): layer norm without centering, y = x/√(ms + ε).
/// On zero-mean inputs it is layer norm; an offset in the input survives in its output.
enum RMSNormLesson {
    static let lesson = Lesson(
        id: "rmsnorm", number: 12, section: "Hauptvarianten",
        title: Localized(en: "RMSNorm: layer norm without centering", de: "RMSNorm: Layer Norm ohne Zentrierung"),
        summary: Localized(
            en: "on zero-mean inputs RMSNorm equals layer norm; an input offset survives in its output",
            de: "bei mittelwertfreien Eingaben ist RMSNorm gleich Layer Norm; ein Offset der Eingabe überlebt in der Ausgabe"),
        pages: [
            LessonPage(
                title: Localized(en: "No μ", de: "Kein μ"),
                text: Localized(
                    en: """
                    RMSNorm (Zhang & Sennrich 2019) normalizes each sample like layer norm, but skips the mean: y = γ·x / √(ms + ε), with ms the mean of x². One statistic less to compute — LLaMA and many other LLMs use it.

                    When a sample's mean is 0, ms is its variance and the two layers agree exactly: look at max |Δy| with offset 0.
                    """,
                    de: """
                    RMSNorm (Zhang & Sennrich 2019) normalisiert jedes Sample wie Layer Normalization, lässt aber den Mittelwert weg: y = γ·x / √(ms + ε), ms ist der Mittelwert von x². Eine Statistik weniger — LLaMA und viele andere LLMs verwenden sie.

                    Hat ein Sample den Mittelwert 0, ist ms seine Varianz, und beide Schichten stimmen genau überein: siehe max |Δy| bei Offset 0.
                    """)),
            LessonPage(
                title: Localized(en: "An offset survives", de: "Ein Offset überlebt"),
                text: Localized(
                    en: """
                    Press o to add an offset a to every input (O takes it back). The inputs have spread 1, so ms = 1 + a².

                    • Layer norm subtracts μ = a: its output keeps mean 0 and σ 1 whatever a is.
                    • RMSNorm divides by √(1 + a²): its output has mean a/√(1 + a²) and spread 1/√(1 + a²). The offset survives, and the information in the spread is squeezed toward a constant.

                    Compare the two histograms on their common axis.
                    """,
                    de: """
                    Drücke o, um zu jeder Eingabe einen Offset a zu addieren (O nimmt ihn zurück). Die Eingaben haben die Streuung 1, also ms = 1 + a².

                    • Layer Normalization zieht μ = a ab: ihre Ausgabe behält Mittelwert 0 und σ 1, was auch immer a ist.
                    • RMSNorm teilt durch √(1 + a²): ihre Ausgabe hat den Mittelwert a/√(1 + a²) und die Streuung 1/√(1 + a²). Der Offset überlebt, und die Information in der Streuung wird zu einer Konstanten zusammengedrückt.

                    Vergleiche die beiden Histogramme auf der gemeinsamen Achse.
                    """)),
            LessonPage(
                title: Localized(en: "In training", de: "Im Training"),
                text: Localized(
                    en: """
                    Space trains the same conv network on the digits twice, once with layer norm and once with RMSNorm (same seed, data and initial weights); the chart shows both losses.

                    Inside a network the pre-activations have small means, the following layers can absorb an offset, and RMSNorm usually trains about as well — the reason it could replace layer norm in large models.
                    """,
                    de: """
                    Die Leertaste trainiert dasselbe Faltungsnetz zweimal auf den Ziffern, einmal mit Layer Normalization und einmal mit RMSNorm (gleicher Seed, gleiche Daten und Anfangsgewichte); das Diagramm zeigt beide Verluste.

                    Im Netz haben die Voraktivierungen kleine Mittelwerte, die folgenden Schichten können einen Offset auffangen, und RMSNorm trainiert meist etwa gleich gut — deshalb konnte sie Layer Normalization in großen Modellen ersetzen.
                    """)),
        ],
        makeEngine: { RMSNormEngine() })
}

/// The same offset inputs through layer norm and RMSNorm; each step trains both variants once.
struct RMSNormEngine: LessonEngine {
    static let shape = TensorShape(n: 8, c: 4, h: 4, w: 4)
    static let offsets: [Float] = [0, 0.25, 0.5, 1, 2, 4, 8]
    /// The common histogram axis of both outputs.
    static let axis: ClosedRange<Double> = -3...3
    static let binCount = 48

    /// Per sample: mean exactly 0, standard deviation exactly 1 (before rounding to Float).
    let noise: [Float]
    private(set) var offsetIndex = 0
    private(set) var comparison: Comparison
    var runs: LessonRuns
    private(set) var stepCount = 0

    /// Both layers on `noise + offset`.
    struct Comparison: Sendable {
        var offset: Float
        var input: [Float]
        var layerNorm: [Float]
        var rmsNorm: [Float]

        init(noise: [Float], offset: Float) {
            self.offset = offset
            input = noise.map { $0 + offset }
            layerNorm = Self.normalize(input, variant: .layer)
            rmsNorm = Self.normalize(input, variant: .rms)
        }

        static func normalize(_ x: [Float], variant: NormVariant) -> [Float] {
            var layer = Normalization(config: NormalizationConfig(variant: variant), channels: RMSNormEngine.shape.c)
            do {
                return try layer.forward(x, shape: RMSNormEngine.shape, mode: .train).y
            } catch {
                preconditionFailure("the lesson's tensor fits layer norm and RMSNorm: \(error)")
            }
        }

        var largestDifference: Double {
            zip(layerNorm, rmsNorm).reduce(0.0) { max($0, Double(abs($1.0 - $1.1))) }
        }

        /// What RMSNorm's output mean should be: a/√(1 + a² + ε), as ms = 1 + a².
        var predictedRMSMean: Double { Double(offset) * predictedRMSSpread }

        /// What RMSNorm's output spread should be: 1/√(1 + a² + ε).
        var predictedRMSSpread: Double {
            let a = Double(offset)
            return 1 / (1 + a * a + 1e-5).squareRoot()
        }
    }

    init() {
        let perSample = Self.shape.perSample
        noise = (0..<Self.shape.n).flatMap { n in StandardizedNoise.make(count: perSample, seed: 20 + UInt64(n)) }
        comparison = Comparison(noise: noise, offset: Self.offsets[0])
        runs = LessonRuns(variants: [
            (Localized(en: "Layer Norm", de: "Layer Norm"), .layer),
            (Localized(en: "RMSNorm", de: "RMSNorm"), .rms),
        ])
    }

    mutating func advance() {
        runs.step()
        stepCount += 1
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("o"), label: "o", help: Localized(en: "offset up", de: "Offset größer")),
            LessonKey(key: .character("O"), label: "O", help: Localized(en: "offset down", de: "Offset kleiner")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        switch key {
        case .character("o"): offsetIndex = min(offsetIndex + 1, Self.offsets.count - 1)
        case .character("O"): offsetIndex = max(offsetIndex - 1, 0)
        default: return nil
        }
        comparison = Comparison(noise: noise, offset: Self.offsets[offsetIndex])
        let rms = SampleStatistics(comparison.rmsNorm)
        return Localized(
            en: "offset \(NumberFormat.short(Double(comparison.offset))): RMSNorm output mean \(NumberFormat.short(rms.mean)), layer norm's 0",
            de: "Offset \(NumberFormat.short(Double(comparison.offset))): Mittelwert der RMSNorm-Ausgabe \(NumberFormat.short(rms.mean)), der von Layer Norm 0")
    }

    // MARK: - Screen

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let roomy = rect.height >= 30
        let lengths: [Rect.Length] = roomy ? [.fixed(7), .fixed(7), .fixed(7), .fixed(7), .fill] : [.fixed(7), .fill, .fill]
        let areas = rect.rows(lengths)
        let de = language == .de
        let offsetText = NumberFormat.short(Double(comparison.offset))
        let table = Panel(title: de ? "Offset a = \(offsetText): Statistik je Ausgabe" : "offset a = \(offsetText): statistics of each output")
            .render(into: &grid, in: areas[0], glyphs: glyphs)
        statisticsTable(language).render(into: &grid, in: table.inset(left: 1, right: 1), glyphs: glyphs)
        var next = 1
        if roomy {
            drawHistogram(comparison.input, title: de ? "Eingabe x = z + a" : "input x = z + a", axis: nil,
                          into: &grid, in: areas[next], glyphs: glyphs)
            next += 1
        }
        drawHistogram(comparison.layerNorm, title: "Layer Norm: (x − μ)/σ", axis: Self.axis, into: &grid, in: areas[next], glyphs: glyphs)
        drawHistogram(comparison.rmsNorm, title: "RMSNorm: x/√(ms + ε)", axis: Self.axis, into: &grid, in: areas[next + 1], glyphs: glyphs)
        if roomy {
            let chart = Panel(title: de ? "Training auf den Ziffern: Verlust" : "training on the digits: loss")
                .render(into: &grid, in: areas[4], glyphs: glyphs)
            let series = runs.runs.enumerated().map { index, run in
                LineChart.Series(name: run.name(language), values: run.history.loss.elements, color: .series(index))
            }
            LineChart(series: series).render(into: &grid, in: chart, glyphs: glyphs)
        }
    }

    func statisticsTable(_ language: Language) -> Table {
        let de = language == .de
        let f = { (value: Double) in NumberFormat.short(value) }
        let input = SampleStatistics(comparison.input), layer = SampleStatistics(comparison.layerNorm)
        let rms = SampleStatistics(comparison.rmsNorm)
        return Table(
            columns: [Table.Column(""), Table.Column(de ? "Mittelwert" : "mean", alignment: .right),
                      Table.Column("σ", alignment: .right), Table.Column(de ? "erwartet" : "expected", alignment: .right)],
            rows: [
                [de ? "Eingabe x" : "input x", f(input.mean), f(input.standardDeviation), "a, 1"],
                ["Layer Norm", f(layer.mean), f(layer.standardDeviation), "0, 1"],
                ["RMSNorm", f(rms.mean), f(rms.standardDeviation),
                 "\(f(comparison.predictedRMSMean)), \(f(comparison.predictedRMSSpread))"],
                ["max |Δy|", f(comparison.largestDifference), "", ""],
            ])
    }

    func drawHistogram(_ values: [Float], title: String, axis: ClosedRange<Double>?, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let statistics = SampleStatistics(values)
        let range = axis ?? (statistics.mean - 4)...(statistics.mean + 4)
        let histogram = values.withUnsafeBufferPointer {
            Histogram($0, lowerBound: range.lowerBound, upperBound: range.upperBound, binCount: Self.binCount)
        }
        HistogramView(counts: histogram.counts.map(Double.init), range: range, mean: statistics.mean,
                      standardDeviation: statistics.standardDeviation)
            .render(into: &grid, in: inner, glyphs: glyphs)
    }

    // MARK: - Headless record

    func record() -> LessonRecord {
        let layer = SampleStatistics(comparison.layerNorm), rms = SampleStatistics(comparison.rmsNorm)
        var record = LessonRecord(step: stepCount)
        record.append("offset", Double(comparison.offset))
        record.append("layer_mean", layer.mean)
        record.append("layer_std", layer.standardDeviation)
        record.append("rms_mean", rms.mean)
        record.append("rms_std", rms.standardDeviation)
        record.append("max_difference", comparison.largestDifference)
        record.append("layer_loss", runs[0].history.loss.last)
        record.append("rms_loss", runs[1].history.loss.last)
        return record
    }
}

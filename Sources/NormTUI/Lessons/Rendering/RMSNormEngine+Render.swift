import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 5's screen: the statistics of both outputs at the current offset, their histograms
/// on a common axis, and (on a tall screen) the input's and both networks' training loss.
extension RMSNormEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let roomy = rect.height >= 30
        let lengths: [Rect.Length] = roomy ? [.fixed(7), .fixed(7), .fixed(7), .fixed(7), .fill] : [.fixed(7), .fill, .fill]
        let areas = rect.rows(lengths)
        let offsetText = NumberFormat.short(Double(comparison.offset))
        let table = Panel(title: Localized(
            en: "offset a = \(offsetText): statistics of each output",
            de: "Offset a = \(offsetText): Statistik je Ausgabe")(language))
            .render(into: &grid, in: areas[0], glyphs: glyphs)
        statisticsTable(language).render(into: &grid, in: table.inset(left: 1, right: 1), glyphs: glyphs)
        var next = 1
        if roomy {
            drawHistogram(comparison.input, title: Localized(en: "input x = z + a", de: "Eingabe x = z + a")(language), axis: nil,
                          into: &grid, in: areas[next], glyphs: glyphs)
            next += 1
        }
        drawHistogram(comparison.layerNorm, title: "Layer Norm: (x − μ)/σ", axis: Self.axis, into: &grid, in: areas[next], glyphs: glyphs)
        drawHistogram(comparison.rmsNorm, title: "RMSNorm: x/√(ms + ε)", axis: Self.axis, into: &grid, in: areas[next + 1], glyphs: glyphs)
        if roomy {
            let chart = Panel(title: Localized(en: "training on the digits: loss", de: "Training auf den Ziffern: Verlust")(language))
                .render(into: &grid, in: areas[4], glyphs: glyphs)
            let series = runs.runs.enumerated().map { index, run in
                LineChart.Series(
                    name: run.name(language), spread: runs.spread(index) { LossCurve.smoothed($0.history.loss.elements, to: 2 * chart.width) },
                    color: .series(index))
            }
            var lineChart = LineChart(series: series, steps: 1...max(1, runs.stepCount))
            lineChart.markers = context.claimMarkers
            lineChart.render(into: &grid, in: chart, glyphs: glyphs)
        }
    }

    func statisticsTable(_ language: Language) -> Table {
        let f = { (value: Double) in NumberFormat.short(value) }
        let input = SampleStatistics(comparison.input), layer = SampleStatistics(comparison.layerNorm)
        let rms = SampleStatistics(comparison.rmsNorm)
        return Table(
            columns: [Table.Column(""), Table.Column(Localized(en: "mean", de: "Mittelwert")(language), alignment: .right),
                      Table.Column("σ", alignment: .right), Table.Column(Localized(
                          en: "expected",
                          de: "erwartet")(language), alignment: .right)],
            rows: [
                [Localized(en: "input x", de: "Eingabe x")(language), f(input.mean), f(input.standardDeviation), "a, 1"],
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
}

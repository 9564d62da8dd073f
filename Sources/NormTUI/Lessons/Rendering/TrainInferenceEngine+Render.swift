import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 15's screen: the two modes' accuracy per batch size, one run's running against batch
/// means per channel, and the train − eval gap over the steps.
extension TrainInferenceEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 7), .fraction(compact ? 0.4 : 0.45), .fill])
        let m = NumberFormat.short(bnMomentum)
        let seedsNote = measurements.count > 1 ? (en: "; median of seeds", de: "; Median der Seeds") : (en: "", de: "")
        let tableInner = Panel(title: Localized(
            en: "one batch, two modes (mean of the last \(Self.window) steps\(seedsNote.en)), bn momentum \(m)",
            de: "derselbe Batch, zwei Modi (Mittel der letzten \(Self.window) Schritte\(seedsNote.de)), BN-Momentum \(m)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        // A narrow table leaves out the held-out accuracy: the two modes on one batch matter most.
        let showsHeldOut = tableInner.width >= 60
        let tableRows = (0..<runs.count).map { index -> [String] in
            [
                runs[index].name(language),
                LessonFormat.percent(median { Self.recentMean($0[index].trainModeAccuracy) }),
                LessonFormat.percent(median { Self.recentMean($0[index].evalModeAccuracy) }),
                gapCell(index),
                LessonFormat.short(median { Self.recentMean($0[index].statisticsMismatch) }),
            ] + (showsHeldOut ? [LessonFormat.percent(seeds: runs.values(index) { $0.history.evaluations.last?.evaluation.accuracy })] : [])
        }
        let columns = [
            Localized(en: "", de: ""), Localized(en: "train mode", de: "Training"), Localized(en: "eval mode", de: "Inferenz"),
            Localized(en: "gap", de: "Differenz"), Localized(en: "|μB−μ|/σ", de: "|μB−μ|/σ"), Localized(en: "held-out", de: "Testdaten"),
        ].map { $0(language) }.prefix(showsHeldOut ? 6 : 5)
        Table(columns: columns.enumerated().map { Table.Column($0.element, alignment: $0.offset == 0 ? .left : .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        let shown = runs[shownRun]
        let barsInner = Panel(title: Localized(
            en: "\(shown.name(language)), layer \(Self.block + 1): running mean (bar), batch mean (◆)",
            de: "\(shown.name(language)), Schicht \(Self.block + 1): laufender Mittelwert (Balken), Batch-Mittelwert (◆)")(language))
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        if let probe = shown.history.latest?.layers[Self.block], let runningMean = probe.runningMean {
            let entries = runningMean.indices.map { c in
                BarChart.Entry(label: "c\(c)", value: Double(runningMean[c]), marker: probe.batchMean[c])
            }
            BarChart(entries: entries).render(into: &grid, in: barsInner.inset(left: 1, right: 1), glyphs: glyphs)
        }

        let gapInner = Panel(title: Localized(
            en: "train − eval mode accuracy in % points, same batch (mean over \(Self.window) steps)",
            de: "Genauigkeit Training − Inferenz in Prozentpunkten, derselbe Batch (Mittel über \(Self.window) Schritte)")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            let perSeed = measurements.map { seed in
                RunningMean.of(zip(seed[index].trainModeAccuracy.elements, seed[index].evalModeAccuracy.elements).map { 100 * ($0 - $1) }, window: Self.window)
            }
            return LineChart.Series(name: runs[index].name(language), spread: SeedSpread(perSeed), color: .series(index))
        }
        var chart = LineChart(series: series, steps: 1...max(1, stepCount))
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: gapInner, glyphs: glyphs)
    }

    /// The median over the seeds of a measurement (the value itself for one seed).
    func median(_ value: ([Measurements]) -> Double?) -> Double? {
        SeedSpread.summary(measurements.map { value($0) ?? .nan })?.median
    }

    /// The train − eval gap of run `index`: signed for one seed, median and range for several.
    func gapCell(_ index: Int) -> String {
        guard measurements.count > 1 else {
            return accuracyGap(index).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? LessonFormat.missing
        }
        return LessonFormat.percent(seeds: measurements.indices.map { accuracyGap(index, seed: $0) ?? .nan })
    }
}

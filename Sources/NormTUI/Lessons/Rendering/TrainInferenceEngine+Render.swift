import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 5's screen: the two modes' accuracy per batch size, one run's running against batch
/// means per channel, and the train − eval gap over the steps.
extension TrainInferenceEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 7), .fraction(compact ? 0.4 : 0.45), .fill])
        let m = NumberFormat.short(bnMomentum)
        let tableInner = Panel(title: Localized(
            en: "one batch, two modes (mean of the last \(Self.window) steps), bn momentum \(m)",
            de: "derselbe Batch, zwei Modi (Mittel der letzten \(Self.window) Schritte), BN-Momentum \(m)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        // A narrow table leaves out the held-out accuracy: the two modes on one batch matter most.
        let showsHeldOut = tableInner.width >= 60
        let tableRows = (0..<runs.count).map { index -> [String] in
            [
                runs[index].name(language),
                LessonFormat.percent(Self.recentMean(trainModeAccuracy[index])),
                LessonFormat.percent(Self.recentMean(evalModeAccuracy[index])),
                accuracyGap(index).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? LessonFormat.missing,
                LessonFormat.short(Self.recentMean(statisticsMismatch[index])),
            ] + (showsHeldOut ? [LessonFormat.percent(runs[index].history.evaluations.last?.evaluation.accuracy)] : [])
        }
        let columns = [
            Localized(en: "", de: ""), Localized(en: "train mode", de: "Training"), Localized(en: "eval mode", de: "Eval"),
            Localized(en: "gap", de: "Differenz"), Localized(en: "|μB−μ|/σ", de: "|μB−μ|/σ"), Localized(en: "held-out", de: "zurückgeh."),
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
            de: "Training − Eval, Genauigkeit in Prozentpunkten, dieselbe Batch (Mittel über \(Self.window) Schritte)")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            LineChart.Series(name: runs[index].name(language), values: RunningMean.of(zip(trainModeAccuracy[index].elements, evalModeAccuracy[index].elements).map { 100 * ($0 - $1) }, window: Self.window),
                color: .series(index))
        }
        LineChart(series: series, steps: 1...max(1, stepCount)).render(into: &grid, in: gapInner, glyphs: glyphs)
    }
}

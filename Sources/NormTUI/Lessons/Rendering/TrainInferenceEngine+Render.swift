import NormMath

/// Lesson 5's screen: the two modes' accuracy per batch size, one run's running against batch
/// means per channel, and the train − eval gap over the steps.
extension TrainInferenceEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 7), .fraction(compact ? 0.4 : 0.45), .fill])
        let m = NumberFormat.short(bnMomentum)
        let tableInner = Panel(title: language == .de
            ? "dieselbe Batch, zwei Modi (Mittel der letzten \(Self.window) Schritte), BN-Momentum \(m)"
            : "one batch, two modes (mean of the last \(Self.window) steps), bn momentum \(m)")
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let percent = { (value: Double?) in value.map(NumberFormat.percent) ?? "–" }
        // A narrow table leaves out the held-out accuracy: the two modes on one batch matter most.
        let showsHeldOut = tableInner.width >= 60
        let tableRows = (0..<runs.count).map { index -> [String] in
            [
                runs[index].name(language),
                percent(Self.recentMean(trainModeAccuracy[index])),
                percent(Self.recentMean(evalModeAccuracy[index])),
                accuracyGap(index).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? "–",
                Self.recentMean(statisticsMismatch[index]).map(NumberFormat.short) ?? "–",
            ] + (showsHeldOut ? [percent(runs[index].history.evaluations.last?.evaluation.accuracy)] : [])
        }
        let columns = (language == .de
            ? ["", "Training", "Eval", "Differenz", "|μB−μ|/σ", "zurückgeh."]
            : ["", "train mode", "eval mode", "gap", "|μB−μ|/σ", "held-out"]).prefix(showsHeldOut ? 6 : 5)
        Table(columns: columns.enumerated().map { Table.Column($0.element, alignment: $0.offset == 0 ? .left : .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        let shown = runs[shownRun]
        let barsInner = Panel(title: language == .de
            ? "\(shown.name(language)), Schicht \(Self.block + 1): laufender Mittelwert (Balken), Batch-Mittelwert (◆)"
            : "\(shown.name(language)), layer \(Self.block + 1): running mean (bar), batch mean (◆)")
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        if let probe = shown.history.latest?.layers[Self.block], let runningMean = probe.runningMean {
            let entries = runningMean.indices.map { c in
                BarChart.Entry(label: "c\(c)", value: Double(runningMean[c]), marker: probe.batchMean[c])
            }
            BarChart(entries: entries).render(into: &grid, in: barsInner.inset(left: 1, right: 1), glyphs: glyphs)
        }

        let gapInner = Panel(title: language == .de
            ? "Training − Eval, Genauigkeit auf derselben Batch (Mittel über \(Self.window) Schritte)"
            : "train − eval mode accuracy on the same batch (mean over \(Self.window) steps)")
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            LineChart.Series(name: runs[index].name(language), values: RunningMean.of(zip(trainModeAccuracy[index], evalModeAccuracy[index]).map { $0 - $1 }, window: Self.window),
                color: .series(index))
        }
        LineChart(series: series, steps: 1...max(1, stepCount)).render(into: &grid, in: gapInner, glyphs: glyphs)
    }
}

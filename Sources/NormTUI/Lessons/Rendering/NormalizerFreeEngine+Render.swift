import NormMath

/// Lesson 11's screen: the four networks in a table, their training loss and (on a tall screen)
/// their held-out accuracy.
extension NormalizerFreeEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs, de = language == .de
        let lines = lines(language)
        // The accuracy chart only where there is room; the table has the numbers anyway.
        let rows = rect.rows(rect.height >= 30 ? [.fixed(lines.count + 3), .fill, .fill] : [.fixed(lines.count + 3), .fill, .fixed(0)])
        let tableArea = Panel(title: de
            ? "Tiefe \(Self.depth), lr \(NumberFormat.short(Self.learningRate)), AGC λ = \(NumberFormat.short(Double(Self.clipping.threshold))) — Schritt \(stepCount)"
            : "depth \(Self.depth), lr \(NumberFormat.short(Self.learningRate)), AGC λ = \(NumberFormat.short(Double(Self.clipping.threshold))) — step \(stepCount)")
            .render(into: &grid, in: rows[0], glyphs: glyphs).inset(left: 1, right: 1)
        Table(
            columns: [
                Table.Column(de ? "Netz" : "network"), Table.Column(de ? "Verlust" : "loss", alignment: .right),
                Table.Column(de ? "zurückgeh." : "held-out", alignment: .right), Table.Column(""),
            ],
            rows: lines.map { line in
                [
                    line.name, NumberFormat.short(LossCurve.recentMean(line.loss, window: 25)),
                    line.heldOutAccuracy.last.map(NumberFormat.percent) ?? "–", line.note,
                ]
            }
        ).render(into: &grid, in: tableArea, glyphs: glyphs)

        let lossArea = Panel(title: de ? "Trainingsverlust (log)" : "training loss (log)")
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let short = ["BN", de ? "ohne" : "none", "AGC", "NF"]
        LineChart(
            series: lines.enumerated().map { index, line in
                LineChart.Series(name: short[index], values: LossCurve.smoothed(line.loss, to: max(1, lossArea.width)), color: .series(index))
            },
            scale: .log10, steps: 1...max(1, stepCount)
        ).render(into: &grid, in: lossArea, glyphs: glyphs)
        guard !rows[2].isEmpty else { return }

        let accuracyArea = Panel(title: de ? "Genauigkeit auf zurückgehaltenen Daten" : "held-out accuracy")
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        var chart = LineChart(
            series: lines.enumerated().map { index, line in
                LineChart.Series(name: short[index], values: line.heldOutAccuracy, color: .series(index))
            })
        chart.fixedRange = 0...1
        let evalEvery = runs[0].trainer.config.evalEvery
        let evaluations = lines.map(\.heldOutAccuracy.count).max() ?? 0
        chart.steps = evalEvery...max(evalEvery, evaluations * evalEvery)
        chart.render(into: &grid, in: accuracyArea, glyphs: glyphs)
    }
}

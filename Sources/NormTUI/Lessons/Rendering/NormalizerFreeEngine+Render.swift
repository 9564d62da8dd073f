import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 11's screen: the four networks in a table, their training loss and (on a tall screen)
/// their held-out accuracy.
extension NormalizerFreeEngine: LessonRendering {
    /// The networks' names in the charts' legends, in the order of ``lines()``.
    static let shortNames = [
        Localized(en: "BN", de: "BN"), Localized(en: "none", de: "ohne"),
        Localized(en: "AGC", de: "AGC"), Localized(en: "LSUV", de: "LSUV"),
    ]

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let lines = lines()
        // The accuracy chart only where there is room; the table has the numbers anyway.
        let rows = rect.rows(rect.height >= 30 ? [.fixed(lines.count + 3), .fill, .fill] : [.fixed(lines.count + 3), .fill, .fixed(0)])
        let lr = NumberFormat.short(Self.learningRate), lambda = NumberFormat.short(Double(Self.clipping.threshold))
        let tableArea = Panel(title: Localized(
            en: "depth \(Self.depth), lr \(lr), AGC λ = \(lambda) — step \(stepCount)",
            de: "Tiefe \(Self.depth), lr \(lr), AGC λ = \(lambda) — Schritt \(stepCount)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs).inset(left: 1, right: 1)
        Table(
            columns: [
                Table.Column(Localized(en: "network", de: "Netz")(language)),
                Table.Column(Localized(en: "loss", de: "Verlust")(language), alignment: .right),
                Table.Column(Localized(en: "held-out", de: "zurückgeh.")(language), alignment: .right),
                Table.Column(Localized(en: "clipped", de: "gekappt")(language), alignment: .right),
            ],
            rows: lines.map { line in
                [
                    line.name(language), NumberFormat.short(LossCurve.recentMean(line.loss, window: 25)),
                    LessonFormat.percent(line.heldOutAccuracy.last), note(line)(language),
                ]
            }
        ).render(into: &grid, in: tableArea, glyphs: glyphs)

        let lossArea = Panel(title: Localized(en: "training loss (log)", de: "Trainingsverlust (log)")(language))
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        LineChart(
            series: lines.enumerated().map { index, line in
                LineChart.Series(
                    name: Self.shortNames[index](language), values: LossCurve.smoothed(line.loss, to: max(1, lossArea.width)),
                    color: .series(index))
            },
            scale: .log10, steps: 1...max(1, stepCount)
        ).render(into: &grid, in: lossArea, glyphs: glyphs)
        guard !rows[2].isEmpty else { return }

        let accuracyArea = Panel(title: Localized(en: "held-out accuracy", de: "Genauigkeit auf zurückgehaltenen Daten")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        var chart = LineChart(
            series: lines.enumerated().map { index, line in
                LineChart.Series(name: Self.shortNames[index](language), values: line.heldOutAccuracy, color: .series(index))
            })
        chart.fixedRange = 0...1
        let evalEvery = runs[0].trainer.config.evalEvery
        let evaluations = lines.map(\.heldOutAccuracy.count).max() ?? 0
        chart.steps = evalEvery...max(evalEvery, evaluations * evalEvery)
        chart.render(into: &grid, in: accuracyArea, glyphs: glyphs)
    }

    /// The last column: why a run stopped, or how much a clipping run clipped (the column's
    /// title says "clipped", so the number fits beside German names at 80×24).
    func note(_ line: Line) -> Localized {
        if let stopped = line.stopNote { return stopped }
        guard let fraction = line.clippedFraction else { return Localized(en: "", de: "") }
        return Localized(en: NumberFormat.percent(fraction), de: NumberFormat.percent(fraction))
    }
}

import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 16's screen: the four networks in a table, their training loss and (on a tall screen)
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
            rows: lines.indices.map { index in
                // Medians over the seeds; the ranges where the panel is wide enough.
                let showsRange = tableArea.width >= 70
                return [
                    lines[index].name(language),
                    LessonFormat.short(seeds: runs.seeds.indices.map { recentLoss(index, window: 25, seed: $0) }, showsRange: showsRange),
                    LessonFormat.percent(seeds: runs.values(index) { $0.history.evaluations.last?.evaluation.accuracy }, showsRange: showsRange),
                    note(index)(language),
                ]
            }
        ).render(into: &grid, in: tableArea, glyphs: glyphs)

        let lossArea = Panel(title: Localized(en: "training loss (log)", de: "Trainingsverlust (log)")(language))
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        var lossChart = LineChart(
            series: lines.indices.map { index in
                LineChart.Series(
                    name: Self.shortNames[index](language),
                    spread: runs.spread(index) { LossCurve.smoothed($0.history.loss.elements, to: max(1, lossArea.width)) },
                    color: .series(index))
            },
            scale: .log10, steps: 1...max(1, stepCount))
        lossChart.markers = context.claimMarkers
        lossChart.render(into: &grid, in: lossArea, glyphs: glyphs)
        guard !rows[2].isEmpty else { return }

        let accuracyArea = Panel(title: Localized(en: "held-out accuracy in %", de: "Genauigkeit auf zurückgehaltenen Daten in %")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        var chart = LineChart(
            series: lines.indices.map { index in
                LineChart.Series(
                    name: Self.shortNames[index](language),
                    spread: runs.spread(index) { $0.history.evaluations.elements.map { 100 * $0.evaluation.accuracy } }, color: .series(index))
            })
        chart.fixedRange = 0...100
        let evalEvery = runs[0].trainer.config.evalEvery
        let evaluations = lines.map(\.heldOutAccuracy.count).max() ?? 0
        chart.steps = evalEvery...max(evalEvery, evaluations * evalEvery)
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: accuracyArea, glyphs: glyphs)
    }

    /// The last column: why run `index` stopped (on the first seed), or the median fraction a
    /// clipping run clipped at its last step (the column's title says "clipped", so the number
    /// fits beside German names at 80×24).
    func note(_ index: Int) -> Localized {
        if let stopped = runs.stopNote(index) { return stopped }
        let fractions = runs.seeds.indices.compactMap { clippedFraction(index, seed: $0) }
        guard let median = SeedSpread.summary(fractions)?.median else { return Localized(en: "", de: "") }
        return Localized(en: NumberFormat.percent(median), de: NumberFormat.percent(median))
    }
}

import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 7's screen: where each run stands, the training loss (on a tall screen) and the loss
/// along the gradient as a band per run.
extension LearningRateEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        // Below 30 rows the loss chart would be too flat to read: the table says the loss.
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 8), .fraction(compact ? 0 : 0.35), .fill])
        let inner = Panel(title: Localized(
            en: "lr \(NumberFormat.short(learningRate)) for both",
            de: "Lernrate \(NumberFormat.short(learningRate)) für beide")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let runs = (0..<pair.count), seedIndices = pair.runs.seeds.indices
        var tableRows: [[String]] = [
            [Localized(
                en: "held-out accuracy",
                de: "Genauigkeit (zurückgeh.)")(language)] + runs.map { run in
                    LessonFormat.percent(seeds: seedIndices.map { heldOutAccuracy(run, seed: $0) ?? .nan })
                },
            [Localized(en: "loss now", de: "Verlust jetzt")(language)] + runs.map { run in
                LessonFormat.short(seeds: pair.runs.values(run) { $0.history.loss.last }, showsRange: !compact)
            },
            [Localized(en: "state", de: "Zustand")(language)] + runs.map { verdict($0, language) },
        ]
        if !compact {
            tableRows.append([Localized(
                en: "band width (mean)",
                de: "Bandbreite (Mittel)")(language)] + runs.map { LessonFormat.short(meanBandWidth($0)) })
        }
        Table(columns: [Table.Column("")] + runs.map { Table.Column(pair[$0].name(language), alignment: .right) }, rows: tableRows)
            .render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)

        if !compact {
            let lossInner = Panel(title: Localized(en: "training loss (log)", de: "Trainingsverlust (log)")(language))
                .render(into: &grid, in: rows[1], glyphs: glyphs)
            let lossSeries = runs.map { run in
                LineChart.Series(name: pair[run].name(language), spread: pair.runs.spread(run) { LossCurve.smoothed($0.history.loss.elements, to: 2 * lossInner.width) }, color: .series(run))
            }
            var lossChart = LineChart(series: lossSeries, scale: .log10, steps: 1...max(1, stepCount))
            lossChart.markers = context.claimMarkers
            lossChart.render(into: &grid, in: lossInner, glyphs: glyphs)
        }
        let bandInner = Panel(title: Localized(
            en: "loss at w - k*lr*g, k = 1/4 to 4 (log)",
            de: "Verlust bei w - k*lr*g, k = 1/4 bis 4 (log)")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let fills: [(Character, Character)] = [("█", "#"), ("░", ":")]
        let chartBands = runs.map { index in
            BandChart.Band(
                name: pair[index].name(language),
                lows: bands[index].elements.map { $0.range?.lowerBound ?? .nan }, highs: bands[index].elements.map { $0.range?.upperBound ?? .nan },
                color: .series(index), fill: fills[index].0, asciiFill: fills[index].1)
        }
        var bandChart = BandChart(bands: chartBands, steps: (bandSteps.elements.first ?? 1)...(bandSteps.last ?? 1))
        bandChart.markers = context.claimMarkers
        bandChart.render(into: &grid, in: bandInner, glyphs: glyphs)
    }

    /// Where run `index` stands, in a few words.
    func verdict(_ index: Int, _ language: Language) -> String {
        if let note = pair.stopNote(index) { return note(language) }
        guard let accuracy = heldOutAccuracy(index) else { return LessonFormat.missing }
        if accuracy < 0.2 { return Localized(en: "guessing (chance)", de: "rät (Zufallsniveau)")(language) }
        return Localized(en: "learns", de: "lernt")(language)
    }
}

import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 9's screen: what the last scaling did to loss, outputs and gradient in both runs, and
/// the gradient norm of layer 2 over the steps.
extension ScaleInvarianceEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fixed(11), .fill])
        let inner = Panel(title: Localized(
            en: "W₂ scaled: before → after (fixed batch)",
            de: "W₂ skaliert: vorher → nachher (fester Batch)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        var tableRows: [[String]] = [
            [Localized(
                en: "W₂ scaled in all by",
                de: "W₂ insgesamt ×")(language), NumberFormat.short(Double(totalScale)), NumberFormat.short(Double(totalScale))],
        ]
        if lastEffect.count == runs.count {
            let arrow = " \(glyphs.arrowRight) "
            tableRows += [
                [Localized(en: "loss", de: "Verlust")(language)] + lastEffect.map {
                    NumberFormat.short($0.lossBefore) + arrow + NumberFormat.short($0.lossAfter)
                },
                [Localized(
                    en: "outputs ×",
                    de: "Ausgaben ×")(language)] + lastEffect.map { NumberFormat.short($0.outputGrowth) },
                [Localized(
                    en: "‖Δoutputs‖/‖outputs‖",
                    de: "‖ΔAusgaben‖/‖Ausgaben‖")(language)] + lastEffect.map { NumberFormat.short($0.logitChange) },
                ["‖∂L/∂W₂‖"] + lastEffect.map { NumberFormat.short($0.gradientBefore) + arrow + NumberFormat.short($0.gradientAfter) },
                [Localized(en: "gradient ×", de: "Gradient ×")(language)] + lastEffect.map { NumberFormat.short($0.gradientRatio) }
                    .enumerated().map { $0.offset == 0 ? "\($0.element)  (1/k = \(NumberFormat.short(Double(1 / lastEffect[0].factor))))" : $0.element },
            ]
        } else {
            tableRows.append([Localized(en: "press k", de: "drücke k")(language), "", ""])
        }
        tableRows.append([Localized(en: "loss now", de: "Verlust jetzt")(language)] + (0..<runs.count).map { run in
            LessonFormat.short(seeds: runs.values(run) { $0.history.loss.last })
        })
        Table(
            columns: [Table.Column("")] + runs.runs.map { Table.Column($0.name(language), alignment: .right) },
            rows: tableRows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)

        let chart = Panel(title: Localized(en: "‖∂L/∂W₂‖ over the steps (log)", de: "‖∂L/∂W₂‖ über die Schritte (log)")(language))
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let series = runs.runs.enumerated().map { index, run in
            LineChart.Series(
                name: run.name(language), spread: runs.spread(index) { $0.history.layers[Self.block].weightGradNorm.elements },
                color: .series(index))
        }
        var lineChart = LineChart(series: series, scale: .log10, steps: 1...max(1, runs.stepCount))
        lineChart.markers = context.claimMarkers
        lineChart.render(into: &grid, in: chart, glyphs: glyphs)
    }
}

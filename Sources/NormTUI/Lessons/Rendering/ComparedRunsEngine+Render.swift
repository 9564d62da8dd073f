import NormMath
import TerminalUI
import NormLessons

/// Compare mode's screen: a table of both runs, then loss, accuracy and a layer's gradient
/// norm side by side on shared axes.
extension ComparedRunsEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let full = rect.height >= 30
        let rows = rect.rows(full ? [.fixed(6), .fill, .fill, .fill] : [.fixed(5), .fill, .fill])
        let runs = 0..<pair.count
        let tableInner = Panel(title: Localized(
            en: "same seed, differs in: \(setting.name.rawValue)",
            de: "gleicher Seed, anders: \(setting.name.rawValue)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        var tableRows = [
            [Localized(en: "loss", de: "Verlust")(language)] + runs.map { LessonFormat.short(pair[$0].history.loss.last) },
            [Localized(
                en: "held-out (eval)",
                de: "zurückgeh. (Eval)")(language)] + runs.map { LessonFormat.percent(pair[$0].history.evaluations.last?.evaluation.accuracy) },
        ]
        if full {
            tableRows.append([Localized(
                en: "state",
                de: "Zustand")(language)] + runs.map { pair.stopNote($0)?(language) ?? (Localized(
                en: "running",
                de: "läuft")(language)) })
        }
        Table(columns: [Table.Column("")] + runs.map { Table.Column(pair[$0].name(language), alignment: .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        func sides(_ title: String, _ values: (RunSet.Run) -> [Double]) -> [SideBySideCharts.Side] {
            runs.map { index in
                SideBySideCharts.Side(
                    title: "\(pair[index].name(language)): \(title)",
                    series: [LineChart.Series(name: title, values: values(pair[index]), color: .series(index))])
            }
        }
        let loss = Localized(en: "loss (log)", de: "Verlust (log)")(language)
        SideBySideCharts(sides: sides(loss) { $0.history.loss.elements }, scale: .log10)
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let gradient = Localized(en: "gradient norm W\(block + 1) (log)", de: "Gradientennorm W\(block + 1) (log)")(language)
        let gradientRow = full ? rows[3] : rows[2]
        SideBySideCharts(sides: sides(gradient) { $0.history.layers[block].weightGradNorm.elements }, scale: .log10)
            .render(into: &grid, in: gradientRow, glyphs: glyphs)
        if full {
            let accuracy = Localized(
                en: "accuracy (train, mean of \(Self.window))",
                de: "Genauigkeit (Training, Mittel \(Self.window))")(language)
            SideBySideCharts(sides: sides(accuracy) { RunningMean.of($0.history.accuracy.elements, window: Self.window) }, fixedRange: 0...1)
                .render(into: &grid, in: rows[2], glyphs: glyphs)
        }
    }
}

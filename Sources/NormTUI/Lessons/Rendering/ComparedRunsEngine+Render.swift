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
        let text = UIText.catalogue
        let tableInner = Panel(title: text.compareTitle(language, text.compareSettingName(setting.name, language)))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        var tableRows = [
            [text.compareLoss(language)] + runs.map { LessonFormat.short(pair[$0].history.loss.last) },
            [text.compareHeldOut(language)] + runs.map { LessonFormat.percent(pair[$0].history.evaluations.last?.evaluation.accuracy) },
        ]
        if full {
            tableRows.append([text.compareState(language)] + runs.map { pair.stopNote($0)?(language) ?? text.compareRunning(language) })
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
        let loss = text.compareLossChart(language)
        SideBySideCharts(sides: sides(loss) { $0.history.loss.elements }, scale: .log10)
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let gradient = text.compareGradientChart(language, block + 1)
        let gradientRow = full ? rows[3] : rows[2]
        SideBySideCharts(sides: sides(gradient) { $0.history.layers[block].weightGradNorm.elements }, scale: .log10)
            .render(into: &grid, in: gradientRow, glyphs: glyphs)
        if full {
            let accuracy = text.compareAccuracyChart(language, Self.window)
            SideBySideCharts(sides: sides(accuracy) { RunningMean.of($0.history.accuracy.elements, window: Self.window) }, fixedRange: 0...1)
                .render(into: &grid, in: rows[2], glyphs: glyphs)
        }
    }
}

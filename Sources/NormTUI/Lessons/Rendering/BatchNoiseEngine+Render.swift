import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 7's screen: the spread table at the latest measurement, the spread of batch mean and
/// variance as bars per batch size, and the train − held-out gap over the measurements.
extension BatchNoiseEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fixed(7), .fixed(rect.height < 30 ? 5 : 8), .fill])
        let latest = measurements.map(\.last)
        let tableInner = Panel(title: Localized(
            en: "layer 1, \(Self.spreadBatches) batches of each size, at step \(latest.first??.step ?? 0)",
            de: "Schicht 1, \(Self.spreadBatches) Batches je Größe, bei Schritt \(latest.first??.step ?? 0)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let tableRows = (0..<runs.count).map { index -> [String] in
            guard let measurement = latest[index] else { return [runs[index].name(language)] }
            let n = Double(Self.batchSizes[index])
            return [
                runs[index].name(language),
                NumberFormat.short(measurement.spread.relativeSpreadOfMeans),
                NumberFormat.short(measurement.spread.relativeSpreadOfMeans * n.squareRoot()),
                NumberFormat.short(measurement.spread.relativeSpreadOfVariances),
                NumberFormat.percent(measurement.training.accuracy),
                NumberFormat.percent(measurement.heldOut.accuracy),
                NumberFormat.percent(measurement.gap),
            ]
        }
        let titles = ["", "sd(μB)/σ", "× √N", "sd(σ²B)/σ²"] + [
            Localized(en: "train", de: "Training"), Localized(en: "held-out", de: "zurückgeh."), Localized(en: "gap", de: "Lücke"),
        ].map { $0(language) }
        Table(columns: titles.enumerated().map { Table.Column($0.element, alignment: $0.offset == 0 ? .left : .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        let barColumns = rows[1].columns([.fill, .fill])
        let bars: [(Localized, (BatchStatisticsSpread) -> Double)] = [
            (Localized(en: "spread of the batch mean (σ)", de: "Streuung des Batch-Mittelwerts (σ)"), { $0.relativeSpreadOfMeans }),
            (Localized(en: "spread of the batch variance", de: "Streuung der Batch-Varianz"), { $0.relativeSpreadOfVariances }),
        ]
        for (column, bar) in zip(barColumns, bars) {
            let inner = Panel(title: bar.0(language)).render(into: &grid, in: column, glyphs: glyphs)
            let entries = (0..<runs.count).compactMap { index in
                latest[index].map { BarChart.Entry(label: "N=\(Self.batchSizes[index])", value: bar.1($0.spread)) }
            }
            BarChart(entries: entries).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)
        }

        let gapInner = Panel(title: Localized(
            en: "gap train − held-out accuracy (eval mode, all images, every \(Self.interval) steps)",
            de: "Lücke Training − zurückgehalten (Eval-Modus, alle Bilder, alle \(Self.interval) Schritte)")(language))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            LineChart.Series(name: runs[index].name(language), values: measurements[index].elements.map(\.gap), color: .series(index))
        }
        let lastStep = measurements[0].last?.step ?? 0
        LineChart(series: series, steps: 0...lastStep).render(into: &grid, in: gapInner, glyphs: glyphs)
    }
}

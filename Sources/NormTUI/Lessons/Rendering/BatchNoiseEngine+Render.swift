import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 8's screen: the spread table at the latest measurement, the spread of batch mean and
/// variance as bars per batch size, and the train − held-out gap over the measurements, in
/// percentage points like the table.
extension BatchNoiseEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fixed(7), .fixed(rect.height < 30 ? 5 : 8), .fill])
        let latest = measurements.map(\.last)
        let step = latest.first??.step ?? 0
        let tableInner = Panel(title: Localized(
            en: "layer 1, \(Self.spreadBatches) batches of each size, at step \(step)",
            de: "Schicht 1, \(Self.spreadBatches) Batches je Größe, bei Schritt \(step)")(language))
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        renderTable(latest, language, glyphs, into: &grid, in: tableInner.inset(left: 1, right: 1))

        let barColumns = rows[1].columns([.fill, .fill])
        let bars: [([Localized], (BatchStatisticsSpread) -> Double)] = [
            ([Localized(en: "spread of the batch mean (σ)", de: "Streuung des Batch-Mittelwerts (σ)"),
              Localized(en: "spread of μB (σ)", de: "Streuung von μB (σ)")], { $0.relativeSpreadOfMeans }),
            ([Localized(en: "spread of the batch variance", de: "Streuung der Batch-Varianz"),
              Localized(en: "spread of σ²B", de: "Streuung von σ²B")], { $0.relativeSpreadOfVariances }),
        ]
        for (column, bar) in zip(barColumns, bars) {
            let title = LessonFormat.panelTitle(bar.0.map { $0(language) }, width: column.width)
            let inner = Panel(title: title).render(into: &grid, in: column, glyphs: glyphs)
            let entries = (0..<runs.count).compactMap { index in
                latestMedian(index) { bar.1($0.spread) }.map { BarChart.Entry(label: "N=\(Self.batchSizes[index])", value: $0) }
            }
            BarChart(entries: entries).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)
        }

        let gapTitles = [
            Localized(
                en: "gap train − held-out accuracy in points (eval mode, all images, every \(Self.interval) steps)",
                de: "Lücke Training − zurückgehalten in Prozentpunkten (Inferenzmodus, alle Bilder, alle \(Self.interval) Schritte)"),
            Localized(en: "gap train − held-out, in points", de: "Lücke Training − zurückgeh., in Punkten"),
        ].map { $0(language) }
        let gapInner = Panel(title: LessonFormat.panelTitle(gapTitles, width: rows[2].width))
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            LineChart.Series(
                name: runs[index].name(language),
                spread: SeedSpread(measurementsBySeed.map { $0[index].elements.map { 100 * $0.gap } }), color: .series(index))
        }
        let firstStep = measurements[0].elements.first?.step ?? 0
        var chart = LineChart(series: series, steps: firstStep...max(firstStep, measurements[0].last?.step ?? 0))
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: gapInner, glyphs: glyphs)
    }

    /// One number of the latest measurement of run `run` on every seed (`nan` where a seed has none).
    func latestOnEverySeed(_ run: Int, _ value: (Measurement) -> Double) -> [Double] {
        measurementsBySeed.map { $0[run].last.map(value) ?? .nan }
    }

    /// The median over the seeds of one number of the latest measurement of run `run`.
    func latestMedian(_ run: Int, _ value: (Measurement) -> Double) -> Double? {
        SeedSpread.summary(latestOnEverySeed(run, value))?.median
    }

    /// The latest measurement of each run, median over the seeds. Where the table is wider than the panel, the
    /// columns the other panels show as well go first: the variance's spread (its bars), then
    /// the spread × √N (the mean's bars show the same fall).
    func renderTable(_ latest: [Measurement?], _ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let header = ["", "sd(μB)/σ", "× √N", "sd(σ²B)/σ²"] + [
            Localized(en: "train", de: "Training"), Localized(en: "held-out", de: "zurückgeh."), Localized(en: "gap", de: "Lücke"),
        ].map { $0(language) }
        // Medians over the seeds; the accuracies with their range where the whole table fits.
        func tableRows(showsRange: Bool) -> [[String]] {
            (0..<runs.count).map { index -> [String] in
                guard latest[index] != nil, let meanSpread = latestMedian(index, { $0.spread.relativeSpreadOfMeans }) else {
                    return [runs[index].name(language)]
                }
                let n = Double(Self.batchSizes[index])
                let percent = { (value: (Measurement) -> Double) in
                    LessonFormat.percent(seeds: latestOnEverySeed(index, value), showsRange: showsRange)
                }
                return [
                    runs[index].name(language),
                    NumberFormat.short(meanSpread),
                    NumberFormat.short(meanSpread * n.squareRoot()),
                    LessonFormat.short(latestMedian(index) { $0.spread.relativeSpreadOfVariances }),
                    percent(\.training.accuracy), percent(\.heldOut.accuracy), percent(\.gap),
                ]
            }
        }
        func width(_ columns: [Int], _ rows: [[String]]) -> Int {
            columns.reduce(-2) { total, c in total + 2 + rows.reduce(header[c].count) { max($0, c < $1.count ? $1[c].count : 0) } }
        }
        var kept = Array(header.indices)
        var rows = tableRows(showsRange: true)
        if width(kept, rows) > rect.width { rows = tableRows(showsRange: false) }
        for dropped in [3, 2] where width(kept, rows) > rect.width {
            kept.removeAll { $0 == dropped }
        }
        Table(
            columns: kept.map { Table.Column(header[$0], alignment: $0 == 0 ? .left : .right) },
            rows: rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } }
        ).render(into: &grid, in: rect, glyphs: glyphs)
    }
}

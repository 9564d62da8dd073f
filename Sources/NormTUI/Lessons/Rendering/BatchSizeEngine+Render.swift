import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 4's screen: the sweep's progress, Wu & He's figure (held-out accuracy against batch
/// size) and the numbers in a table below.
extension BatchSizeEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fixed(5), .fill, .fixed(6)])
        renderProgress(language, glyphs, into: &grid, in: rows[0])
        renderChart(language, glyphs, into: &grid, in: rows[1])
        renderTable(language, glyphs, into: &grid, in: rows[2])
    }

    func renderProgress(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let title = Localized(
            en: "Sweep: \(sweep.epochs) epochs per point, learning rate 0.05·N/32",
            de: "Sweep: \(sweep.epochs) Epochen je Punkt, Lernrate 0,05·N/32")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let done = sweep.points.filter { $0.evaluation != nil }.count
        ProgressBar(fraction: sweep.progress, label: "\(done)/\(sweep.points.count) \(Localized(en: "networks", de: "Netze")(language))")
            .render(into: &grid, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), glyphs: glyphs)
        var lines: [String] = []
        if let point = sweep.current {
            lines.append(Localized(
                en: "training: \(point.variant.displayName), N = \(point.batchSize), lr \(NumberFormat.short(point.learningRate)) — step \(sweep.stepsDone)/\(point.steps)",
                de: "trainiert: \(point.variant.displayName), N = \(point.batchSize), lr \(NumberFormat.short(point.learningRate)) — Schritt \(sweep.stepsDone)/\(point.steps)")(language))
        }
        if let verdict = verdict(language) { lines.append(verdict) }
        for (offset, line) in lines.prefix(inner.height - 1).enumerated() {
            grid.put(text: Text.truncated(line, to: inner.width, glyphs: glyphs), at: Point(x: inner.x, y: inner.y + 1 + offset), clip: inner)
        }
    }

    /// What the finished points say, in numbers: how far each variant's accuracy moves over the
    /// batch sizes, and where batch norm does worst.
    func verdict(_ language: Language) -> String? {
        let bnValues = evalAccuracies(.batch)
        guard let bn = Self.spread(bnValues), let gn = Self.spread(evalAccuracies(.group)),
              let worst = zip(sweep.batchSizes, bnValues).filter({ $0.1 != nil }).min(by: { $0.1! < $1.1! })
        else { return nil }
        let points = { (value: Double) in NumberFormat.short(value * 100) }
        return Localized(
            en: "spread over N — BN: \(points(bn)) points (lowest \(NumberFormat.percent(worst.1!)) at N = \(worst.0)), GN: \(points(gn)) points",
            de: "Spanne über N — BN: \(points(bn)) Punkte (tiefster Wert \(NumberFormat.percent(worst.1!)) bei N = \(worst.0)), GN: \(points(gn)) Punkte")(language)
    }

    func renderChart(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let title = Localized(
            en: "held-out accuracy (eval mode) against batch size N",
            de: "Genauigkeit auf zurückgehaltenen Daten (Eval-Modus) über die Batch-Größe N")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        let bn = evalAccuracies(.batch), gn = evalAccuracies(.group)
        let measured = (bn + gn).compactMap { $0 }
        // From the next 10% below the worst point up to 100%: the drop is visible, not staged.
        let low = min(0.9, ((measured.min() ?? 0.9) * 10).rounded(.down) / 10)
        CategoryChart(
            categories: sweep.batchSizes.map(String.init), axisTitle: "N",
            series: [
                .init(name: "Batch Norm", marker: "B", color: .series(0), values: bn),
                .init(name: "Group Norm (G = 4)", marker: "G", color: .series(1), values: gn),
            ],
            range: low...1, format: NumberFormat.percent
        ).render(into: &grid, in: inner, glyphs: glyphs)
    }

    func renderTable(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let inner = Panel(title: Localized(en: "accuracy in % per batch size N", de: "Genauigkeit in % je Batch-Größe N")(language))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        func cells(_ variant: NormVariant, _ value: (BatchSizeSweep.Point) -> Double?) -> [String] {
            sweep.batchSizes.map { n in
                if let point = sweep.result(batchSize: n, variant: variant), let number = value(point) {
                    return String(NumberFormat.percent(number).dropLast())
                }
                return sweep.current.map { $0.batchSize == n && $0.variant == variant } == true ? String(glyphs.ellipsis) : LessonFormat.missing
            }
        }
        Table(
            columns: [Table.Column("N")] + sweep.batchSizes.map { Table.Column(String($0), alignment: .right) },
            rows: [
                ["BN eval"] + cells(.batch) { $0.evaluation?.accuracy },
                ["GN"] + cells(.group) { $0.evaluation?.accuracy },
                [Localized(en: "BN batch", de: "BN Batch")(language)] + cells(.batch) { $0.trainModeAccuracy },
            ]
        ).render(into: &grid, in: inner, glyphs: glyphs)
    }
}

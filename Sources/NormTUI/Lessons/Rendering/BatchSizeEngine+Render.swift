import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 3's screen: the sweep's progress (networks done, time spent and an estimate of the
/// rest), Wu & He's figure (held-out accuracy against batch size) and the numbers in a table —
/// on several seeds the median over them, with the range in the verdict line. The figure fills
/// in only as networks finish, so the progress says that the sweep moves.
extension BatchSizeEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        // A tall screen has room for all four progress lines; a small one shows the two that
        // matter at the moment (what is training and the time while running, the time and the
        // result once done).
        let rows = rect.rows([.fixed(rect.height >= 30 ? 6 : 5), .fill, .fixed(6)])
        renderProgress(language, glyphs, into: &grid, in: rows[0])
        renderChart(language, glyphs, into: &grid, in: rows[1])
        renderTable(language, glyphs, into: &grid, in: rows[2])
    }

    func renderProgress(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let title = Localized(
            en: "Sweep: \(sweep.epochs) epochs per point, lr 0.05·N/32",
            de: "Sweep: \(sweep.epochs) Epochen je Punkt, Lernrate 0,05·N/32")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let done = sweeps.reduce(0) { $0 + $1.points.filter { $0.evaluation != nil }.count }
        let total = sweeps.reduce(0) { $0 + $1.points.count }
        ProgressBar(fraction: progress ?? 0, label: "\(done)/\(total) \(Localized(en: "networks", de: "Netze")(language))")
            .render(into: &grid, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), glyphs: glyphs)
        var lines: [String] = []
        if let point = sweep.current {
            lines.append(Localized(
                en: "training: \(point.variant.displayName), N = \(point.batchSize) — step \(sweep.stepsDone)/\(point.steps)",
                de: "trainiert: \(point.variant.displayName), N = \(point.batchSize) — Schritt \(sweep.stepsDone)/\(point.steps)")(language))
        }
        lines.append(timeLine(language))
        if let verdict = verdict(language) { lines.append(verdict) }
        for (offset, line) in lines.prefix(inner.height - 1).enumerated() {
            grid.put(text: Text.truncated(line, to: inner.width, glyphs: glyphs), at: Point(x: inner.x, y: inner.y + 1 + offset), clip: inner)
        }
    }

    /// How long the sweep has run, and about how long it still needs at this pace
    /// (`BatchSizeTiming`: the time per step measured at each batch size so far, pauses left out).
    func timeLine(_ language: Language) -> String {
        let elapsed = Self.clock(timing.elapsed)
        if isFinished {
            return Localized(en: "done in \(elapsed)", de: "fertig nach \(elapsed)")(language)
        }
        guard let remaining = estimatedRemainingSeconds else {
            return Localized(en: "\(elapsed) so far", de: "bisher \(elapsed)")(language)
        }
        let left = Self.clock(remaining)
        return Localized(en: "\(elapsed) so far, about \(left) left", de: "bisher \(elapsed), noch etwa \(left)")(language)
    }

    /// Seconds as a clock reads them: `42` → "0:42", `3725` → "1:02:05".
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = (rest < 10 ? "0" : "") + String(rest)
        if hours > 0 { return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(tail)" }
        return "\(minutes):\(tail)"
    }

    /// What the finished points say: the range of each variant's accuracy over the batch sizes.
    func verdict(_ language: Language) -> String? {
        func range(_ values: [Double?]) -> String? {
            let done = values.compactMap { $0 }
            guard let low = done.min(), let high = done.max() else { return nil }
            let (from, to) = (Self.percentNumber(low), NumberFormat.percent(high))
            return low == high ? to : "\(from)–\(to)"
        }
        guard let bn = range(accuracies(.batch)) else { return nil }
        let gn = range(accuracies(.group)).map { ", GN \($0)" } ?? ""
        guard sweeps.count > 1 else {
            return Localized(en: "range over N: BN \(bn)\(gn)", de: "Spanne über N: BN \(bn)\(gn)")(language)
        }
        return Localized(en: "medians, range over N: BN \(bn)\(gn)", de: "Mediane, Spanne über N: BN \(bn)\(gn)")(language)
    }

    /// Held-out eval-mode accuracy of `variant` at every batch size: the first seed's, or on
    /// several seeds the median of those done.
    func accuracies(_ variant: NormVariant) -> [Double?] {
        sweeps.count == 1 ? evalAccuracies(variant) : medians { evalAccuracies(variant, seed: $0) }
    }

    /// A fraction as a percentage without the sign, for a table under "in %" and the low end
    /// of a range: "93.3", "93,3".
    static func percentNumber(_ fraction: Double) -> String {
        NumberFormat.percent(fraction).replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
    }

    func renderChart(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let titles = [
            Localized(en: "held-out accuracy (eval mode) by batch size N", de: "Genauigkeit auf zurückgehaltenen Daten (Inferenzmodus) je Batch-Größe N"),
            Localized(en: "held-out accuracy (eval mode) by batch size N", de: "Genauigkeit je Batch-Größe N (zurückgeh., Eval)"),
        ].map { $0(language) }
        let inner = Panel(title: LessonFormat.panelTitle(titles, width: rect.width)).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        let bn = accuracies(.batch), gn = accuracies(.group)
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
        let titles = sweeps.count == 1
            ? [Localized(en: "accuracy in % per batch size N", de: "Genauigkeit in % je Batch-Größe N")]
            : [
                Localized(
                    en: "accuracy in % per batch size N, median of \(sweeps.count) seeds",
                    de: "Genauigkeit in % je Batch-Größe N, Median aus \(sweeps.count) Seeds"),
                Localized(en: "accuracy in % per N, median of \(sweeps.count) seeds", de: "Genauigkeit in % je N, Median aus \(sweeps.count) Seeds"),
            ]
        let title = LessonFormat.panelTitle(titles.map { $0(language) }, width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        func cells(_ variant: NormVariant, _ value: @escaping (BatchSizeSweep.Point) -> Double?) -> [String] {
            let values = medians { seed in
                sweeps[seed].batchSizes.map { n in sweeps[seed].result(batchSize: n, variant: variant).flatMap(value) }
            }
            return zip(sweep.batchSizes, values).map { n, median in
                if let median { return Self.percentNumber(median) }
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

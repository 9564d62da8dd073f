import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 20's screen: which cited lesson runs now, the decision table with each row's verdict,
/// and the selected row in full — its situation and the claims that back it, with the numbers
/// measured.
extension WhichNormEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        // Below 30 rows the progress is one line, so that the selected row keeps some room.
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 3 : 4), .fixed(WhichNormTable.rows.count + 3), .fill])
        renderProgress(language, glyphs, into: &grid, in: rows[0])
        renderTable(language, glyphs, into: &grid, in: rows[1])
        renderSelected(language, glyphs, into: &grid, in: rows[2])
    }

    func renderProgress(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let inner = Panel(title: Localized(
            en: "the cited lessons, run on seed \(seed)", de: "die zitierten Lektionen, mit Seed \(seed)")(language))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let judged = evidence.filter(\.isJudged).count
        let done = "\(judged)/\(evidence.count) " + Localized(en: "lessons", de: "Lektionen")(language)
        if inner.height >= 2 {
            ProgressBar(fraction: progress ?? 0, label: done)
                .render(into: &grid, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), glyphs: glyphs)
        }
        let line: String
        if let running {
            let title = running.lesson.title(language)
            line = Localized(
                en: "running lesson \(running.lesson.number), \(title): \(running.unitsDone)/\(running.units)",
                de: "läuft: Lektion \(running.lesson.number), \(title): \(running.unitsDone)/\(running.units)")(language)
        } else {
            line = Localized(en: "done: every row is judged", de: "fertig: Jede Zeile ist geprüft")(language)
        }
        let shown = inner.height >= 2 ? line : "\(done) · \(line)"
        grid.put(text: Text.truncated(shown, to: inner.width, glyphs: glyphs), at: Point(x: inner.x, y: inner.maxY - 1), clip: inner)
    }

    /// ✓ or ✗ once judged, ◇ before (the marks of the charts' claim markers).
    static func mark(_ holds: Bool?, _ glyphs: GlyphSet) -> String {
        switch holds {
        case true?: return String(glyphs.check)
        case false?: return String(glyphs.cross)
        case nil: return glyphs.hasBraille ? "◇" : "o"
        }
    }

    func renderTable(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let titles = [
            Localized(
                en: "which normalization when — [ ] row, Enter opens its lesson",
                de: "welche Normalisierung wann — [ ] Zeile, Enter öffnet die Lektion"),
            Localized(en: "which normalization when", de: "welche Normalisierung wann"),
        ].map { $0(language) }
        let inner = Panel(title: LessonFormat.panelTitle(titles, width: rect.width))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        // A narrow panel says each situation in a few words; the panel below says it in full.
        let narrow = inner.width < 76
        let rows = WhichNormTable.rows.enumerated().map { index, row in
            [Self.mark(holds(row: index), glyphs), row.variant(language), "\(row.lesson.number)", (narrow ? row.brief : row.situation)(language)]
        }
        Table(
            columns: [
                Table.Column(""), Table.Column(Localized(en: "use", de: "Variante")(language)),
                Table.Column(Localized(en: "lesson", de: "Lektion")(language), alignment: .right),
                Table.Column(Localized(en: "when", de: "Situation")(language)),
            ],
            rows: rows, selectedRow: selectedRow
        ).render(into: &grid, in: inner, glyphs: glyphs)
    }

    /// The selected row: its situation, then each claim it cites with ✓/✗ and what was measured.
    func renderSelected(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let row = WhichNormTable.rows[selectedRow]
        let inner = Panel(title: Localized(
            en: "row \(selectedRow + 1): lesson \(row.lesson.number), \(row.lesson.title.en)",
            de: "Zeile \(selectedRow + 1): Lektion \(row.lesson.number), \(row.lesson.title.de)")(language))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var paragraphs = ["\(row.situation(language)) → \(row.variant(language))"]
        let verdicts = verdicts(row: selectedRow)
        for (claimID, verdict) in zip(row.claimIDs, verdicts) {
            guard let claim = row.lesson.claims.first(where: { $0.id == claimID }) else { continue }
            var text = "\(Self.mark(verdict?.holds, glyphs)) \(claim.text(language))"
            if let verdict { text += " (\(verdict.measured(language)))" }
            paragraphs.append(text)
        }
        var y = inner.y
        for paragraph in paragraphs where y < inner.maxY {
            for line in Text.wrapped(paragraph, width: inner.width, maxLines: inner.maxY - y, glyphs: glyphs) {
                grid.put(text: line, at: Point(x: inner.x, y: y), clip: inner)
                y += 1
            }
        }
    }
}

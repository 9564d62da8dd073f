import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 4's screen: rows of grey-scale pictures (one image per column) with each picture's
/// μ/σ under it, then per-image σ over the whole batch for every variant, and the two
/// networks' held-out accuracy.
extension InstanceStyleEngine: LessonRendering {
    /// Columns of one picture with its μ/σ line, and the gap after it.
    static let pictureColumns = 12
    static let labelColumns = 11

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let (input, before, after) = planes()
        // Input, before, Batch Norm, compared on a tall screen; Batch Norm and compared on a short one.
        var pictureRows: [(String, ChannelPlanes)] = [
            (Localized(en: "Batch Norm", de: "Batch Norm")(language), after[.batch]!), (compared.displayName, after[compared]!),
        ]
        if rect.height >= 32 {
            pictureRows = [(Localized(
                en: "input",
                de: "Eingabe")(language), input), (Localized(
                en: "before norm",
                de: "vor Norm")(language), before)] + pictureRows
        }
        let pictureHeight = (before.planes.first.map { ($0.count / before.width + 1) / 2 } ?? 4) + 1
        let rows = rect.rows([.fixed(pictureRows.count * pictureHeight + 3), .fill])
        let title = Localized(
            en: "channel \(channel + 1) after the 1st conv, γ = 1, β = 0; one grey scale per row; μ/σ under each picture",
            de: "Kanal \(channel + 1) nach der 1. Faltung, γ = 1, β = 0; eine Grauskala je Zeile; unter jedem Bild μ/σ")(language)
        let inner = Panel(title: title).render(into: &grid, in: rows[0], glyphs: glyphs).inset(left: 1, right: 1)
        let shown = max(1, min(4, (inner.width - Self.labelColumns) / Self.pictureColumns))
        for column in 0..<shown {
            grid.put(text: "#\(column + 1)", at: Point(x: inner.x + Self.labelColumns + column * Self.pictureColumns, y: inner.y), style: .bold, clip: inner)
        }
        for (index, (name, planes)) in pictureRows.enumerated() {
            let top = inner.y + 1 + index * pictureHeight
            // "Instance Norm" on two lines: the label column stays narrow enough for the pictures.
            for (line, word) in name.split(separator: " ").prefix(pictureHeight - 1).enumerated() {
                grid.put(text: Text.truncated(String(word), to: Self.labelColumns - 1, glyphs: glyphs),
                         at: Point(x: inner.x, y: top + line), style: .bold, clip: inner)
            }
            let range = planes.range(ofFirst: shown)
            let statistics = planes.statistics
            for column in 0..<shown {
                let x = inner.x + Self.labelColumns + column * Self.pictureColumns
                let area = Rect(x: x, y: top, width: planes.width, height: pictureHeight - 1).intersection(inner)
                Heatmap(flat: planes.planes[column], width: planes.width, range: range).render(into: &grid, in: area, glyphs: glyphs)
                let text = Self.compact(statistics[column].mean) + "/" + Self.compact(statistics[column].std)
                grid.put(text: Text.truncated(text, to: Self.pictureColumns - 1, glyphs: glyphs),
                         at: Point(x: x, y: top + pictureHeight - 1), style: .dim, clip: inner)
            }
        }
        renderSpread(language, glyphs, before: before, after: after, into: &grid, in: rows[1])
    }

    /// Two significant digits, and 0 for what is zero up to rounding (a normalized μ of 1e-9).
    static func compact(_ value: Double) -> String {
        abs(value) < 5e-3 ? "0" : NumberFormat.separated(String(format: "%.2g", value))
    }

    /// Per-image σ over the whole probe batch, for every variant; the networks' accuracy.
    private func renderSpread(
        _ language: Language, _ glyphs: GlyphSet, before: ChannelPlanes, after: [NormVariant: ChannelPlanes],
        into grid: inout Grid, in rect: Rect
    ) {
        let inner = Panel(title: Localized(
            en: "σ per image, all \(probe.shape.n) images of the batch, channel \(channel + 1)",
            de: "σ je Bild, alle \(probe.shape.n) Bilder des Batches, Kanal \(channel + 1)")(language))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        func row(_ name: String, _ planes: ChannelPlanes) -> [String] {
            let stds = planes.statistics.map(\.std)
            return [name, NumberFormat.short(stds.min() ?? .nan), NumberFormat.short(stds.max() ?? .nan),
                    NumberFormat.short(Self.spread(planes)) + "×"]
        }
        let accuracy = (0..<runs.count).map { index in
            LessonFormat.percent(seeds: runs.values(index) { $0.history.evaluations.last?.evaluation.accuracy })
        }
        let training = Localized(
            en: "trained on this data, step \(stepCount): Batch Norm \(accuracy[0]), Instance Norm \(accuracy[1]) held-out accuracy",
            de: "Genauigkeit auf Testdaten nach Schritt \(stepCount) (auf diesen Daten trainiert): Batch Norm \(accuracy[0]), Instance Norm \(accuracy[1])")(language)
        // As many rows as the sentence needs (up to 3), so that it wraps instead of cutting a
        // number off at 80 columns.
        let sentenceRows = min(3, TextBlock.wrap(training, width: inner.width).count)
        let parts = inner.rows([.fill, .fixed(sentenceRows)])
        Table(
            columns: [Table.Column(""), Table.Column("σ min", alignment: .right), Table.Column("σ max", alignment: .right),
                      Table.Column("max/min", alignment: .right)],
            rows: [row(Localized(
                en: "before",
                de: "vor Norm")(language), before)] + Self.allVariants.map { row($0.displayName, after[$0]!) }
        ).render(into: &grid, in: parts[0], glyphs: glyphs)
        TextBlock(training).render(into: &grid, in: parts[1], glyphs: glyphs)
    }
}

import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 14's screen: the three measurements as tables — ε → 0, ε inside or outside the root,
/// the naive variance; a short screen shows the one the page is about.
extension NumericalStabilityEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let parts: [Int]
        if rect.height >= 30 {
            parts = [0, 1, 2]
        } else {
            parts = [min(context.page, 2)]
        }
        let lengths: [Rect.Length] = parts.map { $0 == 0 ? .fill : .fixed($0 == 1 ? placementRows.count + 3 : varianceRows.count + 3) }
        for (part, area) in zip(parts, rect.rows(lengths)) {
            switch part {
            case 0: renderEpsilon(context, into: &grid, in: area)
            case 1: renderPlacement(context, into: &grid, in: area)
            default: renderVariance(context, into: &grid, in: area)
            }
        }
    }

    func renderEpsilon(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language
        let title = Localized(
            en: "ε → 0: constant channel (σ = 0) and nearly constant (σ = 1e-3)",
            de: "ε → 0: konstanter Kanal (σ = 0) und fast konstanter (σ = 1e-3)")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = epsilonRows.map { row in
            [NumberFormat.short(row.epsilon), NumberFormat.short(row.constantOutput),
             NumberFormat.short(row.constantGradient), NumberFormat.short(row.nearlyConstantSpread)]
        }
        Table(
            columns: [Table.Column("ε", alignment: .right),
                      Table.Column(Localized(en: "const.: max |y|", de: "konst.: max |y|")(language), alignment: .right),
                      Table.Column(Localized(en: "const.: max |dx|", de: "konst.: max |dx|")(language), alignment: .right),
                      Table.Column(Localized(en: "nearly const.: σ(y)", de: "fast konst.: σ(y)")(language), alignment: .right)],
            rows: rows, selectedRow: epsilonRows.firstIndex { $0.epsilon == epsilon }
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }

    func renderPlacement(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language
        let title = Localized(
            en: "ε = 1e-5 inside the root √(σ² + ε) or outside σ + ε (glossary)",
            de: "ε = 1e-5 in der Wurzel √(σ² + ε) oder außerhalb σ + ε (Glossar)")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = placementRows.map { row in
            [NumberFormat.short(row.sigma), NumberFormat.short(row.insideSpread), NumberFormat.short(row.outsideSpread),
             NumberFormat.short(row.outsideSpread / row.insideSpread), NumberFormat.short(row.largestDifference)]
        }
        Table(
            columns: [Table.Column("σ", alignment: .right), Table.Column("σ(y) √(σ²+ε)", alignment: .right),
                      Table.Column("σ(y) σ+ε", alignment: .right), Table.Column(Localized(
                          en: "ratio",
                          de: "Verhältnis")(language), alignment: .right),
                      Table.Column("max |Δy|", alignment: .right)],
            rows: rows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }

    func renderVariance(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language
        let title = Localized(
            en: "σ² of offset + 0.05·z: relative error |σ² − σ²exact|/σ²exact",
            de: "σ² von Offset + 0,05·z: relativer Fehler |σ² − σ²exakt|/σ²exakt")(language)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = varianceRows.map { row in
            [NumberFormat.short(row.offset), NumberFormat.short(row.naiveError), NumberFormat.short(row.twoPassError),
             NumberFormat.short(row.welfordError), NumberFormat.short(row.naiveOutputSpread)]
        }
        Table(
            columns: [Table.Column("offset", alignment: .right), Table.Column("E[x²]−E[x]²", alignment: .right),
                      Table.Column("two-pass", alignment: .right), Table.Column("Welford", alignment: .right),
                      Table.Column(Localized(en: "σ(y) naive", de: "σ(y) naiv")(language), alignment: .right)],
            rows: rows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }
}

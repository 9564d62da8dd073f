import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 1's screen: the N × C × (H·W) block with every element's group, the worked example of
/// the highlighted group, and μ and σ² of all groups.
extension StatisticsGroupsEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let blockHeight = Self.shape.n + 5
        let rows = rect.rows([.fixed(blockHeight), .fill])
        let inner = Panel(title: "N × C × (H·W) = 4 × 6 × 4: \(variantName)").render(into: &grid, in: rows[0], glyphs: glyphs)
        drawBlock(into: &grid, in: inner.inset(left: 1), language: language)
        let text = workedText(language)
        let textLines = TextBlock.wrap(text, width: max(rows[1].width - 4, 1)).count
        let lower = rows[1].rows([.fixed(textLines + 2), .fill])
        let example = Panel(title: Localized(
            en: "Worked example: highlighted group",
            de: "Rechenbeispiel: hervorgehobene Gruppe")(language))
            .render(into: &grid, in: lower[0], glyphs: glyphs)
        TextBlock(text).render(into: &grid, in: example.inset(left: 1, right: 1), glyphs: glyphs)
        if lower[1].height >= 4 {
            let table = Panel(title: Localized(
                en: "All groups",
                de: "Alle Gruppen")(language)).render(into: &grid, in: lower[1], glyphs: glyphs)
            groupTable(language).render(into: &grid, in: table.inset(left: 1, right: 1), glyphs: glyphs)
        }
    }

    /// μ and σ² of every group, the highlighted one selected.
    func groupTable(_ language: Language) -> Table {
        let statistics = output.statistics
        let rms = variant == .rms
        let rows = (0..<layout.groupCount).map { g in
            [String(Self.groupLabels[g % Self.groupLabels.count])]
                + (rms ? [] : [WorkedExample.format(statistics.mean[g])])
                + [WorkedExample.format(statistics.variance[g]), WorkedExample.format(1 / statistics.inverseStd[g])]
        }
        let statisticsColumns = rms
            ? [Table.Column("ms", alignment: .right), Table.Column("√(ms + ε)", alignment: .right)]
            : [Table.Column("μ", alignment: .right), Table.Column("σ²", alignment: .right),
               Table.Column("√(σ² + ε)", alignment: .right)]
        return Table(
            columns: [Table.Column(Localized(en: "group", de: "Gruppe")(language))] + statisticsColumns,
            rows: rows, selectedRow: group)
    }

    /// One row per sample, one box of H·W characters per channel; each character is its
    /// element's group, the highlighted group in reverse.
    func drawBlock(into grid: inout Grid, in rect: Rect, language: Language) {
        let shape = Self.shape
        let boxWidth = shape.spatial + 3
        var header = "   "
        for c in 0..<shape.c {
            header += ("c\(c)").padding(toLength: boxWidth, withPad: " ", startingAt: 0)
        }
        grid.put(text: header, at: Point(x: rect.x, y: rect.y), style: .dim, clip: rect)
        for n in 0..<shape.n {
            let y = rect.y + 1 + n
            grid.put(text: "n\(n)", at: Point(x: rect.x, y: y), style: .dim, clip: rect)
            for c in 0..<shape.c {
                let boxX = rect.x + 3 + c * boxWidth
                grid.put("[", at: Point(x: boxX, y: y), style: .dim, clip: rect)
                for s in 0..<shape.spatial {
                    let index = n * shape.perSample + c * shape.spatial + s
                    let g = layout.group(ofFlatIndex: index)
                    let style = g == group
                        ? Style(foreground: .yellow, bold: true, reverse: true) : Style(foreground: .series(g))
                    grid.put(Self.groupLabels[g % Self.groupLabels.count], at: Point(x: boxX + 1 + s, y: y), style: style, clip: rect)
                }
                grid.put("]", at: Point(x: boxX + 1 + shape.spatial, y: y), style: .dim, clip: rect)
            }
        }
        let summary = Localized(
            en: "\(layout.groupCount) groups of \(layout.elementsPerGroup) values (\(groupSize))",
            de: "\(layout.groupCount) Gruppen zu je \(layout.elementsPerGroup) Werten (\(groupSize))")(language)
        grid.put(text: summary, at: Point(x: rect.x, y: rect.y + 1 + shape.n), clip: rect)
        if variant == .group {
            let choices = Self.groupChoices.map { $0 == groups ? "[\($0)]" : "\($0)" }.joined(separator: " ")
            let note = "G = \(choices)   (1: Layer, C: Instance)"
            grid.put(text: note, at: Point(x: rect.x, y: rect.y + 2 + shape.n), style: .dim, clip: rect)
        }
    }

    func workedText(_ language: Language) -> String {
        let w = worked, n = w.x.count
        let f = WorkedExample.format
        // Three significant digits in the language's decimal mark, like every number on screen.
        let list = { (values: [Double]) in values.map { NumberFormat.short($0) }.joined(separator: " ") }
        let title = Localized(
            en: "Group \(group): \(describeGroup(language)), \(n) values (\(groupSize))",
            de: "Gruppe \(group): \(describeGroup(language)), \(n) Werte (\(groupSize))")(language)
        var lines = [title, "x  = " + list(w.x)]
        if variant == .rms {
            lines.append("ms = Σx²/\(n) = \(f(w.variance))")
            lines.append("√(ms + ε) = \(f(w.denominator))   (ε = 1e-5)")
            lines.append("y  = x/√(ms + ε) = " + list(w.y))
        } else {
            lines.append("μ  = Σx/\(n) = \(f(w.x.reduce(0, +))) / \(n) = \(f(w.mean))")
            lines.append("σ² = Σ(x − μ)²/\(n) = \(f(w.variance))")
            lines.append("√(σ² + ε) = \(f(w.denominator))   (ε = 1e-5)")
            lines.append("y  = (x − μ)/√(σ² + ε) = " + list(w.y))
        }
        // The output's moments in the same notation: σ² is a variance, never a denominator.
        if variant == .rms {
            let meanSquare = w.y.reduce(0) { $0 + $1 * $1 } / Double(n)
            lines.append(Localized(en: "y has mean square ", de: "y hat das mittlere Quadrat ")(language) + f(meanSquare))
        } else {
            let outputs = SampleStatistics(w.y.map(Float.init))
            lines.append(Localized(en: "y has mean ", de: "y hat Mittelwert ")(language)
                + "\(f(outputs.mean)), σ² = \(f(outputs.standardDeviation * outputs.standardDeviation))")
        }
        return lines.joined(separator: "\n")
    }

    /// Where the highlighted group lies, in words.
    func describeGroup(_ language: Language) -> String {
        switch variant {
        case .batch: return Localized(en: "channel \(group)", de: "Kanal \(group)")(language)
        case .layer, .rms: return "Sample \(group)"
        case .instance:
            return "Sample \(group / Self.shape.c), \(Localized(en: "channel", de: "Kanal")(language)) \(group % Self.shape.c)"
        case .group:
            let perGroup = Self.shape.c / groups, first = (group % groups) * perGroup
            let channels = perGroup == 1 ? (Localized(en: "channel \(first)", de: "Kanal \(first)")(language))
                : (Localized(en: "channels", de: "Kanäle")(language)) + " \(first)–\(first + perGroup - 1)"
            return "Sample \(group / groups), \(channels)"
        case .none: return ""
        }
    }

    /// How many values a group has, as the variant's dimensions.
    var groupSize: String {
        switch variant {
        case .batch: "N·H·W"
        case .layer, .rms: "C·H·W"
        case .instance: "H·W"
        case .group: "C/G·H·W"
        case .none: ""
        }
    }
}

import Foundation
import NormMath

/// Lesson 1, "Hauptvarianten / Mathematische Formalisierung": the variants are one formula
/// over different sets of elements. The N × C × (H·W) block of a small tensor shows which
/// elements share a μ and σ; a worked example computes them for the highlighted group.
enum StatisticsGroupsLesson {
    static let lesson = Lesson(
        id: "statistics-groups", number: 1, section: "Hauptvarianten / Mathematische Formalisierung",
        title: Localized(en: "Which elements share μ and σ", de: "Welche Elemente sich μ und σ teilen"),
        summary: Localized(
            en: "the N × C × (H·W) block with one statistics group highlighted, for every variant; G slides Group Norm from Layer to Instance Norm",
            de: "der Block N × C × (H·W) mit einer hervorgehobenen Statistikgruppe, für jede Variante; G schiebt Group Norm von Layer zu Instance Norm"),
        pages: [
            LessonPage(
                title: Localized(en: "One formula", de: "Eine Formel"),
                text: Localized(
                    en: """
                    Every variant computes y = γ·(x − μ)/σ + β. They differ only in which elements share one μ and σ: a statistics group.

                    The block shows a tensor of N = 4 samples, C = 6 channels and H·W = 4 positions. Each character is one element and names its group; the highlighted group is the one worked out below.

                    Press space (or s) to move through the groups; v and V change the variant.
                    """,
                    de: """
                    Jede Variante berechnet y = γ·(x − μ)/σ + β. Sie unterscheiden sich nur darin, welche Elemente sich einen Mittelwert μ und eine Standardabweichung σ teilen: eine Statistikgruppe.

                    Der Block zeigt einen Tensor aus N = 4 Samples, C = 6 Kanälen und H·W = 4 Positionen. Jedes Zeichen ist ein Element und nennt seine Gruppe; die hervorgehobene Gruppe wird unten durchgerechnet.

                    Leertaste (oder s) geht durch die Gruppen; v und V wechseln die Variante.
                    """)),
            LessonPage(
                title: Localized(en: "The variants", de: "Die Varianten"),
                text: Localized(
                    en: """
                    • Batch Norm: one group per channel — a column through all samples (N·H·W values). The statistics depend on the other samples of the batch.
                    • Layer Norm: one group per sample — a whole row (C·H·W values), independent of the batch.
                    • Instance Norm: one group per sample and channel — a single box (H·W values).
                    • Group Norm: one group per sample and group of C/G channels.
                    • RMSNorm: the rows of Layer Norm, without subtracting μ.
                    """,
                    de: """
                    • Batch Normalization: eine Gruppe pro Kanal — eine Spalte durch alle Samples (N·H·W Werte). Die Statistik hängt von den anderen Samples des Mini-Batch ab.
                    • Layer Normalization: eine Gruppe pro Datenpunkt — eine ganze Zeile (C·H·W Werte), unabhängig von der Batchgröße.
                    • Instance Normalization: eine Gruppe pro Kanal und Sample — ein einzelnes Kästchen (H·W Werte).
                    • Group Normalization: eine Gruppe pro Sample und Kanalgruppe aus C/G Kanälen.
                    • RMSNorm: die Zeilen der Layer Normalization, ohne μ abzuziehen.
                    """)),
            LessonPage(
                title: Localized(en: "G: from Layer to Instance", de: "G: von Layer zu Instance"),
                text: Localized(
                    en: """
                    Press g or G in Group Norm: the number of groups G runs over the divisors of C = 6.

                    G = 1 puts all channels of a sample in one group — exactly Layer Norm. G = C gives every channel its own group — exactly Instance Norm. In between, Group Norm is the compromise the glossary names (Wu & He 2018).

                    The worked example shows the same μ and σ² as Layer Norm at G = 1 and as Instance Norm at G = 6.
                    """,
                    de: """
                    Drücke in Group Norm g oder G: die Zahl der Gruppen G läuft über die Teiler von C = 6.

                    G = 1 legt alle Kanäle eines Samples in eine Gruppe — genau Layer Normalization. G = C gibt jedem Kanal eine eigene Gruppe — genau Instance Normalization. Dazwischen liegt der Kompromiss, den das Glossar nennt (Wu & He 2018).

                    Das Rechenbeispiel zeigt bei G = 1 dieselben μ und σ² wie Layer Norm, bei G = 6 dieselben wie Instance Norm.
                    """)),
        ],
        makeEngine: { StatisticsGroupsEngine() })
}

/// A fixed small tensor normalized by the chosen variant; each step highlights the next
/// statistics group.
struct StatisticsGroupsEngine: LessonEngine {
    static let shape = TensorShape(n: 4, c: 6, h: 2, w: 2)
    static let variants: [NormVariant] = [.batch, .layer, .instance, .group, .rms]
    /// One character per group, so every element on screen names its group.
    static let groupLabels = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// The tensor: channel c around (c − 2.5)·0.8, sample n with spread 1 + 0.3·n, rounded to
    /// one decimal so the worked example can be followed by hand.
    let x: [Float]
    private(set) var variant: NormVariant = .batch
    /// G for Group Norm, a divisor of C.
    private(set) var groups = 2
    /// The highlighted statistics group.
    private(set) var group = 0
    private(set) var stepCount = 0
    private(set) var output: NormalizationOutput

    init() {
        var generator = SeededGenerator(seed: 1)
        let shape = Self.shape
        x = (0..<shape.count).map { index in
            let n = index / shape.perSample, c = shape.channel(ofFlatIndex: index)
            let value = (Float(c) - 2.5) * 0.8 + (1 + 0.3 * Float(n)) * generator.nextNormal()
            return (value * 10).rounded() / 10 + 0  // + 0 turns −0 into 0
        }
        output = Self.normalize(x, variant: .batch, groups: 2)
    }

    static func normalize(_ x: [Float], variant: NormVariant, groups: Int) -> NormalizationOutput {
        var layer = Normalization(config: NormalizationConfig(variant: variant, groups: groups), channels: shape.c)
        do {
            return try layer.forward(x, shape: shape, mode: .train)
        } catch {
            preconditionFailure("the lesson's tensor fits every variant: \(error)")
        }
    }

    var layout: StatisticsLayout { output.statistics.layout }

    /// The divisors of C: the values G can take.
    static var groupChoices: [Int] { (1...shape.c).filter { shape.c % $0 == 0 } }

    mutating func advance() {
        // The first step (taken when the lesson opens) shows group 0; later ones move on.
        if stepCount > 0 { group = (group + 1) % layout.groupCount }
        stepCount += 1
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("v"), label: "v", help: Localized(en: "next variant", de: "nächste Variante")),
            LessonKey(key: .character("V"), label: "V", help: Localized(en: "previous", de: "vorige")),
            LessonKey(key: .character("g"), label: "g", help: Localized(en: "G smaller", de: "G kleiner")),
            LessonKey(key: .character("G"), label: "G", help: Localized(en: "G larger", de: "G größer")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        let index = Self.variants.firstIndex(of: variant) ?? 0
        let choices = Self.groupChoices
        let choice = choices.firstIndex(of: groups) ?? 0
        switch key {
        case .character("v"): select(Self.variants[(index + 1) % Self.variants.count], groups: groups)
        case .character("V"): select(Self.variants[(index + Self.variants.count - 1) % Self.variants.count], groups: groups)
        case .character("g"): select(.group, groups: choices[max(choice - 1, 0)])
        case .character("G"): select(.group, groups: choices[min(choice + 1, choices.count - 1)])
        default: return nil
        }
        let count = layout.groupCount, size = layout.elementsPerGroup
        return Localized(
            en: "\(variantName) — \(count) statistics groups of \(size) elements",
            de: "\(variantName) — \(count) Statistikgruppen zu je \(size) Elementen")
    }

    mutating func select(_ newVariant: NormVariant, groups newGroups: Int) {
        variant = newVariant
        groups = newGroups
        output = Self.normalize(x, variant: variant, groups: groups)
        group = min(group, layout.groupCount - 1)
    }

    /// 1 batch … 5 rms, as the main screen's number keys count them (for the headless record).
    var variantNumber: Int { (Self.variants.firstIndex(of: variant) ?? -1) + 1 }

    var variantName: String {
        variant == .group ? "Group Norm (G = \(groups))" : variant.displayName
    }

    /// Where the highlighted group lies, in words.
    func describeGroup(_ language: Language) -> String {
        let de = language == .de
        switch variant {
        case .batch: return de ? "Kanal \(group)" : "channel \(group)"
        case .layer, .rms: return "Sample \(group)"
        case .instance:
            return "Sample \(group / Self.shape.c), \(de ? "Kanal" : "channel") \(group % Self.shape.c)"
        case .group:
            let perGroup = Self.shape.c / groups, first = (group % groups) * perGroup
            let channels = perGroup == 1 ? (de ? "Kanal \(first)" : "channel \(first)")
                : (de ? "Kanäle" : "channels") + " \(first)–\(first + perGroup - 1)"
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

    // MARK: - The worked example

    /// The highlighted group's inputs, statistics and outputs.
    struct WorkedGroup: Sendable {
        var x: [Double]
        var y: [Double]
        /// μ (0 for RMSNorm) and σ² (the mean square for RMSNorm), as the layer computed them.
        var mean: Double
        var variance: Double
        /// The denominator √(σ² + ε).
        var denominator: Double
    }

    var worked: WorkedGroup {
        let indices = layout.elementIndices(ofGroup: group)
        let statistics = output.statistics
        return WorkedGroup(
            x: indices.map { Double(x[$0]) }, y: indices.map { Double(output.y[$0]) },
            mean: statistics.mean[group], variance: statistics.variance[group],
            denominator: 1 / statistics.inverseStd[group])
    }

    func workedText(_ language: Language) -> String {
        let w = worked, n = w.x.count
        let f = WorkedExample.format
        let list = { (values: [Double]) in values.map { String(format: "%.3g", $0) }.joined(separator: " ") }
        let title = language == .de ? "Gruppe \(group): \(describeGroup(language)), \(n) Werte (\(groupSize))"
            : "Group \(group): \(describeGroup(language)), \(n) values (\(groupSize))"
        var lines = [title, "x  = " + list(w.x)]
        if variant == .rms {
            lines.append("ms = Σx²/\(n) = \(f(w.variance))")
            lines.append("√(ms + ε) = \(f(w.denominator))   (ε = 1e-5)")
            lines.append("y  = x/√(ms + ε) = " + list(w.y))
        } else {
            lines.append("μ  = Σx/\(n) = \(f(w.x.reduce(0, +))) / \(n) = \(f(w.mean))")
            lines.append("σ² = Σ(x − μ)²/\(n) = \(f(w.variance))")
            lines.append("σ  = √(σ² + ε) = \(f(w.denominator))   (ε = 1e-5)")
            lines.append("y  = (x − μ)/σ = " + list(w.y))
        }
        let outputs = SampleStatistics(w.y.map(Float.init))
        lines.append((language == .de ? "y hat Mittelwert " : "y has mean ")
            + "\(f(outputs.mean)), σ = \(f(outputs.standardDeviation))")
        return lines.joined(separator: "\n")
    }

    // MARK: - Screen

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let blockHeight = Self.shape.n + 5
        let rows = rect.rows([.fixed(blockHeight), .fill])
        let inner = Panel(title: "N × C × (H·W) = 4 × 6 × 4: \(variantName)").render(into: &grid, in: rows[0], glyphs: glyphs)
        drawBlock(into: &grid, in: inner.inset(left: 1), language: language)
        let text = workedText(language)
        let textLines = TextBlock.wrap(text, width: max(rows[1].width - 4, 1)).count
        let lower = rows[1].rows([.fixed(textLines + 2), .fill])
        let example = Panel(title: language == .de ? "Rechenbeispiel: hervorgehobene Gruppe" : "Worked example: highlighted group")
            .render(into: &grid, in: lower[0], glyphs: glyphs)
        TextBlock(text).render(into: &grid, in: example.inset(left: 1, right: 1), glyphs: glyphs)
        if lower[1].height >= 4 {
            let table = Panel(title: language == .de ? "Alle Gruppen" : "All groups").render(into: &grid, in: lower[1], glyphs: glyphs)
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
            columns: [Table.Column(language == .de ? "Gruppe" : "group")] + statisticsColumns,
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
        let de = language == .de
        let summary = de
            ? "\(layout.groupCount) Gruppen zu je \(layout.elementsPerGroup) Werten (\(groupSize))"
            : "\(layout.groupCount) groups of \(layout.elementsPerGroup) values (\(groupSize))"
        grid.put(text: summary, at: Point(x: rect.x, y: rect.y + 1 + shape.n), clip: rect)
        if variant == .group {
            let choices = Self.groupChoices.map { $0 == groups ? "[\($0)]" : "\($0)" }.joined(separator: " ")
            let note = "G = \(choices)   (1: Layer, C: Instance)"
            grid.put(text: note, at: Point(x: rect.x, y: rect.y + 2 + shape.n), style: .dim, clip: rect)
        }
    }

    // MARK: - Headless record

    func record() -> LessonRecord {
        let w = worked
        let outputs = SampleStatistics(w.y.map(Float.init))
        var record = LessonRecord(step: stepCount)
        record.append("variant", variantNumber)
        record.append("groups", groups)
        record.append("group", group)
        record.append("elements", w.x.count)
        record.append("mean", w.mean)
        record.append("variance", w.variance)
        record.append("denominator", w.denominator)
        record.append("y_mean", outputs.mean)
        record.append("y_std", outputs.standardDeviation)
        return record
    }
}

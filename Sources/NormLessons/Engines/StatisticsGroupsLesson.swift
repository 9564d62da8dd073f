import Foundation
import NormMath

/// Lesson 1, "Hauptvarianten / Mathematische Formalisierung": the variants are one formula
/// over different sets of elements. The N × C × (H·W) block of a small tensor shows which
/// elements share a μ and σ; a worked example computes them for the highlighted group.
public enum StatisticsGroupsLesson {
    public static let lesson = Lesson(
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
                    • Layer Normalization: eine Gruppe pro Datenpunkt — eine ganze Zeile (C·H·W Werte), unabhängig von der Batch-Größe.
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
        makeEngine: { StatisticsGroupsEngine(seeds: $0) })
}

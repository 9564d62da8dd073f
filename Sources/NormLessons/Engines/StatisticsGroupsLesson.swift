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
                    Batch, Layer, Instance and Group Norm compute y = γ·(x − μ)/√(σ² + ε) + β: μ is the mean and σ² the variance of a statistics group, the elements that share one μ and one σ². The variants differ only in which elements form a group.

                    ε = 1e-5 sits inside the root, as in PyTorch (the glossary writes σ + ε; lesson 14). RMSNorm has no μ and no β: y = γ·x/√(ms + ε), ms the mean of x². With γ = 1 and β = 0, y has mean 0 and variance 1 in every group (RMSNorm: mean square 1).

                    The block shows a tensor of N = 4 samples, C = 6 channels and H·W = 4 positions. Each character is one element and names its group; the highlighted group is the one worked out below.

                    Press space (or s) to move through the groups; v and V change the variant.
                    """,
                    de: """
                    Batch, Layer, Instance und Group Normalization berechnen y = γ·(x − μ)/√(σ² + ε) + β, wobei μ der Mittelwert und σ² die Varianz einer Statistikgruppe ist, also der Elemente, die sich ein μ und ein σ² teilen. Die Varianten unterscheiden sich nur darin, welche Elemente eine Gruppe bilden.

                    ε = 1e-5 steht wie in PyTorch unter der Wurzel (das Glossar schreibt σ + ε; Lektion 14). RMSNorm hat kein μ und kein β: y = γ·x/√(ms + ε), ms ist der Mittelwert von x². Mit γ = 1 und β = 0 hat y in jeder Gruppe den Mittelwert 0 und die Varianz 1 (bei RMSNorm: das mittlere Quadrat 1).

                    Der Block zeigt einen Tensor aus N = 4 Samples, C = 6 Kanälen und H·W = 4 Positionen. Jedes Zeichen ist ein Element und nennt seine Gruppe; die hervorgehobene Gruppe wird unten durchgerechnet.

                    Drücke die Leertaste (oder s), um durch die Gruppen zu gehen; v und V wechseln die Variante.
                    """)),
            LessonPage(
                title: Localized(en: "The variants", de: "Die Varianten"),
                text: Localized(
                    en: """
                    • Batch Norm: one group per channel — a column through all samples (N·H·W values). The statistics depend on the other samples of the batch: change one sample, and the outputs of the others change too.
                    • Layer Norm: one group per sample — a whole row (C·H·W values), independent of the batch.
                    • Instance Norm: one group per sample and channel — a single box (H·W values).
                    • Group Norm: one group per sample and group of C/G channels.
                    • RMSNorm: the rows of Layer Norm, without subtracting μ.
                    """,
                    de: """
                    • Batch Normalization: eine Gruppe pro Kanal — eine Spalte durch alle Samples (N·H·W Werte). Die Statistik hängt von den anderen Samples des Mini-Batches ab: Ändert man ein Sample, ändern sich auch die Ausgaben der anderen.
                    • Layer Normalization: eine Gruppe pro Sample — eine ganze Zeile (C·H·W Werte), unabhängig vom Mini-Batch.
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
                    Drücke bei Group Norm g oder G: Die Zahl der Gruppen G durchläuft die Teiler von C = 6.

                    G = 1 legt alle Kanäle eines Samples in eine Gruppe — genau Layer Normalization. G = C gibt jedem Kanal eine eigene Gruppe — genau Instance Normalization. Dazwischen ist Group Normalization der Kompromiss, den das Glossar nennt (Wu & He 2018).

                    Das Rechenbeispiel zeigt bei G = 1 dieselben μ und σ² wie Layer Norm, bei G = 6 dieselben wie Instance Norm.
                    """)),
        ],
        claims: claims,
        makeEngine: { StatisticsGroupsEngine(seeds: $0) })

    /// Pages 1–3's results on the lesson's tensor (random from the seed), judged at the first
    /// step: the layer itself does not change with the steps, which only move the highlight.
    static let claims: [Claim] = [
        .on(StatisticsGroupsEngine.self, id: "every-group-standardized",
            text: Localized(
                en: "With γ = 1 and β = 0, y has mean 0 and variance 1 in every group of Batch, Layer, Instance and Group Norm (to within ε: |mean| < 1e-5, variance 0.999–1); RMSNorm's y has mean square 1.",
                de: "Mit γ = 1 und β = 0 hat y in jeder Gruppe von Batch, Layer, Instance und Group Normalization den Mittelwert 0 und die Varianz 1 (bis auf ε: |Mittelwert| < 1e-5, Varianz 0,999–1); bei RMSNorm hat y das mittlere Quadrat 1."),
            step: 1
        ) { engine, _ in
            let moments = StatisticsGroupsEngine.outputMoments(engine.x)
            let holds = moments.largestMean < 1e-5 && moments.variance.lowerBound >= 0.999 && moments.variance.upperBound <= 1 + 1e-6
                && abs(moments.rmsMeanSquare.lowerBound - 1) < 1e-3 && abs(moments.rmsMeanSquare.upperBound - 1) < 1e-3
            let range = { (r: ClosedRange<Double>, l: Language) in "\(MeasuredNumber.fixed(r.lowerBound, decimals: 6, l))–\(MeasuredNumber.fixed(r.upperBound, decimals: 6, l))" }
            return Verdict(holds: holds, measured: Localized(
                en: "largest |mean| \(MeasuredNumber.short(moments.largestMean)), variance \(range(moments.variance, .en)); RMSNorm mean square \(range(moments.rmsMeanSquare, .en))",
                de: "größter |Mittelwert| \(MeasuredNumber.short(moments.largestMean, .de)), Varianz \(range(moments.variance, .de)); mittleres Quadrat bei RMSNorm \(range(moments.rmsMeanSquare, .de))"))
        },
        .on(StatisticsGroupsEngine.self, id: "batch-norm-depends-on-the-batch",
            text: Localized(
                en: "Batch Norm's statistics depend on the other samples of the batch: change one sample, and the outputs of the others change too; with Layer, Instance and Group Norm (and RMSNorm) they stay the same.",
                de: "Die Statistik der Batch Normalization hängt von den anderen Samples des Mini-Batches ab: Ändert man ein Sample, ändern sich auch die Ausgaben der anderen; bei Layer, Instance und Group Normalization (und RMSNorm) bleiben sie gleich."),
            step: 1
        ) { engine, _ in
            let moved = StatisticsGroupsEngine.othersMoved(engine.x)
            let holds = moved.batch > 1e-3 && moved.perSample == 0
            return Verdict(holds: holds, measured: Localized(
                en: "sample 3 + 1: the others' y moved by up to \(MeasuredNumber.short(moved.batch)) (Batch Norm), \(MeasuredNumber.short(moved.perSample)) (the other variants)",
                de: "Sample 3 + 1: Das y der anderen ändert sich um bis zu \(MeasuredNumber.short(moved.batch, .de)) (Batch Norm), \(MeasuredNumber.short(moved.perSample, .de)) (die übrigen Varianten)"))
        },
        .on(StatisticsGroupsEngine.self, id: "group-norm-ends",
            text: Localized(
                en: "Group Norm with G = 1 gives exactly Layer Norm's μ and σ², with G = 6 exactly Instance Norm's.",
                de: "Group Normalization mit G = 1 ergibt genau dieselben μ und σ² wie Layer Normalization, mit G = 6 genau dieselben wie Instance Normalization."),
            step: 1
        ) { engine, _ in
            let layer = StatisticsGroupsEngine.largestStatisticsDifference(engine.x, groups: 1, against: .layer)
            let instance = StatisticsGroupsEngine.largestStatisticsDifference(engine.x, groups: 6, against: .instance)
            return Verdict(holds: layer == 0 && instance == 0, measured: Localized(
                en: "largest difference: \(MeasuredNumber.short(layer)) (G = 1 vs Layer), \(MeasuredNumber.short(instance)) (G = 6 vs Instance)",
                de: "größte Differenz: \(MeasuredNumber.short(layer, .de)) (G = 1 zu Layer), \(MeasuredNumber.short(instance, .de)) (G = 6 zu Instance)"))
        },
    ]
}

/// Lesson 1's kit: which elements share μ and σ², decided by the lesson's claims at step 1
/// (the tensor does not change with the steps, which only move the highlight).
enum StatisticsGroupsKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say for each variant (for Group Norm, for a given G) which elements share one μ and one σ², and how many there are.",
                de: "Für jede Variante (bei Group Norm für ein gegebenes G) sagen, welche Elemente sich ein μ und ein σ² teilen und wie viele es sind."),
            Localized(
                en: "Compute μ, σ² and y = (x − μ)/√(σ² + ε) for a small group by hand, and check that y has mean 0 and variance 1.",
                de: "Für eine kleine Gruppe μ, σ² und y = (x − μ)/√(σ² + ε) von Hand berechnen und prüfen, dass y den Mittelwert 0 und die Varianz 1 hat."),
            Localized(
                en: "Explain why only with Batch Norm a sample's output depends on the other samples of the mini-batch.",
                de: "Erklären, warum nur bei Batch Norm die Ausgabe eines Samples von den anderen Samples des Mini-Batches abhängt."),
            Localized(
                en: "Name the G at which Group Norm equals Layer Norm and the one at which it equals Instance Norm.",
                de: "Das G nennen, bei dem Group Norm gleich Layer Norm ist, und das, bei dem sie gleich Instance Norm ist."),
        ],
        formula: Localized(
            en: """
            y = γ·(x − μ)/√(σ² + ε) + β, with μ and σ² over one statistics group, ε = 10⁻⁵; the lesson shows γ = 1, β = 0.
            The tensor: N × C × H × W = 4 × 6 × 2 × 2, 96 values. A group has N·H·W = 16 values with Batch Norm (6 groups), C·H·W = 24 with Layer Norm (4 groups), H·W = 4 with Instance Norm (24 groups), (C/G)·H·W = 24/G with Group Norm (4·G groups, G = 1, 2, 3 or 6).
            RMSNorm: y = γ·x/√(ms + ε), ms the mean of x² over the C·H·W = 24 values of a sample.
            """,
            de: """
            y = γ·(x − μ)/√(σ² + ε) + β, mit μ und σ² über eine Statistikgruppe, ε = 10⁻⁵; die Lektion zeigt γ = 1, β = 0.
            Der Tensor: N × C × H × W = 4 × 6 × 2 × 2, also 96 Werte. Eine Gruppe hat bei Batch Norm N·H·W = 16 Werte (6 Gruppen), bei Layer Norm C·H·W = 24 (4 Gruppen), bei Instance Norm H·W = 4 (24 Gruppen), bei Group Norm (C/G)·H·W = 24/G (4·G Gruppen, G = 1, 2, 3 oder 6).
            RMSNorm: y = γ·x/√(ms + ε), ms ist der Mittelwert von x² über die C·H·W = 24 Werte eines Samples.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Add 1 to every value of sample 3, the last image of the mini-batch. With which variants do the outputs y of samples 0–2 change?",
                    de: "Addiere 1 zu jedem Wert von Sample 3, dem letzten Bild des Mini-Batches. Bei welchen Varianten ändern sich die Ausgaben y der Samples 0–2?"),
                answers: [
                    Localized(en: "with none: adding 1 is undone when μ is subtracted", de: "bei keiner: Das Abziehen von μ macht die +1 rückgängig"),
                    Localized(en: "only with Batch Norm", de: "nur bei Batch Norm"),
                    Localized(en: "with Batch, Layer and Group Norm, not with Instance Norm", de: "bei Batch, Layer und Group Norm, nicht bei Instance Norm"),
                    Localized(en: "with every variant", de: "bei jeder Variante"),
                ],
                answer: 1, when: ["batch-norm-depends-on-the-batch"],
                explanation: Localized(
                    en: "Only Batch Norm's groups run through all samples (a column of the block): the +1 moves each channel's μ and σ², which the other samples share. Every other variant's groups lie within one sample, so the other samples' groups do not contain a single changed value.",
                    de: "Nur bei Batch Norm gehen die Gruppen durch alle Samples (eine Spalte des Blocks): Die +1 verschiebt μ und σ² jedes Kanals, die sich die anderen Samples mit Sample 3 teilen. Bei allen anderen Varianten liegen die Gruppen innerhalb eines Samples; die Gruppen der anderen Samples enthalten keinen einzigen geänderten Wert.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Group Norm with C = 6 channels: at G = 1 and at G = 6, which variant does it compute exactly?",
                    de: "Group Norm mit C = 6 Kanälen: Welche Variante berechnet sie bei G = 1 und bei G = 6 genau?"),
                answers: [
                    Localized(en: "G = 1: Instance Norm; G = 6: Layer Norm", de: "bei G = 1 Instance Norm, bei G = 6 Layer Norm"),
                    Localized(en: "G = 1: Layer Norm; G = 6: Instance Norm", de: "bei G = 1 Layer Norm, bei G = 6 Instance Norm"),
                    Localized(en: "G = 1: Batch Norm; G = 6: Instance Norm", de: "bei G = 1 Batch Norm, bei G = 6 Instance Norm"),
                    Localized(en: "neither: Group Norm always lies in between", de: "keine: Group Norm liegt immer dazwischen"),
                ],
                answer: 1, when: ["group-norm-ends"],
                explanation: Localized(
                    en: "G counts the groups per sample, not the channels per group: G = 1 puts all 6 channels of a sample in one group, a whole row as in Layer Norm; G = 6 gives each channel its own group, one box as in Instance Norm. Group Norm never reaches across samples, so it never becomes Batch Norm.",
                    de: "G zählt die Gruppen pro Sample, nicht die Kanäle pro Gruppe: G = 1 legt alle 6 Kanäle eines Samples in eine Gruppe, eine ganze Zeile wie bei Layer Norm; G = 6 gibt jedem Kanal eine eigene Gruppe, ein Kästchen wie bei Instance Norm. Group Norm greift nie über Samples hinweg und wird deshalb nie zu Batch Norm.")),
        ],
        discussion: [
            Localized(
                en: "With Batch Norm an image's output depends on which other images share its mini-batch. Why is that a problem when a trained network sees one image at a time, and why not with Layer Norm? (Lesson 15 shows what Batch Norm does instead.)",
                de: "Bei Batch Norm hängt die Ausgabe eines Bildes davon ab, welche anderen Bilder im selben Mini-Batch sind. Warum ist das ein Problem, wenn ein trainiertes Netz ein Bild nach dem anderen sieht, und warum nicht bei Layer Norm? (Lektion 15 zeigt, was Batch Norm stattdessen tut.)"),
            Localized(
                en: "In the lesson's tensor, channel c's values lie around (c − 2.5)·0.8. Which variants remove these differences between the channels, and which keep them? Check it with the groups' μ (space moves from group to group).",
                de: "Im Tensor der Lektion liegen die Werte von Kanal c um (c − 2,5)·0,8. Welche Varianten entfernen diese Unterschiede zwischen den Kanälen, welche behalten sie? Prüfe es am μ der Gruppen (die Leertaste geht von Gruppe zu Gruppe)."),
            Localized(
                en: "An Instance Norm group here has only H·W = 4 values. How reliable are μ and σ² from 4 values, and what would y be with H·W = 1?",
                de: "Eine Gruppe der Instance Norm hat hier nur H·W = 4 Werte. Wie verlässlich sind μ und σ² aus 4 Werten, und was wäre y bei H·W = 1?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Press v three times (Group Norm, G = 2) and read how many groups of how many values the block shows. Predict both numbers for G = 3, then press G to check. Press g until G = 1 and compare group 0's μ and σ² with Layer Norm's (V twice).",
                de: "Drücke dreimal v (Group Norm, G = 2) und lies ab, wie viele Gruppen zu wie vielen Werten der Block zeigt. Sage beide Zahlen für G = 3 vorher und drücke zur Kontrolle G. Drücke g, bis G = 1 ist, und vergleiche μ und σ² von Gruppe 0 mit denen der Layer Norm (zweimal V)."),
            hint: Localized(
                en: "A group holds the C/G channels of one sample, each with H·W = 4 values: 24/G values, and N·G = 4·G groups in all.",
                de: "Eine Gruppe enthält die C/G Kanäle eines Samples mit je H·W = 4 Werten: 24/G Werte, insgesamt N·G = 4·G Gruppen.")))
}

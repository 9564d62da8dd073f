/// Lesson 3's kit: where Batch Norm collapses over the batch sizes, and whether the network of
/// N = 1 is bad or only evaluated with the wrong statistics — decided by the lesson's four
/// claims on the finished sweep.
enum BatchSizeKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say over which values Batch Norm and Group Norm compute μ and σ here, and why only Batch Norm's depend on the batch size.",
                de: "Sagen, über welche Werte Batch Norm und Group Norm hier μ und σ berechnen, und warum nur die von Batch Norm von der Batch-Größe abhängen."),
            Localized(
                en: "Read off the sweep at which batch size Batch Norm collapses in eval mode on these digits, and contrast it with Wu & He's ImageNet numbers.",
                de: "Am Sweep ablesen, bei welcher Batch-Größe Batch Norm auf diesen Ziffern im Inferenzmodus einbricht, und das mit den ImageNet-Zahlen von Wu & He vergleichen."),
            Localized(
                en: "Tell a worse network from a train/inference discrepancy by comparing the rows BN eval and BN batch.",
                de: "Mit den Zeilen „BN eval“ und „BN Batch“ ein schlechteres Netz von einer Training-Inferenz-Diskrepanz unterscheiden."),
            Localized(
                en: "Show with normtui compute that Batch Norm on a mini-batch of one image computes the same as Instance Norm in training.",
                de: "Mit normtui compute zeigen, dass Batch Norm auf einem Mini-Batch aus einem einzigen Bild im Training dasselbe rechnet wie Instance Norm."),
        ],
        formula: Localized(
            en: """
            Batch Norm (B), per channel c over the mini-batch of N images and their 8×8 positions (N·64 values): y = γ·(x − μ_c)/√(σ_c² + ε) + β, ε = 10⁻⁵. In eval mode μ_c and σ_c² are the running statistics, an exponential average over the training batches (momentum 0.1).
            Group Norm (G), per image over each group of 16/4 = 4 channels and their 8×8 positions (256 values): the same formula, with no N in it.
            The sweep: N = 32, 16, 8, 4, 2, 1, 8 epochs each, lr = 0.05·N/32 (N = 1: lr ≈ 0.0016). At N = 1, μ_c and σ_c² are one image's own: in training, Batch Norm is then Instance Norm.
            """,
            de: """
            Batch Norm (B), je Kanal c über den Mini-Batch aus N Bildern und ihre 8×8 Positionen (N·64 Werte): y = γ·(x − μ_c)/√(σ_c² + ε) + β, ε = 10⁻⁵. Im Inferenzmodus sind μ_c und σ_c² die laufenden Statistiken, ein exponentielles Mittel über die Trainings-Batches (Momentum 0,1).
            Group Norm (G), je Bild über jede Gruppe aus 16/4 = 4 Kanälen und ihre 8×8 Positionen (256 Werte): dieselbe Formel, in der N nicht vorkommt.
            Der Sweep: N = 32, 16, 8, 4, 2, 1, je 8 Epochen, lr = 0,05·N/32 (N = 1: lr ≈ 0,0016). Bei N = 1 sind μ_c und σ_c² die eines einzigen Bildes: Im Training ist Batch Norm dann Instance Norm.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Batch sizes 32, 16, 8, 4, 2 and 1, the learning rate scaled with N. Where does Batch Norm's held-out accuracy in eval mode collapse?",
                    de: "Batch-Größen 32, 16, 8, 4, 2 und 1, die Lernrate mit N skaliert. Wo bricht die Genauigkeit von Batch Norm auf den zurückgehaltenen Bildern im Inferenzmodus ein?"),
                answers: [
                    Localized(
                        en: "nowhere: smaller batches regularize, so N = 1 does at least as well as N = 32",
                        de: "nirgends: Kleinere Batches regularisieren, N = 1 ist also mindestens so gut wie N = 32"),
                    Localized(
                        en: "it sinks step by step: each halving of N costs about the same",
                        de: "sie sinkt schrittweise: Jede Halbierung von N kostet etwa gleich viel"),
                    Localized(
                        en: "only at N = 1: down to N = 2 it stays above 90%",
                        de: "erst bei N = 1: Bis N = 2 bleibt sie über 90 %"),
                    Localized(
                        en: "already at N = 4 and 2, as on ImageNet (Wu & He)",
                        de: "schon bei N = 4 und 2, wie auf ImageNet (Wu & He)"),
                ],
                answer: 2, when: ["bn-above-90-from-32-to-2", "bn-collapses-at-1"],
                explanation: Localized(
                    en: "Down to N = 2 the batch statistics are noisier, but the running statistics still match what the network trained with well enough. At N = 1 they are one image's own: training normalizes every image by itself, eval mode by the average over all images — statistics the network never trained with.",
                    de: "Bis N = 2 sind die Batch-Statistiken verrauschter, aber die laufenden Statistiken passen noch gut genug zu dem, womit das Netz trainiert hat. Bei N = 1 sind sie die eines einzigen Bildes: Das Training normalisiert jedes Bild für sich, der Inferenzmodus mit dem Mittel über alle Bilder — mit Statistiken, mit denen das Netz nie trainiert hat.")),
            PredictQuestion(
                prompt: Localized(
                    en: "At N = 1, which networks stay above 80% on the held-out images?",
                    de: "Welche Netze bleiben bei N = 1 auf den zurückgehaltenen Bildern über 80 %?"),
                answers: [
                    Localized(
                        en: "none: one image per step is too little to learn from",
                        de: "keines: Ein Bild pro Schritt ist zu wenig zum Lernen"),
                    Localized(en: "only Group Norm's", de: "nur das mit Group Norm"),
                    Localized(
                        en: "Group Norm's, and Batch Norm's too when each image is normalized by its own statistics as in training (row BN batch)",
                        de: "das mit Group Norm und auch das mit Batch Norm, wenn jedes Bild wie im Training mit seinen eigenen Statistiken normalisiert wird (Zeile „BN Batch“)"),
                    Localized(
                        en: "only Batch Norm's in eval mode: the running statistics average many batches, so they are the better estimate",
                        de: "nur das mit Batch Norm im Inferenzmodus: Die laufenden Statistiken mitteln über viele Batches und sind darum die bessere Schätzung"),
                ],
                answer: 2, when: ["gn-no-collapse", "bn-batch-statistics-hold-at-1"],
                explanation: Localized(
                    en: "The Batch Norm network of N = 1 has learned: given the statistics it trained with, it classifies well. What fails is the switch to the running statistics in eval mode — the train/inference discrepancy (lesson 15). Group Norm computes the same in training and in eval mode, whatever N.",
                    de: "Das Batch-Norm-Netz von N = 1 hat gelernt: Mit den Statistiken, mit denen es trainiert hat, klassifiziert es gut. Was versagt, ist der Wechsel zu den laufenden Statistiken im Inferenzmodus — die Training-Inferenz-Diskrepanz (Lektion 15). Group Norm rechnet im Training und im Inferenzmodus dasselbe, bei jedem N.")),
        ],
        discussion: [
            Localized(
                en: "Wu & He see Batch Norm's ImageNet error rise already at N = 4; here Batch Norm stays above 90% down to N = 2. What differs between the two experiments, and which difference could explain it?",
                de: "Wu & He sehen den Fehler von Batch Norm auf ImageNet schon bei N = 4 steigen; hier bleibt Batch Norm bis N = 2 über 90 %. Was unterscheidet die beiden Experimente, und welcher Unterschied könnte das erklären?"),
            Localized(
                en: "The Batch Norm network of N = 1 is good with each image's own statistics and bad with the running ones. Name two ways to use it anyway, and what each costs.",
                de: "Das Batch-Norm-Netz von N = 1 ist mit den eigenen Statistiken jedes Bildes gut und mit den laufenden schlecht. Nenne zwei Wege, es trotzdem einzusetzen, und was jeder kostet."),
            Localized(
                en: "Group Norm does not care about N. What does Batch Norm have that Group Norm lacks? Think of inference: with fixed running statistics, Batch Norm is a fixed scale and shift per channel.",
                de: "Group Norm ist N gleichgültig. Was hat Batch Norm, was Group Norm fehlt? Denk an die Inferenz: Mit festen laufenden Statistiken ist Batch Norm eine feste Skalierung und Verschiebung je Kanal."),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                One image, one channel, 2×2 positions. Run echo '{"variant":"batch","shape":[1,1,2,2],"x":[1,2,3,6]}' | normtui compute --input - then the same with "variant":"instance", then Batch Norm in eval mode: add "mode":"eval","running_mean":[0],"running_var":[1] to the first call. Which two results agree, and why does the third differ?
                """,
                de: """
                Ein Bild, ein Kanal, 2×2 Positionen. Führe echo '{"variant":"batch","shape":[1,1,2,2],"x":[1,2,3,6]}' | normtui compute --input - --lang de aus, dann dasselbe mit "variant":"instance", dann Batch Norm im Inferenzmodus: Ergänze im ersten Aufruf "mode":"eval","running_mean":[0],"running_var":[1]. Welche zwei Ergebnisse stimmen überein, und warum weicht das dritte ab?
                """),
            hint: Localized(
                en: "With N = 1, Batch Norm takes μ and σ² from the image's four values alone, as Instance Norm does. In eval mode it uses running_mean and running_var instead — the average over the training batches.",
                de: "Bei N = 1 nimmt Batch Norm μ und σ² allein aus den vier Werten des Bildes, wie Instance Norm. Im Inferenzmodus nimmt es stattdessen running_mean und running_var — das Mittel über die Trainings-Batches.")))
}

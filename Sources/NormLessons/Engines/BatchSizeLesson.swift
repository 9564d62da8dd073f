/// Lesson 3, "Group Normalization — stabile Leistung bei kleinen Batch-Größen": batch norm's
/// statistics come from the batch, so they get noisy and unlike the running statistics as the
/// batch shrinks; group norm's come from one sample and do not care (Wu & He 2018, Fig. 1).
public enum BatchSizeLesson {
    public static let lesson = Lesson(
        id: "batch-size", number: 3, section: "Group Normalization — stabile Leistung bei kleinen Batch-Größen",
        title: Localized(en: "Batch size: Batch Norm vs Group Norm", de: "Batch-Größe: Batch Norm gegen Group Norm"),
        summary: Localized(
            en: "a sweep over batch sizes 32…1: held-out accuracy of batch norm and group norm",
            de: "ein Sweep über die Batch-Größen 32…1: Genauigkeit von Batch Norm und Group Norm auf zurückgehaltenen Daten"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    Press space. Twelve networks are trained one after another: the same conv net on the digits, with Batch Norm (B) and with Group Norm (G, 4 groups), at batch sizes 32, 16, 8, 4, 2 and 1.

                    Every network sees the data for the same number of epochs; the learning rate shrinks with the batch (0.05·N/32), so smaller batches take more, smaller steps.

                    Each point is the accuracy on held-out digits in eval mode — as the network would be used. The lesson runs the sweep on every seed in the header (three by default, < and > change it): each point is then the median over the seeds. The top panel says how many networks are done, how long the sweep has run and about how long it still needs.
                    """,
                    de: """
                    Drücke die Leertaste. Zwölf Netze werden nacheinander trainiert: dasselbe Faltungsnetz auf den Ziffern, mit Batch Norm (B) und mit Group Norm (G, 4 Gruppen), bei den Batch-Größen 32, 16, 8, 4, 2 und 1.

                    Jedes Netz sieht die Daten gleich viele Epochen lang; die Lernrate schrumpft mit dem Batch (0,05·N/32), kleinere Batches machen also mehr, kleinere Schritte.

                    Jeder Punkt ist die Genauigkeit auf zurückgehaltenen Ziffern im Inferenzmodus — so, wie das Netz eingesetzt würde. Die Lektion führt den Sweep für jeden Seed in der Kopfzeile aus (standardmäßig drei, < und > ändern die Zahl): Jeder Punkt ist dann der Median über die Seeds. Das obere Feld zeigt, wie viele Netze fertig sind, wie lange der Sweep schon läuft und wie lange er etwa noch braucht.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    Batch Norm computes μ and σ over the batch. With few samples they are noisy estimates — and in eval mode the network uses the running statistics instead, averages it never trained with. At N = 1 the batch statistics are one image's own: training normalizes every image by itself, evaluation by the average over all images.

                    Group Norm computes μ and σ per sample over groups of channels. The batch size does not enter the formula, and train and eval mode compute the same thing.
                    """,
                    de: """
                    Batch Norm berechnet μ und σ über den Batch. Aus wenigen Samples sind das verrauschte Schätzungen — und im Inferenzmodus nimmt das Netz stattdessen die laufenden Statistiken, Mittelwerte, mit denen es nie trainiert hat. Bei N = 1 sind die Batch-Statistiken die eines einzigen Bildes: Im Training wird jedes Bild für sich normalisiert, in der Inferenz mit dem Mittel über alle Bilder.

                    Group Norm berechnet μ und σ pro Sample über Gruppen von Kanälen. Die Batch-Größe kommt in der Formel nicht vor, und Trainings- und Inferenzmodus rechnen dasselbe.
                    """)),
            LessonPage(
                title: Localized(en: "What happens", de: "Was geschieht"),
                text: Localized(
                    en: """
                    Wu & He (2018, Fig. 1) report Batch Norm's ImageNet error nearly flat from batch 32 down to 8 (23.6%, 23.7%, 24.8%) and rising sharply below: 27.3% at 4, 34.7% at 2.

                    This toy problem is far easier. Here Batch Norm stays above 90% from N = 32 down to 2 and collapses only at N = 1, by more than 30 points (chance is 10%) — where training normalizes every image by its own statistics and evaluation by the running average over all images. Group Norm collapses nowhere: above 80% at every N, and at N = 1 more than 30 points ahead of Batch Norm.

                    The row "BN batch" evaluates the same Batch Norm networks with the statistics of each held-out batch of size N, as in training. At N = 1 it stays above 80% while "BN eval" drops: the loss is the train/inference discrepancy, not a worse network.

                    Each point is one network: from one batch size to the next, and from seed to seed, a point moves by a few points. Read the chart for the collapse, not for differences of a few points. The last page checks all of this.
                    """,
                    de: """
                    Wu & He (2018, Abb. 1) berichten für Batch Norm auf ImageNet einen Fehler, der von Batch-Größe 32 bis 8 fast gleich bleibt (23,6 %, 23,7 %, 24,8 %) und darunter steil ansteigt: 27,3 % bei 4, 34,7 % bei 2.

                    Dieses Spielzeugproblem ist viel leichter. Hier bleibt Batch Norm von N = 32 bis 2 über 90 % und bricht erst bei N = 1 ein, um mehr als 30 Punkte (Zufallsniveau: 10 %) — dort, wo das Training jedes Bild mit seinen eigenen Statistiken normalisiert und die Auswertung mit dem laufenden Mittel über alle Bilder. Group Norm bricht nirgends ein: über 80 % bei jedem N, und bei N = 1 mehr als 30 Punkte vor Batch Norm.

                    Die Zeile „BN Batch“ wertet dieselben Batch-Norm-Netze mit den Statistiken jedes zurückgehaltenen Batches der Größe N aus, wie im Training. Bei N = 1 bleibt sie über 80 %, während „BN eval“ einbricht: Der Verlust ist die Training-Inferenz-Diskrepanz, kein schlechteres Netz.

                    Jeder Punkt ist ein Netz: Von einer Batch-Größe zur nächsten und von Seed zu Seed schwankt ein Punkt um einige Punkte. Achte in der Grafik auf den Einbruch, nicht auf Unterschiede von wenigen Punkten. Die letzte Seite prüft all das.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { BatchSizeEngine(seeds: $0) })

    /// Page 3's results, judged once the sweep is done (its last chunk): thresholds in round
    /// numbers that every seed checked clears with room, never the value of one seed.
    static let claims: [Claim] = [
        .on(BatchSizeEngine.self, id: "bn-above-90-from-32-to-2",
            text: Localized(
                en: "From N = 32 down to N = 2, Batch Norm's held-out accuracy in eval mode stays above 90% at every batch size.",
                de: "Von N = 32 bis N = 2 bleibt die Genauigkeit von Batch Norm auf den zurückgehaltenen Daten im Inferenzmodus bei jeder Batch-Größe über 90 %."),
            step: BatchSizeEngine.defaultChunkCount
        ) { engine, seed in
            let lowest = BatchSizeClaims.lowest(engine.evalAccuracies(.batch, seed: seed), of: engine.sweeps[seed].batchSizes, where: { $0 >= 2 })
            return Verdict(
                holds: (lowest?.accuracy ?? 0) > 0.9,
                measured: BatchSizeClaims.lowestText(lowest, name: Localized(en: "Batch Norm", de: "Batch Norm")))
        },
        .on(BatchSizeEngine.self, id: "bn-collapses-at-1",
            text: Localized(
                en: "At N = 1 it collapses: more than 30 points below its lowest value from N = 32 to 2.",
                de: "Bei N = 1 bricht sie ein: mehr als 30 Punkte unter ihrem niedrigsten Wert von N = 32 bis 2."),
            step: BatchSizeEngine.defaultChunkCount
        ) { engine, seed in
            let accuracies = engine.evalAccuracies(.batch, seed: seed), sizes = engine.sweeps[seed].batchSizes
            let lowest = BatchSizeClaims.lowest(accuracies, of: sizes, where: { $0 >= 2 })
            let atOne = BatchSizeClaims.value(accuracies, of: sizes, at: 1)
            return BatchSizeClaims.ahead(lowest?.accuracy, of: atOne, by: 0.3, names: (
                Localized(en: "lowest at N ≥ 2", de: "niedrigster bei N ≥ 2"), Localized(en: "N = 1", de: "N = 1")))
        },
        .on(BatchSizeEngine.self, id: "gn-no-collapse",
            text: Localized(
                en: "Group Norm collapses nowhere: above 80% at every N, and at N = 1 more than 30 points ahead of Batch Norm.",
                de: "Group Norm bricht nirgends ein: über 80 % bei jedem N, und bei N = 1 mehr als 30 Punkte vor Batch Norm."),
            step: BatchSizeEngine.defaultChunkCount
        ) { engine, seed in
            let sizes = engine.sweeps[seed].batchSizes, gn = engine.evalAccuracies(.group, seed: seed)
            let lowest = BatchSizeClaims.lowest(gn, of: sizes, where: { _ in true })
            var verdict = BatchSizeClaims.ahead(
                BatchSizeClaims.value(gn, of: sizes, at: 1), of: BatchSizeClaims.value(engine.evalAccuracies(.batch, seed: seed), of: sizes, at: 1),
                by: 0.3, names: (Localized(en: "GN at N = 1", de: "GN bei N = 1"), Localized(en: "BN", de: "BN")))
            let lowestText = BatchSizeClaims.lowestText(lowest, name: Localized(en: "GN", de: "GN"))
            verdict.holds = verdict.holds && (lowest?.accuracy ?? 0) > 0.8
            verdict.measured = Localized(en: "\(lowestText.en); \(verdict.measured.en)", de: "\(lowestText.de); \(verdict.measured.de)")
            return verdict
        },
        .on(BatchSizeEngine.self, id: "bn-batch-statistics-hold-at-1",
            text: Localized(
                en: "The same N = 1 Batch Norm networks, each held-out image normalized by its own statistics as in training (row BN batch), stay above 80% and more than 30 points ahead of eval mode.",
                de: "Dieselben Batch-Norm-Netze bei N = 1, jedes zurückgehaltene Bild wie im Training mit seinen eigenen Statistiken normalisiert (Zeile BN Batch), bleiben über 80 % und mehr als 30 Punkte vor dem Inferenzmodus."),
            step: BatchSizeEngine.defaultChunkCount
        ) { engine, seed in
            let sizes = engine.sweeps[seed].batchSizes
            let batchStatistics = BatchSizeClaims.value(engine.trainModeAccuracies(seed: seed), of: sizes, at: 1)
            var verdict = BatchSizeClaims.ahead(
                batchStatistics, of: BatchSizeClaims.value(engine.evalAccuracies(.batch, seed: seed), of: sizes, at: 1),
                by: 0.3, names: (Localized(en: "BN batch", de: "BN Batch"), Localized(en: "BN eval", de: "BN eval")))
            verdict.holds = verdict.holds && (batchStatistics ?? 0) > 0.8
            return verdict
        },
    ]
}

/// Lesson 4, "Group Normalization — stabile Leistung bei kleinen Batch-Größen": batch norm's
/// statistics come from the batch, so they get noisy and unlike the running statistics as the
/// batch shrinks; group norm's come from one sample and do not care (Wu & He 2018, Fig. 1).
public enum BatchSizeLesson {
    public static let lesson = Lesson(
        id: "batch-size", number: 4, section: "Group Normalization — stabile Leistung bei kleinen Batch-Größen",
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

                    Each point is the accuracy on held-out digits in eval mode — as the network would be used.
                    """,
                    de: """
                    Drücke die Leertaste. Zwölf Netze werden nacheinander trainiert: dasselbe Faltungsnetz auf den Ziffern, mit Batch Norm (B) und mit Group Norm (G, 4 Gruppen), bei den Batch-Größen 32, 16, 8, 4, 2 und 1.

                    Jedes Netz sieht die Daten gleich viele Epochen lang; die Lernrate schrumpft mit dem Batch (0,05·N/32), kleinere Batches machen also mehr, kleinere Schritte.

                    Jeder Punkt ist die Genauigkeit auf zurückgehaltenen Ziffern im Eval-Modus — so, wie das Netz eingesetzt würde.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    Batch Norm computes μ and σ over the batch. With few samples they are noisy estimates — and in eval mode the network uses the running statistics instead, averages it never trained with. At N = 1 the batch statistics are one image's own: training normalizes every image by itself, evaluation by the average over all images.

                    Group Norm computes μ and σ per sample over groups of channels. The batch size does not enter the formula, and train and eval mode compute the same thing.
                    """,
                    de: """
                    Batch Norm berechnet μ und σ über den Batch. Aus wenigen Samples sind das verrauschte Schätzungen — und im Eval-Modus nimmt das Netz stattdessen die laufenden Statistiken, Mittelwerte, mit denen es nie trainiert hat. Bei N = 1 sind die Batch-Statistiken die eines einzigen Bildes: im Training wird jedes Bild für sich normalisiert, in der Inferenz mit dem Mittel über alle Bilder.

                    Group Norm berechnet μ und σ pro Sample über Gruppen von Kanälen. Die Batch-Größe kommt in der Formel nicht vor, und Trainings- und Eval-Modus rechnen dasselbe.
                    """)),
            LessonPage(
                title: Localized(en: "What happens here", de: "Was hier geschieht"),
                text: Localized(
                    en: """
                    Wu & He (2018) saw Batch Norm's ImageNet error rise steadily from batch 32 down to 2. This toy problem is far easier: here Batch Norm holds up from 32 down to 2 and collapses only at N = 1, to about chance (10%) — exactly where its training statistics and its running statistics part ways most. Group Norm stays within a few points at every N.

                    The row "BN batch" evaluates the same Batch Norm networks with the statistics of each held-out batch of size N, as in training: where it stays high while "BN eval" drops, the loss is the train/inference discrepancy, not a worse network.
                    """,
                    de: """
                    Wu & He (2018) sahen den ImageNet-Fehler von Batch Norm von Batch 32 bis 2 stetig steigen. Dieses Spielproblem ist viel leichter: hier hält Batch Norm von 32 bis 2 mit und bricht erst bei N = 1 ein, auf etwa Zufallsniveau (10 %) — genau dort, wo Trainings-Statistiken und laufende Statistiken am weitesten auseinanderliegen. Group Norm bleibt bei jedem N innerhalb weniger Punkte.

                    Die Zeile „BN Batch“ wertet dieselben Batch-Norm-Netze mit den Statistiken jedes zurückgehaltenen Batches der Größe N aus, wie im Training: bleibt sie hoch, während „BN eval“ fällt, ist der Verlust die Training-Inferenz-Diskrepanz, kein schlechteres Netz.
                    """)),
        ],
        makeEngine: { BatchSizeEngine(seeds: $0) })
}

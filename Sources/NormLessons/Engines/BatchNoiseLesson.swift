import NormMath

/// Lesson 7, "Implizite Regularisierung": each mini-batch normalizes with its own μ and σ², a
/// noise that shrinks with the batch size; the glossary credits it with better generalization.
/// The lesson measures the noise at batch sizes 4, 16 and 64 and the gap between training and
/// held-out accuracy that goes with it — whichever way it turns out.
public enum BatchNoiseLesson {
    public static let lesson = Lesson(
        id: "batch-noise", number: 7, section: "Implizite Regularisierung",
        title: Localized(en: "Batch noise", de: "Batch-Rauschen"),
        summary: Localized(
            en: "how much batch mean and variance vary from batch to batch at N = 4, 16, 64, and the train/held-out gap",
            de: "wie stark Batch-Mittelwert und -Varianz von Batch zu Batch schwanken bei N = 4, 16, 64, und die Lücke Training/zurückgehalten"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Three Batch Norm networks train with batch sizes 4, 16 and 64 (same seed, initial weights, lr 0.05).

                    Every 50 steps, 16 random batches of each size go through layer 1 at the current weights. The bars show how much each channel's batch mean varies between them (standard deviation, in units of the channel's σ), and the same for the variance (relative to its average).

                    The noise falls with the batch size, roughly as 1/√N: four times the batch, half the noise.
                    """,
                    de: """
                    Drei Netze mit Batch Norm trainieren mit Batch-Größe 4, 16 und 64 (gleicher Seed, gleiche Startgewichte, Lernrate 0,05).

                    Alle 50 Schritte laufen 16 zufällige Batches jeder Größe durch Schicht 1, mit den aktuellen Gewichten. Die Balken zeigen, wie stark der Batch-Mittelwert jedes Kanals zwischen ihnen schwankt (Standardabweichung, in σ des Kanals), und dasselbe für die Varianz (relativ zu ihrem Mittel).

                    Das Rauschen fällt mit der Batch-Größe, etwa wie 1/√N: viermal so große Batches, halb so viel Rauschen.
                    """)),
            LessonPage(
                title: Localized(en: "The claim", de: "Die Behauptung"),
                text: Localized(
                    en: """
                    The glossary: batch statistics inject noise, which promotes generalization and reduces the need for explicit regularization. The noise acts like a small random shift and scaling of every activation, different each time an image is seen.

                    If that held here, the gap between training accuracy and held-out accuracy (both in eval mode, on all images) would be smallest at N = 4.
                    """,
                    de: """
                    Das Glossar: batchbasierte Statistiken führen Rauschen ein, das die Generalisierungsfähigkeit fördert und explizite Regularisierung weniger nötig macht. Das Rauschen wirkt wie eine kleine zufällige Verschiebung und Skalierung jeder Aktivierung, jedes Mal anders, wenn ein Bild gesehen wird.

                    Wenn das hier gälte, wäre die Lücke zwischen Trainings- und Testgenauigkeit (beide im Eval-Modus, auf allen Bildern) bei N = 4 am kleinsten.
                    """)),
            LessonPage(
                title: Localized(en: "What really happens", de: "Was wirklich passiert"),
                text: Localized(
                    en: """
                    On these digits it does not show. After 600 steps the gap is about 3 points at N = 4 and below 1 point at N = 64: the noisy small batches learn more slowly and generalize no better.

                    Two reasons: the data set is small and easy, so the large batches barely overfit — there is little for a regularizer to do; and at equal steps N = 4 has seen 16 times fewer images. The regularizing effect is reported for large networks trained to zero training error (Luo et al. 2019), where the noise keeps them from memorizing.
                    """,
                    de: """
                    Auf diesen Ziffern zeigt es sich nicht. Nach 600 Schritten beträgt die Lücke bei N = 4 etwa 3 Punkte, bei N = 64 unter 1 Punkt: die verrauschten kleinen Batches lernen langsamer und generalisieren nicht besser.

                    Zwei Gründe: der Datensatz ist klein und leicht, die großen Batches überanpassen kaum — für einen Regularisierer bleibt wenig zu tun; und nach gleich vielen Schritten hat N = 4 sechzehnmal weniger Bilder gesehen. Der regularisierende Effekt ist für große Netze berichtet, die bis zu null Trainingsfehler trainiert werden (Luo et al. 2019), wo das Rauschen sie vom Auswendiglernen abhält.
                    """)),
        ],
        makeEngine: { BatchNoiseEngine(seeds: $0) })
}

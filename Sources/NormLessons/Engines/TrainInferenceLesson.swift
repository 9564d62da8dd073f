import NormMath

/// Lesson 5, "Training-Inferenz-Diskrepanz": batch norm normalizes with the batch's statistics
/// in training and with running averages at inference, so the same network on the same batch
/// computes two different functions. How far apart they are depends on the batch size (how
/// noisy the batch statistics are) and on the momentum of the running average (how far it
/// lags behind weights that keep changing).
public enum TrainInferenceLesson {
    public static let lesson = Lesson(
        id: "train-inference", number: 5, section: "Training-Inferenz-Diskrepanz",
        title: Localized(en: "Train/inference discrepancy", de: "Training-Inferenz-Diskrepanz"),
        summary: Localized(
            en: "batch vs running statistics per channel, and train-mode vs eval-mode accuracy at batch sizes 4, 16, 64",
            de: "Batch- gegen laufende Statistiken pro Kanal, Genauigkeit im Trainings- und Eval-Modus bei Batch-Größe 4, 16, 64"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Three Batch Norm networks (same seed and initial weights) train with batch sizes 4, 16 and 64. After every step the same batch goes through the network twice: in train mode (the batch's own μ and σ²) and in eval mode (the running statistics, as at inference).

                    The table compares the two accuracies, averaged over the last 25 steps, and how far the batch means stray from the running means, in running σ.

                    The bars: one channel each, the running mean; ◆ marks this batch's mean. [ and ] choose the batch size shown.
                    """,
                    de: """
                    Drei Netze mit Batch Norm (gleicher Seed, gleiche Startgewichte) trainieren mit Batch-Größe 4, 16 und 64. Nach jedem Schritt läuft derselbe Batch zweimal durch das Netz: im Trainingsmodus (μ und σ² des Batches selbst) und im Eval-Modus (die laufenden Statistiken, wie bei der Inferenz).

                    Die Tabelle vergleicht beide Genauigkeiten, gemittelt über die letzten 25 Schritte, und wie weit die Batch-Mittelwerte von den laufenden abweichen, in laufenden σ.

                    Die Balken: je ein Kanal, der laufende Mittelwert; ◆ markiert den Mittelwert dieses Batches. [ und ] wählen die gezeigte Batch-Größe.
                    """)),
            LessonPage(
                title: Localized(en: "Batch size", de: "Batch-Größe"),
                text: Localized(
                    en: """
                    With 4 images the batch statistics are noisy: the ◆ jump around the bars, and train and eval mode disagree on several percent of the batch. With 64 images the two modes agree to a fraction of a percent.

                    On this toy problem, at batch size 4 eval mode is usually the *better* one: the running averages smooth out the noise that hurts training-mode predictions. The discrepancy is a difference, not always a loss.
                    """,
                    de: """
                    Bei 4 Bildern sind die Batch-Statistiken verrauscht: die ◆ springen um die Balken, und Trainings- und Eval-Modus sind sich bei einigen Prozent des Batches uneins. Bei 64 Bildern stimmen beide Modi bis auf Bruchteile eines Prozents überein.

                    Bei diesem kleinen Problem ist bei Batch-Größe 4 der Eval-Modus meist der *bessere*: die laufenden Mittel glätten das Rauschen, das den Vorhersagen im Trainingsmodus schadet. Die Diskrepanz ist ein Unterschied, nicht immer ein Verlust.
                    """)),
            LessonPage(
                title: Localized(en: "Momentum", de: "Momentum"),
                text: Localized(
                    en: """
                    m cycles the momentum of the running statistics (0.01, 0.1, 0.5) and starts again. running = (1 − m)·running + m·batch: a small m averages over about 1/m steps.

                    With m = 0.01 the running statistics remember weights from a hundred steps ago: eval mode falls far behind train mode (about 20 points at batch size 16). With m = 0.5 they follow the weights closely but carry the last few batches' noise.

                    PyTorch's default is 0.1. Before deploying, check eval-mode accuracy — not just the training curve.
                    """,
                    de: """
                    m schaltet das Momentum der laufenden Statistiken durch (0,01, 0,1, 0,5) und startet neu. laufend = (1 − m)·laufend + m·Batch: ein kleines m mittelt über etwa 1/m Schritte.

                    Mit m = 0,01 erinnern sich die laufenden Statistiken an Gewichte von vor hundert Schritten: der Eval-Modus fällt weit hinter den Trainingsmodus zurück (etwa 20 Punkte bei Batch-Größe 16). Mit m = 0,5 folgen sie den Gewichten eng, tragen aber das Rauschen der letzten Batches.

                    PyTorchs Voreinstellung ist 0,1. Vor dem Einsatz die Genauigkeit im Eval-Modus prüfen — nicht nur die Trainingskurve.
                    """)),
        ],
        makeEngine: { TrainInferenceEngine(seeds: $0) })
}

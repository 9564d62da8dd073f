import NormMath

/// Lesson 15, "Training-Inferenz-Diskrepanz": batch norm normalizes with the batch's statistics
/// in training and with running averages at inference, so the same network on the same batch
/// computes two different functions. How far apart they are depends on the batch size (how
/// noisy the batch statistics are) and on the momentum of the running average (how far it
/// lags behind weights that keep changing).
public enum TrainInferenceLesson {
    public static let lesson = Lesson(
        id: "train-inference", number: 15, section: "Training-Inferenz-Diskrepanz",
        title: Localized(en: "Train/inference discrepancy", de: "Training-Inferenz-Diskrepanz"),
        summary: Localized(
            en: "batch vs running statistics per channel, and train-mode vs eval-mode accuracy at batch sizes 4, 16, 64",
            de: "Batch- gegen laufende Statistiken pro Kanal, Genauigkeit im Trainings- und Inferenzmodus bei Batch-Größe 4, 16, 64"),
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
                    Drei Netze mit Batch Norm (gleicher Seed, gleiche Startgewichte) trainieren mit den Batch-Größen 4, 16 und 64. Nach jedem Schritt läuft derselbe Batch zweimal durch das Netz: im Trainingsmodus (mit μ und σ² des Batches selbst) und im Inferenzmodus (mit den laufenden Statistiken, wie im Einsatz).

                    Die Tabelle vergleicht beide Genauigkeiten, gemittelt über die letzten 25 Schritte, und zeigt, wie weit die Batch-Mittelwerte von den laufenden abweichen, gemessen in laufenden σ.

                    Jeder Balken zeigt den laufenden Mittelwert eines Kanals; ◆ markiert den Mittelwert des aktuellen Batches. [ und ] wählen die angezeigte Batch-Größe.
                    """)),
            LessonPage(
                title: Localized(en: "Batch size", de: "Batch-Größe"),
                text: Localized(
                    en: """
                    With 4 images the batch statistics are noisy: the ◆ jump around the bars, and after 300 steps the batch means stray at least twice as far from the running means (|μB−μ|/σ) as with 64 images. With 64 images the two modes agree to within 2.5 points after 300 steps.

                    At batch size 4 neither mode is reliably the better one: after 300 steps the gap goes one way on some seeds and the other way on others — see its range in the table. Where eval mode wins, the running averages smooth out the noise that hurts training-mode predictions. The discrepancy is a difference, not always a loss.
                    """,
                    de: """
                    Bei 4 Bildern sind die Batch-Statistiken verrauscht: Die ◆ springen um die Balken herum, und nach 300 Schritten liegen die Batch-Mittelwerte mindestens doppelt so weit von den laufenden Mittelwerten entfernt (|μB−μ|/σ) wie bei 64 Bildern. Bei 64 Bildern stimmen beide Modi nach 300 Schritten bis auf 2,5 Prozentpunkte überein.

                    Bei Batch-Größe 4 ist keiner der beiden Modi verlässlich der bessere: Nach 300 Schritten liegt je nach Seed mal der eine, mal der andere vorn — siehe die Spanne der Differenz in der Tabelle. Wo der Inferenzmodus vorn liegt, glätten die laufenden Mittelwerte das Rauschen, das den Vorhersagen im Trainingsmodus schadet. Die Diskrepanz ist ein Unterschied, nicht immer ein Verlust.
                    """)),
            LessonPage(
                title: Localized(en: "Momentum", de: "Momentum"),
                text: Localized(
                    en: """
                    m cycles the momentum of the running statistics (0.01, 0.1, 0.5) and starts again. running = (1 − m)·running + m·batch: a small m averages over about 1/m steps.

                    With m = 0.01 the running statistics remember weights from a hundred steps ago: eval mode falls behind train mode — at batch size 16 after 300 steps, on every seed checked, and further than with m = 0.1. By how much varies a lot from seed to seed: compare the gap column's range (<, >). With m = 0.5 they average over only about 2 steps: they follow the weights, but carry the last few batches' noise.

                    PyTorch's default is 0.1. Before deploying, check eval-mode accuracy — not just the training curve.
                    """,
                    de: """
                    m schaltet das Momentum der laufenden Statistiken durch (0,01; 0,1; 0,5) und startet neu. laufend = (1 − m)·laufend + m·Batch: Ein kleines m mittelt über etwa 1/m Schritte.

                    Mit m = 0,01 erinnern sich die laufenden Statistiken an Gewichte von vor hundert Schritten: Der Inferenzmodus fällt hinter den Trainingsmodus zurück — bei Batch-Größe 16 nach 300 Schritten bei jedem geprüften Seed, und weiter als mit m = 0,1. Wie weit, schwankt stark von Seed zu Seed: Vergleiche die Spanne in der Spalte „Differenz“ (<, >). Mit m = 0,5 mitteln sie nur über etwa 2 Schritte: Sie folgen den Gewichten, übernehmen aber das Rauschen der letzten paar Mini-Batches.

                    In PyTorch ist 0,1 voreingestellt. Prüfe vor dem Einsatz die Genauigkeit im Inferenzmodus — nicht nur die Trainingskurve.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { TrainInferenceEngine(seeds: $0) })

    /// Pages 2 and 3, judged after 300 steps on the table's numbers (means of the last
    /// ``TrainInferenceEngine/window`` steps) at the lesson's momentum, 0.1; the claim about
    /// m = 0.01 trains a run set of its own at that momentum, on the same seed.
    static let claims: [Claim] = [
        .on(TrainInferenceEngine.self, id: "small-batch-means-stray-2x", text: Localized(
                en: "After 300 steps the batch means stray at least twice as far from the running means (|μB−μ|/σ) with 4 images as with 64.",
                de: "Nach 300 Schritten liegen die Batch-Mittelwerte bei 4 Bildern mindestens doppelt so weit von den laufenden Mittelwerten entfernt (|μB−μ|/σ) wie bei 64 Bildern."),
            step: 300
        ) { engine, seed in
            let small = mismatch(engine, run: 0, seed: seed), large = mismatch(engine, run: 2, seed: seed)
            return Verdict(holds: small >= 2 * large, measured: Localized(
                en: "N = 4: \(MeasuredNumber.short(small)), N = 64: \(MeasuredNumber.short(large))",
                de: "N = 4: \(MeasuredNumber.short(small, .de)); N = 64: \(MeasuredNumber.short(large, .de))"))
        },
        .on(TrainInferenceEngine.self, id: "large-batch-modes-agree", text: Localized(
                en: "With 64 images the two modes agree to within 2.5 points after 300 steps.",
                de: "Bei 64 Bildern stimmen beide Modi nach 300 Schritten bis auf 2,5 Prozentpunkte überein."),
            step: 300
        ) { engine, seed in
            let gap = engine.accuracyGap(2, seed: seed) ?? .nan
            return Verdict(holds: abs(gap) <= 0.025, measured: gapText("N = 64", gap))
        },
        .on(TrainInferenceEngine.self, id: "slow-momentum-eval-falls-behind", text: Localized(
                en: "With m = 0.01 eval mode falls behind train mode: at batch size 16 after 300 steps, and further than with m = 0.1.",
                de: "Mit m = 0,01 fällt der Inferenzmodus hinter den Trainingsmodus zurück: bei Batch-Größe 16 nach 300 Schritten, und weiter als mit m = 0,1."),
            step: 300
        ) { engine, seed in
            var slow = TrainInferenceEngine(momentumIndex: 0, seeds: LessonSeeds(first: engine.seeds.all[seed]))
            while slow.stepCount < engine.stepCount { slow.advance() }
            let slowGap = slow.accuracyGap(1) ?? .nan, usualGap = engine.accuracyGap(1, seed: seed) ?? .nan
            let points = { (gap: Double, language: Language) in MeasuredNumber.short((1000 * gap).rounded() / 10, language) }
            return Verdict(holds: slowGap > 0 && slowGap > usualGap, measured: Localized(
                en: "N = 16: \(points(slowGap, .en)) points at m = 0.01, \(points(usualGap, .en)) at m = 0.1",
                de: "N = 16: \(points(slowGap, .de)) Prozentpunkte bei m = 0,01; \(points(usualGap, .de)) bei m = 0,1"))
        },
    ]

    /// The mean of the last ``TrainInferenceEngine/window`` steps' |μB−μ|/σ of run `run`.
    private static func mismatch(_ engine: TrainInferenceEngine, run: Int, seed: Int) -> Double {
        TrainInferenceEngine.recentMean(engine.measurements[seed][run].statisticsMismatch) ?? .nan
    }

    /// Train-mode minus eval-mode accuracy, in percentage points with a sign.
    private static func gapText(_ name: String, _ gap: Double) -> Localized {
        let sign = gap >= 0 ? "+" : ""
        return Localized(
            en: "\(name): train − eval \(sign)\(MeasuredNumber.short((1000 * gap).rounded() / 10)) points",
            de: "\(name): Training − Inferenz \(sign)\(MeasuredNumber.short((1000 * gap).rounded() / 10, .de)) Prozentpunkte")
    }
}

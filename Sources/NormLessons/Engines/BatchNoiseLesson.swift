import NormMath

/// Lesson 8, "Implizite Regularisierung": each mini-batch normalizes with its own μ and σ², a
/// noise that shrinks with the batch size; the glossary credits it with better generalization.
/// The lesson measures the noise at batch sizes 4, 16 and 64, and the accuracy on the training
/// and the held-out images that goes with it — whichever way it turns out.
public enum BatchNoiseLesson {
    public static let lesson = Lesson(
        id: "batch-noise", number: 8, section: "Implizite Regularisierung",
        title: Localized(en: "Batch noise", de: "Batch-Rauschen"),
        summary: Localized(
            en: "how much batch mean and variance vary from batch to batch at N = 4, 16, 64, and the train/held-out gap",
            de: "wie stark Batch-Mittelwert und -Varianz bei N = 4, 16, 64 von Batch zu Batch schwanken, und die Lücke Training/zurückgehalten"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Three Batch Norm networks train with batch sizes 4, 16 and 64 (same seed, initial weights, lr 0.05).

                    Every 50 steps, 16 random batches of each size go through layer 1 at the current weights. The bars show how much each channel's batch mean varies between them (standard deviation, in units of the channel's σ), and the same for the variance (relative to its average).

                    The noise falls with the batch size, roughly as 1/√N: four times the batch, about half the noise (the column × √N stays about the same). The spread of the variance falls too.
                    """,
                    de: """
                    Drei Netze mit Batch Norm trainieren mit Batch-Größe 4, 16 und 64 (gleicher Seed, gleiche Startgewichte, Lernrate 0,05).

                    Alle 50 Schritte laufen 16 zufällige Batches jeder Größe durch Schicht 1, mit den aktuellen Gewichten. Die Balken zeigen, wie stark der Batch-Mittelwert jedes Kanals zwischen ihnen schwankt (Standardabweichung, in σ des Kanals), und dasselbe für die Varianz (relativ zu ihrem Mittel).

                    Das Rauschen nimmt mit der Batch-Größe etwa wie 1/√N ab: Viermal so große Batches haben etwa halb so viel Rauschen (die Spalte × √N bleibt etwa gleich). Die Streuung der Varianz nimmt ebenfalls ab.
                    """)),
            LessonPage(
                title: Localized(en: "The claim", de: "Die Behauptung"),
                text: Localized(
                    en: """
                    The glossary: batch statistics inject noise, which promotes generalization and reduces the need for explicit regularization. The noise acts like a small random shift and scaling of every activation, different each time an image is seen.

                    If that held here, the noisiest batches (N = 4) would do better on the held-out images. The gap between training and held-out accuracy (both in eval mode, on all images) is the other sign to watch — but a gap also shrinks when a network has simply learned less.
                    """,
                    de: """
                    Das Glossar: Batchbasierte Statistiken führen Rauschen ein, das die Generalisierungsfähigkeit fördert und explizite Regularisierung weniger nötig macht. Das Rauschen wirkt wie eine kleine zufällige Verschiebung und Skalierung jeder Aktivierung, jedes Mal anders, wenn ein Bild gesehen wird.

                    Wenn das hier gälte, schnitten die verrauschtesten Batches (N = 4) auf den zurückgehaltenen Bildern besser ab. Die Lücke zwischen der Genauigkeit auf den Trainingsbildern und auf den zurückgehaltenen Bildern (beide im Inferenzmodus, auf allen Bildern) ist das andere Zeichen — aber eine Lücke schrumpft auch, wenn ein Netz einfach weniger gelernt hat.
                    """)),
            LessonPage(
                title: Localized(en: "In fact", de: "Tatsächlich"),
                text: Localized(
                    en: """
                    On these digits the noise buys no better generalization. A single measurement of N = 4 jumps from one to the next, so compare means: over the measurements from step 300 to 600, N = 4 is more than 5 points behind N = 64 on the held-out images — and more than 5 points behind on the training images too. Where its gap is small, it is because N = 4 has learned less, not because it generalizes better. N = 64's gap stays below 3 points: the large batches barely overfit, so there is little for a regularizer to do. And at equal steps, N = 4 has seen 16 times fewer images.

                    Where the regularization comes from: Luo et al. (2019) analyse one building block (a weight layer, Batch Norm, ReLU) and show that Batch Norm with batch statistics amounts to normalizing with the population's statistics plus an explicit regularizer, a decay of γ — the noise of the batch mean and variance is what regularizes. Their experiments with convolutional networks show the same traits. A regularizer helps where a network overfits; this one hardly does.
                    """,
                    de: """
                    Auf diesen Ziffern bringt das Rauschen keine bessere Generalisierung. Die Werte von N = 4 springen von Messung zu Messung, darum zählen Mittelwerte: Über die Messungen von Schritt 300 bis 600 liegt N = 4 auf den zurückgehaltenen Bildern mehr als 5 Punkte hinter N = 64 — und auf den Trainingsbildern ebenfalls mehr als 5 Punkte. Wo seine Lücke klein ist, liegt das daran, dass N = 4 weniger gelernt hat, nicht daran, dass es besser generalisiert. Die Lücke von N = 64 bleibt unter 3 Punkten: Mit großen Batches gibt es kaum Überanpassung, für einen Regularisierer bleibt wenig zu tun. Und nach gleich vielen Schritten hat N = 4 nur ein Sechzehntel der Bilder gesehen.

                    Woher die Regularisierung kommt: Luo et al. (2019) untersuchen einen Baustein (Gewichtsschicht, Batch Norm, ReLU) und zeigen, dass Batch Norm mit Batch-Statistiken einer Normalisierung mit den Statistiken der Gesamtpopulation plus einem expliziten Regularisierer entspricht, einem Zerfall (Decay) von γ — das Rauschen von Batch-Mittelwert und -Varianz ist es, was regularisiert. Ihre Experimente mit Faltungsnetzen zeigen dieselben Züge. Ein Regularisierer hilft, wo ein Netz zur Überanpassung neigt; dieses tut es kaum.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { BatchNoiseEngine(seeds: $0) })

    /// The claims of pages 1 and 3, judged at step 600: the noise at every measurement up to
    /// there, the accuracies as means over the window of steps 300–600 (a single measurement of
    /// N = 4 jumps by many points, so one step decides nothing).
    static let claims: [Claim] = [
        .on(BatchNoiseEngine.self, id: "noise-falls-as-one-over-root-n",
            text: Localized(
                en: "At every measurement up to step 600, each fourfold batch divides the spread of the batch mean by 1.5 to 3 (1/√N: 2), and the spread of the batch variance falls too.",
                de: "Bei jeder Messung bis Schritt 600 teilt jede Vervierfachung des Batches die Streuung des Batch-Mittelwerts durch 1,5 bis 3 (1/√N: 2), und die Streuung der Batch-Varianz fällt ebenfalls."),
            step: 600
        ) { engine, seed in
            let measurements = (0..<engine.runs.count).map { engine.measurements($0, seed: seed, steps: 0...600) }
            let count = measurements.map(\.count).min() ?? 0
            let fall = BatchNoiseClaims.rootNFall(
                meanSpreads: (0..<count).map { m in measurements.map { $0[m].spread.relativeSpreadOfMeans } },
                varianceSpreads: (0..<count).map { m in measurements.map { $0[m].spread.relativeSpreadOfVariances } })
            guard let fall else {
                return Verdict(holds: false, measured: Localized(en: "not measured", de: "nicht gemessen"))
            }
            let variance = Localized(
                en: fall.varianceFalls ? "variance's spread falls" : "variance's spread does not always fall",
                de: fall.varianceFalls ? "Streuung der Varianz fällt" : "Streuung der Varianz fällt nicht immer")
            return Verdict(
                holds: fall.holds,
                measured: Localized(
                    en: "÷ \(MeasuredNumber.short(fall.lowest)) to \(MeasuredNumber.short(fall.highest)) over \(count) measurements; \(variance.en)",
                    de: "÷ \(MeasuredNumber.short(fall.lowest, .de)) bis \(MeasuredNumber.short(fall.highest, .de)) über \(count) Messungen; \(variance.de)"))
        },
        accuracyClaim(
            id: "small-batches-behind-on-held-out",
            en: "Over steps 300–600 (mean of the measurements), N = 4 is more than 5 points behind N = 64 on the held-out images.",
            de: "Über die Schritte 300–600 (Mittel der Messungen) liegt N = 4 auf den zurückgehaltenen Bildern mehr als 5 Punkte hinter N = 64.",
            value: { $0.heldOut.accuracy }),
        accuracyClaim(
            id: "small-batches-behind-on-training",
            en: "Over the same steps, N = 4 is more than 5 points behind N = 64 on the training images too: it has learned less.",
            de: "Über dieselben Schritte liegt N = 4 auch auf den Trainingsbildern mehr als 5 Punkte hinter N = 64: Es hat weniger gelernt.",
            value: { $0.training.accuracy }),
        .on(BatchNoiseEngine.self, id: "large-batches-barely-overfit",
            text: Localized(
                en: "N = 64's gap between training and held-out accuracy stays below 3 points over steps 300–600 (mean of the measurements).",
                de: "Die Lücke von N = 64 zwischen der Genauigkeit auf den Trainingsbildern und auf den zurückgehaltenen Bildern bleibt über die Schritte 300–600 unter 3 Punkten (Mittel der Messungen)."),
            step: 600
        ) { engine, seed in
            let gap = engine.mean(\.gap, run: 2, seed: seed, steps: BatchNoiseClaims.window)
            return Verdict(
                holds: gap.map { $0 < 0.03 } ?? false,
                measured: Localized(
                    en: "N = 64: gap \(BatchNoiseClaims.points(gap)) points",
                    de: "N = 64: Lücke \(BatchNoiseClaims.points(gap, .de)) Punkte"))
        },
    ]

    /// A claim that N = 4 is more than 5 points behind N = 64 in the mean of `value` over
    /// ``BatchNoiseClaims/window``, judged at step 600.
    static func accuracyClaim(
        id: String, en: String, de: String, value: @escaping @Sendable (BatchNoiseEngine.Measurement) -> Double
    ) -> Claim {
        .on(BatchNoiseEngine.self, id: id, text: Localized(en: en, de: de), step: 600) { engine, seed in
            let small = engine.mean(value, run: 0, seed: seed, steps: BatchNoiseClaims.window)
            let large = engine.mean(value, run: 2, seed: seed, steps: BatchNoiseClaims.window)
            let percent = { (fraction: Double?, language: Language) in fraction.map { MeasuredNumber.percent($0, language) } ?? "–" }
            return Verdict(
                holds: BatchNoiseClaims.ahead(large, of: small, by: 0.05),
                measured: Localized(
                    en: "N = 4: \(percent(small, .en)), N = 64: \(percent(large, .en))",
                    de: "N = 4: \(percent(small, .de)), N = 64: \(percent(large, .de))"))
        }
    }
}

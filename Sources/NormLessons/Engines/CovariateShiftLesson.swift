import NormMath

/// Lesson 6, "Reduzierung der internen Kovariatverschiebung": the distribution of one unit's
/// input over training, with and without batch norm — the 15th, 50th and 85th percentiles as
/// Ioffe & Szegedy (2015, Fig. 1) plot them, and the histograms over time.
public enum CovariateShiftLesson {
    public static let lesson = Lesson(
        id: "covariate-shift", number: 6, section: "Reduzierung der internen Kovariatverschiebung",
        title: Localized(en: "Internal covariate shift", de: "Interne Kovariatverschiebung"),
        summary: Localized(
            en: "one unit's input distribution over training: percentiles and histograms, with and without batch norm",
            de: "die Eingabeverteilung einer Einheit im Training: Perzentile und Histogramme, mit und ohne Batch Norm"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Two copies of one network (same seed, data, initial weights, lr 0.05), one with Batch Norm, one without. Each column follows one channel of layer 3: the values its ReLU receives on a fixed batch of held-out images.

                    Top: the 15th, 50th and 85th percentile over the steps (Ioffe & Szegedy 2015, Fig. 1). Below: the histogram every 10 steps, oldest at the top.

                    Press space and watch the bottom line of each column: how much wider the middle 70% has become since the start.
                    """,
                    de: """
                    Zwei Kopien eines Netzes (gleicher Seed, gleiche Daten und Startgewichte, Lernrate 0,05) trainieren nebeneinander, eine mit Batch Norm, eine ohne. Jede Spalte verfolgt einen Kanal von Schicht 3: die Werte, die seine ReLU für einen festen Batch zurückgehaltener Bilder erhält.

                    Oben stehen das 15., 50. und 85. Perzentil im Verlauf der Schritte (Ioffe & Szegedy 2015, Abb. 1), darunter alle 10 Schritte ein Histogramm, das älteste oben.

                    Drücke die Leertaste und beobachte die unterste Zeile jeder Spalte: um wie viel breiter die mittleren 70 % seit dem Start geworden sind.
                    """)),
            LessonPage(
                title: Localized(en: "What happens", de: "Was passiert"),
                text: Localized(
                    en: """
                    Without normalization, every update of layers 1 and 2 changes what layer 3 receives: in 300 steps the middle 70% of this channel's input becomes more than 5 times wider (about 9 to 70 times on seeds 1–30). Layer 3 has to keep re-adapting to a moving input — the internal covariate shift.

                    With Batch Norm the input of the ReLU is (x − μ)/σ·γ + β: its location and width are set by γ and β alone. They learn too, so the distribution still moves — here 1 to 4 times wider in 300 steps, a third or less of the factor without normalization — but slowly, and only where the loss asks for it.
                    """,
                    de: """
                    Ohne Normalisierung ändert jedes Update der Schichten 1 und 2, was Schicht 3 erhält: In 300 Schritten werden die mittleren 70 % der Eingabe dieses Kanals mehr als 5-mal breiter (bei den Seeds 1–30 etwa 9- bis 70-mal). Schicht 3 muss sich ständig an eine wandernde Eingabe anpassen — das ist die interne Kovariatverschiebung.

                    Mit Batch Norm ist die Eingabe der ReLU (x − μ)/σ·γ + β: Lage und Breite bestimmen allein γ und β. Auch sie lernen, die Verteilung bewegt sich also weiterhin — hier in 300 Schritten 1- bis 4-mal breiter, höchstens ein Drittel des Faktors ohne Normalisierung —, aber langsam und nur dort, wo der Verlust es verlangt.
                    """)),
            LessonPage(
                title: Localized(en: "Keys and caveats", de: "Tasten und Vorbehalte"),
                text: Localized(
                    en: """
                    [ and ] choose the layer, c and C the channel; the curves then start again from the current step.

                    Layer 1 shifts too (press [ twice before space): its input, the images, does not change, but its ReLU input depends on its own weights. With Batch Norm its width changes by at most a factor of 1.5 in 300 steps; without normalization its factor is a fifth or less of layer 3's — wider on most seeds, on a few even narrower. The shift builds up with depth.

                    Reducing internal covariate shift was the original explanation of Batch Norm (Ioffe & Szegedy 2015). Santurkar et al. (2018) showed that networks train well even when noise is injected after Batch Norm to shift the distributions again — the smoother landscape (lesson 7) may matter more.
                    """,
                    de: """
                    [ und ] wählen die Schicht, c und C den Kanal; die Kurven beginnen dann beim aktuellen Schritt neu.

                    Auch in Schicht 1 gibt es eine Verschiebung (drücke vor der Leertaste zweimal [): Die Eingabe der Schicht, die Bilder, ändert sich nicht, aber die Eingabe ihrer ReLU hängt von ihren eigenen Gewichten ab. Mit Batch Norm ändert sich ihre Breite in 300 Schritten höchstens um den Faktor 1,5; ohne Normalisierung beträgt ihr Faktor höchstens ein Fünftel des Faktors von Schicht 3 — bei den meisten Seeds wird sie breiter, bei einigen sogar schmaler. Die Verschiebung nimmt mit der Tiefe zu.

                    Die Reduzierung der internen Kovariatverschiebung war die ursprüngliche Erklärung für Batch Norm (Ioffe & Szegedy 2015). Santurkar et al. (2018) zeigten, dass sich Netze auch dann gut trainieren lassen, wenn nach Batch Norm Rauschen eingespeist wird, das die Verteilungen wieder verschiebt — die glattere Verlustfunktionslandschaft (Lektion 7) ist vielleicht wichtiger.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { CovariateShiftEngine(seeds: $0) })

    /// Pages 2 and 3: how many times wider the 15–85 % range of channel 0's ReLU input is after
    /// 300 steps than before the first, in layer 3 (block 2, what the screen follows first)
    /// and in layer 1, with Batch Norm (run 0) and without normalization (run 1).
    static let claims: [Claim] = [
        widening(
            id: "plain-layer-3-widens-5x", run: 1, block: 2, range: 5...,
            en: "Without normalization, in 300 steps the middle 70% of layer 3's input becomes more than 5 times wider.",
            de: "Ohne Normalisierung werden in 300 Schritten die mittleren 70 % der Eingabe von Schicht 3 mehr als 5-mal breiter."),
        widening(
            id: "bn-layer-3-widens-1-to-4x", run: 0, block: 2, range: 1...4,
            en: "With Batch Norm the distribution still moves: 1 to 4 times wider in 300 steps.",
            de: "Mit Batch Norm bewegt sich die Verteilung weiterhin: Sie wird in 300 Schritten 1- bis 4-mal breiter."),
        atLeast(
            id: "bn-factor-a-third-or-less", times: 3, larger: (run: 1, block: 2), smaller: (run: 0, block: 2),
            en: "With Batch Norm layer 3's widening factor is a third or less of the one without normalization.",
            de: "Mit Batch Norm ist der Verbreiterungsfaktor der Eingabe von Schicht 3 höchstens ein Drittel des Faktors ohne Normalisierung."),
        widening(
            id: "bn-layer-1-stays", run: 0, block: 0, range: (1 / 1.5)...1.5,
            en: "With Batch Norm the width of layer 1's input changes by at most a factor of 1.5, narrower or wider, in 300 steps.",
            de: "Mit Batch Norm ändert sich die Breite der Eingabe von Schicht 1 in 300 Schritten höchstens um den Faktor 1,5, schmaler oder breiter."),
        atLeast(
            id: "shift-builds-with-depth", times: 5, larger: (run: 1, block: 2), smaller: (run: 1, block: 0),
            en: "Without normalization layer 1's widening factor is a fifth or less of layer 3's: the shift builds up with depth.",
            de: "Ohne Normalisierung ist der Verbreiterungsfaktor von Schicht 1 höchstens ein Fünftel des Faktors von Schicht 3: Die Verschiebung nimmt mit der Tiefe zu."),
    ]

    /// Run `run`'s channel 0 in `block` widens by a factor in `range` in 300 steps.
    private static func widening<R: RangeExpression<Double> & Sendable>(
        id: String, run: Int, block: Int, range: R, en: String, de: String
    ) -> Claim {
        .on(CovariateShiftEngine.self, id: id, text: Localized(en: en, de: de), step: 300) { engine, seed in
            let factor = engine.widening(run, seed: seed, block: block)
            let name = ComparedRuns.normalizationNames[run]
            return Verdict(holds: factor.map(range.contains) ?? false, measured: Localized(
                en: "\(name.en), layer \(block + 1): ×\(factor.map { MeasuredNumber.short($0) } ?? "–")",
                de: "\(name.de), Schicht \(block + 1): ×\(factor.map { MeasuredNumber.short($0, .de) } ?? "–")"))
        }
    }

    /// One widening factor is at least `times` another: (run, block) pairs as in `widening`.
    private static func atLeast(
        id: String, times: Double, larger: (run: Int, block: Int), smaller: (run: Int, block: Int), en: String, de: String
    ) -> Claim {
        .on(CovariateShiftEngine.self, id: id, text: Localized(en: en, de: de), step: 300) { engine, seed in
            let big = engine.widening(larger.run, seed: seed, block: larger.block) ?? 0
            let small = engine.widening(smaller.run, seed: seed, block: smaller.block) ?? .infinity
            func label(_ side: (run: Int, block: Int), _ language: Language) -> String {
                "\(ComparedRuns.normalizationNames[side.run](language)), \(Localized(en: "layer", de: "Schicht")(language)) \(side.block + 1)"
            }
            return Verdict(holds: big >= times * small, measured: Localized(
                en: "\(label(larger, .en)) ×\(MeasuredNumber.short(big)), \(label(smaller, .en)) ×\(MeasuredNumber.short(small))",
                de: "\(label(larger, .de)) ×\(MeasuredNumber.short(big, .de)); \(label(smaller, .de)) ×\(MeasuredNumber.short(small, .de))"))
        }
    }
}

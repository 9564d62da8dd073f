import NormMath

/// Lesson 7, "Optimierungslandschaft": with batch norm a learning rate far too large for the
/// plain network still trains, and the loss along the gradient stays in a narrow band
/// (Santurkar et al. 2018, Fig. 4) — the landscape the optimizer walks on is smoother.
public enum LearningRateLesson {
    public static let lesson = Lesson(
        id: "learning-rate", number: 7, section: "Optimierungslandschaft",
        title: Localized(en: "Higher learning rates", de: "Höhere Lernraten"),
        summary: Localized(
            en: "the same network at lr 2: with batch norm it learns, without it stays at chance; the loss along the gradient as a band",
            de: "dasselbe Netz bei Lernrate 2: Mit Batch Norm lernt es, ohne bleibt es auf Zufallsniveau; der Verlust entlang des Gradienten als Band"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Two copies of one network — same seed, data and initial weights, same learning rate — one with Batch Norm, one without normalization.

                    Press space. At lr 2 the Batch Norm network learns: by step 300 it is far above chance on the held-out images (over 60%, on every seed checked). The plain one is thrown off in its first steps and stays at chance (10%): its loss stays near ln 10 ≈ 2.3. The last page checks both.

                    [ and ] change the learning rate for both (0.05, 0.5, 2) and start again.
                    """,
                    de: """
                    Zwei Kopien eines Netzes — gleicher Seed, gleiche Daten und Startgewichte, gleiche Lernrate — eine mit Batch Norm, eine ohne Normalisierung.

                    Drücke die Leertaste. Bei Lernrate 2 lernt das Netz mit Batch Norm: Bei Schritt 300 liegt es auf den zurückgehaltenen Bildern weit über dem Zufallsniveau (über 60 %, bei jedem geprüften Seed). Das Netz ohne Normalisierung wird in den ersten Schritten aus der Bahn geworfen und bleibt auf Zufallsniveau (10 %): Sein Verlust liegt nahe bei ln 10 ≈ 2,3. Die letzte Seite prüft beides.

                    [ und ] ändern die Lernrate für beide (0,05; 0,5; 2) und starten neu.
                    """)),
            LessonPage(
                title: Localized(en: "The band", de: "Das Band"),
                text: Localized(
                    en: """
                    Every 5 steps, both networks are probed on a fixed batch: from the current weights w, the loss at w − k·lr·g is measured for k = ¼, ½, 1, 2 and 4 (g the gradient, lr the learning rate). The band spans the smallest to the largest of those losses (Santurkar et al. 2018, Fig. 4).

                    A narrow band: a step along the gradient, small or large, lands somewhere predictable. A wide band: the same direction leads up a wall a little further on.

                    Compare the two bands at lr 0.05 (press [ twice), where both networks learn. Careful: an absolute width favours the network whose loss is lower; what matters is the band's height relative to the loss.
                    """,
                    de: """
                    Alle 5 Schritte werden beide Netze auf einem festen Batch vermessen: Von den aktuellen Gewichten w aus wird der Verlust bei w − k·lr·g gemessen, für k = ¼, ½, 1, 2 und 4 (g ist der Gradient, lr die Lernrate). Das Band reicht vom kleinsten bis zum größten dieser Verluste (Santurkar et al. 2018, Abb. 4).

                    Ein schmales Band: Ein Schritt entlang des Gradienten, ob klein oder groß, landet an einer vorhersehbaren Stelle. Ein breites Band: Dieselbe Richtung führt ein Stück weiter eine Wand hinauf.

                    Vergleiche die beiden Bänder bei Lernrate 0,05 (zweimal [ drücken), bei der beide Netze lernen. Vorsicht: Die absolute Breite begünstigt das Netz mit dem niedrigeren Verlust; entscheidend ist die Höhe des Bandes im Verhältnis zum Verlust.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    The glossary's "Optimierungslandschaft": normalization smooths the loss landscape and so allows higher learning rates without divergence. In this network that holds for Batch Norm; does it hold for every normalization? Try normtui --compare variant=layer --lr 2, or --variant instance.

                    Part of the reason is scale invariance (lesson 9): a step that makes the weights larger does not make the activations larger, it only shrinks the next gradient.

                    Look closely at lr 2: once the plain network is stuck, its band is narrow too — but at the height of guessing (loss near ln 10). A narrow band is no good valley: it only helps where the loss is still going down.
                    """,
                    de: """
                    Die „Optimierungslandschaft“ des Glossars: Normalisierung glättet die Verlustfunktionslandschaft und ermöglicht so höhere Lernraten ohne Divergenz. In diesem Netz gilt das für Batch Norm; gilt es für jede Normalisierung? Probiere normtui --compare variant=layer --lr 2 oder --variant instance.

                    Ein Teil des Grundes ist die Skaleninvarianz (Lektion 9): Ein Schritt, der die Gewichte größer macht, macht die Aktivierungen nicht größer, sondern verkleinert nur den nächsten Gradienten.

                    Schau bei Lernrate 2 genau hin: Sobald das Netz ohne Normalisierung feststeckt, ist auch sein Band schmal — aber auf Zufallsniveau (Verlust nahe bei ln 10). Ein schmales Band ist noch kein gutes Tal: Es hilft nur, wo der Verlust noch fällt.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { LearningRateEngine(seeds: $0) })

    /// Page 1's results at the lesson's own learning rate, 2, judged at step 300.
    static let claims: [Claim] = [
        .on(LearningRateEngine.self, id: "bn-learns-at-lr-2",
            text: Localized(
                en: "At lr 2 the Batch Norm network learns: over 60% held-out accuracy at step 300.",
                de: "Bei Lernrate 2 lernt das Netz mit Batch Norm: über 60 % Genauigkeit auf den zurückgehaltenen Daten bei Schritt 300."),
            step: 300
        ) { engine, seed in
            let accuracy = engine.heldOutAccuracy(0, seed: seed) ?? 0
            return Verdict(
                holds: accuracy > 0.6,
                measured: Localized(en: "Batch Norm: \(MeasuredNumber.percent(accuracy))", de: "Batch Norm: \(MeasuredNumber.percent(accuracy, .de))"))
        },
        .on(LearningRateEngine.self, id: "plain-at-chance-at-lr-2",
            text: Localized(
                en: "Without normalization it stays at chance: at most 15% held-out accuracy at step 300, its loss near ln 10 ≈ 2.3 (mean of steps 251–300 between 2.2 and 2.8).",
                de: "Ohne Normalisierung bleibt es auf Zufallsniveau: höchstens 15 % Genauigkeit auf den zurückgehaltenen Daten bei Schritt 300, sein Verlust nahe ln 10 ≈ 2,3 (Mittelwert der Schritte 251–300 zwischen 2,2 und 2,8)."),
            step: 300
        ) { engine, seed in
            let accuracy = engine.heldOutAccuracy(1, seed: seed) ?? 1
            let loss = engine.recentLoss(1, steps: 50, seed: seed) ?? .nan
            return Verdict(
                holds: accuracy <= 0.15 && (2.2...2.8).contains(loss),
                measured: Localized(
                    en: "no normalization: \(MeasuredNumber.percent(accuracy)), loss \(MeasuredNumber.short(loss))",
                    de: "Ohne Normalisierung: \(MeasuredNumber.percent(accuracy, .de)), Verlust \(MeasuredNumber.short(loss, .de))"))
        },
    ]
}

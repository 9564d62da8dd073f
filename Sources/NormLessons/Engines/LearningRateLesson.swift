import NormMath

/// Lesson 3, "Optimierungslandschaft": with batch norm a learning rate far too large for the
/// plain network still trains, and the loss along the gradient stays in a narrow band
/// (Santurkar et al. 2018, Fig. 4) — the landscape the optimizer walks on is smoother.
public enum LearningRateLesson {
    public static let lesson = Lesson(
        id: "learning-rate", number: 3, section: "Optimierungslandschaft",
        title: Localized(en: "Higher learning rates", de: "Höhere Lernraten"),
        summary: Localized(
            en: "the same network at lr 2: with batch norm it learns, without it stays at chance; the loss along the gradient as a band",
            de: "dasselbe Netz bei Lernrate 2: mit Batch Norm lernt es, ohne bleibt es beim Raten; der Verlust entlang des Gradienten als Band"),
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

                    Drücke die Leertaste. Bei Lernrate 2 lernt das Netz mit Batch Norm: Bei Schritt 300 liegt es auf den zurückgehaltenen Bildern weit über dem Zufallsniveau (über 60 %, auf jedem geprüften Seed). Das Netz ohne Normalisierung wird in den ersten Schritten aus der Bahn geworfen und bleibt auf Zufallsniveau (10 %): Sein Verlust bleibt nahe ln 10 ≈ 2,3. Die letzte Seite prüft beides.

                    [ und ] ändern die Lernrate für beide (0,05, 0,5, 2) und starten neu.
                    """)),
            LessonPage(
                title: Localized(en: "The band", de: "Das Band"),
                text: Localized(
                    en: """
                    Every 5 steps, both networks are probed on a fixed batch: from the current weights w, the loss at w − k·lr·g is measured for k = ¼, ½, 1, 2 and 4 (g the gradient, lr the learning rate). The band spans the smallest to the largest of those losses (Santurkar et al. 2018, Fig. 4).

                    A narrow band: a step along the gradient, small or large, lands somewhere predictable. A wide band: the same direction leads up a wall a little further on.

                    At lr 0.05, where both learn, the plain network's band is many times wider than Batch Norm's.
                    """,
                    de: """
                    Alle 5 Schritte werden beide Netze auf einer festen Batch vermessen: von den aktuellen Gewichten w aus wird der Verlust bei w − k·lr·g gemessen, für k = ¼, ½, 1, 2 und 4 (g der Gradient, lr die Lernrate). Das Band reicht vom kleinsten bis zum größten dieser Verluste (Santurkar et al. 2018, Abb. 4).

                    Ein schmales Band: ein Schritt entlang des Gradienten, ob klein oder groß, landet vorhersehbar. Ein breites Band: dieselbe Richtung führt etwas weiter eine Wand hinauf.

                    Bei Lernrate 0,05, wo beide lernen, ist das Band des Netzes ohne Normalisierung um ein Vielfaches breiter als das mit Batch Norm.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    The glossary's "Optimierungslandschaft": normalization smooths the loss landscape and so allows higher learning rates without divergence.

                    Part of the reason is scale invariance (lesson 6): a step that makes the weights larger does not make the activations larger, it only shrinks the next gradient.

                    Look closely at lr 2: once the plain network is stuck, its band is narrow too — but at the height of guessing. It is a flat plateau of dead ReLUs, not a good valley: a narrow band only helps where the loss is still going down.
                    """,
                    de: """
                    Die "Optimierungslandschaft" des Glossars: Normalisierung glättet die Verlustfunktionslandschaft und ermöglicht so höhere Lernraten ohne Divergenz.

                    Ein Teil des Grundes ist die Skaleninvarianz (Lektion 6): ein Schritt, der die Gewichte größer macht, macht die Aktivierungen nicht größer, er verkleinert nur den nächsten Gradienten.

                    Genau hinsehen bei Lernrate 2: sobald das Netz ohne Normalisierung feststeckt, ist auch sein Band schmal — aber auf der Höhe des Ratens. Das ist ein flaches Plateau toter ReLUs, kein gutes Tal: ein schmales Band hilft nur, wo der Verlust noch fällt.
                    """)),
        ],
        claims: claims,
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
                de: "Ohne Normalisierung bleibt es auf Zufallsniveau: höchstens 15 % Genauigkeit auf den zurückgehaltenen Daten bei Schritt 300, sein Verlust nahe ln 10 ≈ 2,3 (Mittel der Schritte 251–300 zwischen 2,2 und 2,8)."),
            step: 300
        ) { engine, seed in
            let accuracy = engine.heldOutAccuracy(1, seed: seed) ?? 1
            let loss = engine.recentLoss(1, steps: 50, seed: seed) ?? .nan
            return Verdict(
                holds: accuracy <= 0.15 && (2.2...2.8).contains(loss),
                measured: Localized(
                    en: "no normalization: \(MeasuredNumber.percent(accuracy)), loss \(MeasuredNumber.short(loss))",
                    de: "ohne Normalisierung: \(MeasuredNumber.percent(accuracy, .de)), Verlust \(MeasuredNumber.short(loss, .de))"))
        },
    ]
}

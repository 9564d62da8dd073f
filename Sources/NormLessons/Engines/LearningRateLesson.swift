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

                    Press space. At lr 2 the Batch Norm network reaches about 90% held-out accuracy within 300 steps. The plain one is thrown off in its first steps and stays at chance (10%): its loss sits at ln 10 ≈ 2.3.

                    [ and ] change the learning rate for both (0.05, 0.5, 2) and start again.
                    """,
                    de: """
                    Zwei Kopien eines Netzes — gleicher Seed, gleiche Daten und Startgewichte, gleiche Lernrate — eine mit Batch Norm, eine ohne Normalisierung.

                    Drücke die Leertaste. Bei Lernrate 2 erreicht das Netz mit Batch Norm in 300 Schritten etwa 90 % Genauigkeit auf den zurückgehaltenen Daten. Das Netz ohne wird in den ersten Schritten aus der Bahn geworfen und bleibt beim Raten (10 %): sein Verlust bleibt bei ln 10 ≈ 2,3.

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
                    Alle 5 Schritte werden beide Netze auf einem festen Batch vermessen: von den aktuellen Gewichten w aus wird der Verlust bei w − k·lr·g gemessen, für k = ¼, ½, 1, 2 und 4 (g der Gradient, lr die Lernrate). Das Band reicht vom kleinsten bis zum größten dieser Verluste (Santurkar et al. 2018, Abb. 4).

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
        makeEngine: { LearningRateEngine() })
}

import NormMath

/// Lesson 10, "Anwendungsgebiete: Rekurrente Netzwerke": layer norm in a GRU (Ba et al. 2016)
/// on a long-range task — how much gradient reaches the early time steps, how far the hidden
/// state spreads, how fast each learns — and why batch norm does not fit there.
public enum SequencesLesson {
    /// When the gradient and the loss after training are judged: both runs have learned the task.
    static let learnedAt = 600
    /// When the two runs' losses are compared.
    static let comparedAt = 800
    /// The late steps of the padded batch.
    static let lateSteps = 41...60

    public static let lesson = Lesson(
        id: "sequences", number: 10, section: "Anwendungsgebiete: RNNs, LSTMs, GRUs",
        title: Localized(en: "Recurrent networks", de: "Rekurrente Netze"),
        summary: Localized(
            en: "a GRU on the adding problem over 60 steps, with and without layer norm: before training layer norm lets at least 100 times as much gradient reach the first step; both learn the task; batch norm's per-step statistics on a padded batch",
            de: "ein GRU auf dem Additionsproblem über 60 Schritte, mit und ohne Layer Norm: Vor dem Training erreicht mit Layer Norm mindestens 100-mal so viel vom Gradienten den ersten Schritt; beide lernen die Aufgabe; die Statistiken von Batch Norm je Schritt auf einem aufgefüllten Batch"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    The adding problem: a sequence of 60 steps, each a random value in [0, 1] and a marker. Two steps are marked, one in each half; the answer is the sum of their two values. To give it, the network has to keep the first marked value for up to 59 steps. Predicting the mean sum, 1, without looking scores 1/6 ≈ 0.167: the yardstick in the loss chart's title.

                    Two GRUs with 16 hidden units — same seed, same initial weights, same batches, Adam with the gradient clipped to norm 1 — one plain, one with layer norm inside. Every 25 steps both look at one held-out batch of 128 sequences.

                    The lower chart shows how much of the error's gradient reaches each time step: ‖∂L/∂h_t‖ relative to the last step. Before you press space it shows the untrained networks: in the plain GRU less than 10⁻⁸ of it reaches step 1, with layer norm at least 100 times as much. Press space and watch the plain curve rise: by step 600 both carry at least a twentieth of the gradient back to step 1, and both have fallen below a twentieth of the yardstick. The last page checks it, on every seed.
                    """,
                    de: """
                    Das Additionsproblem: eine Folge aus 60 Schritten, jeder mit einem zufälligen Wert in [0, 1] und einer Markierung. Zwei Schritte sind markiert, einer in jeder Hälfte; die Antwort ist die Summe ihrer beiden Werte. Um sie zu geben, muss sich das Netz den ersten markierten Wert bis zu 59 Schritte lang merken. Wer, ohne auf die Eingabe zu schauen, die mittlere Summe 1 vorhersagt, kommt auf einen Verlust von 1/6 ≈ 0,167: Das ist der Maßstab im Titel des Verlustdiagramms.

                    Zwei GRUs mit 16 verborgenen Einheiten — gleicher Seed, gleiche Startgewichte, gleiche Mini-Batches, Adam mit auf Norm 1 beschnittenem Gradienten — eines ohne Normalisierung, eines mit Layer Norm im Inneren. Alle 25 Schritte schauen beide auf einen zurückgehaltenen Batch aus 128 Folgen.

                    Das untere Diagramm zeigt, wie viel vom Gradienten des Fehlers jeden Zeitschritt erreicht: ‖∂L/∂h_t‖ relativ zum letzten Schritt. Bevor du die Leertaste drückst, zeigt es die untrainierten Netze: Im GRU ohne Normalisierung kommt weniger als 10⁻⁸ davon bei Schritt 1 an, mit Layer Norm mindestens 100-mal so viel. Drücke die Leertaste und sieh zu, wie die Kurve ohne Normalisierung steigt: Bei Schritt 600 tragen beide mindestens ein Zwanzigstel des Gradienten bis Schritt 1 zurück, und beide sind unter ein Zwanzigstel des Maßstabs gefallen. Die letzte Seite prüft das, bei jedem Seed.
                    """)),
            LessonPage(
                title: Localized(en: "LN in a GRU", de: "LN im GRU"),
                text: Localized(
                    en: """
                    A GRU step mixes the old hidden state h with a new candidate n through gates: h_t = (1 − z)·n + z·h_{t−1}. The gates and the candidate are computed from the input and from W_h·h_{t−1}, the recurrent summed input. Ba et al. (2016) normalize each summed input per sample over the hidden units, at every step: ã = γ·(a − μ)/σ + β. Here only the recurrent part is normalized: with two input features, normalizing W_x·x over 16 units would erase the size of the value, the very thing to be added.

                    Why the gradient vanishes: going back one step multiplies it by ∂h_t/∂h_{t−1}. In the untrained plain GRU that is about z, near 0.5 at the start, plus a small term through the small W_h, and 59 such factors leave almost nothing (the last page has the numbers). Layer norm divides the recurrent path by σ(W_h·h): a small hidden state gets a full-sized input anyway, so the path back is not as damped. The same shows forwards: before training the hidden state at step 60 spreads at least 1.5 times as wide with layer norm (page 2 of the small screen, or the lower left chart).

                    With Adam and clipping the plain GRU learns anyway, and the path back opens as it learns: a gated cell can learn to hold a value (z near 1 makes ∂h_t/∂h_{t−1} near 1). Layer norm brings no clear lead here: at step 800 the plain GRU's held-out loss is at most 5 times layer norm's. Ba et al. report faster training with layer norm for large LSTMs on real tasks; this small task does not show that, and the lesson says so.
                    """,
                    de: """
                    Ein GRU-Schritt mischt den alten verborgenen Zustand h über Gates mit einem neuen Kandidaten n: h_t = (1 − z)·n + z·h_{t−1}. Gates und Kandidat werden aus der Eingabe und aus W_h·h_{t−1} berechnet, der rekurrenten summierten Eingabe. Ba et al. (2016) normalisieren jede summierte Eingabe je Sample über die verborgenen Einheiten, in jedem Schritt: ã = γ·(a − μ)/σ + β. Hier wird nur der rekurrente Teil normalisiert: Bei zwei Eingabemerkmalen würde das Normalisieren von W_x·x über 16 Einheiten die Größe des Werts auslöschen, also genau das, was addiert werden soll.

                    Warum der Gradient verschwindet: Jeder Schritt zurück multipliziert ihn mit ∂h_t/∂h_{t−1}. Im untrainierten GRU ohne Normalisierung ist das etwa z, zu Beginn nahe 0,5, plus ein kleiner Term durch das kleine W_h, und 59 solche Faktoren lassen fast nichts übrig (die Zahlen stehen auf der letzten Seite). Layer Norm teilt den rekurrenten Pfad durch σ(W_h·h): Ein kleiner verborgener Zustand bekommt trotzdem eine Eingabe voller Größe, also wird der Weg zurück nicht so stark gedämpft. Dasselbe zeigt sich vorwärts: Vor dem Training streut der verborgene Zustand bei Schritt 60 mit Layer Norm mindestens 1,5-mal so weit (Seite 2 auf dem kleinen Bildschirm oder das Diagramm links unten).

                    Mit Adam und beschnittenem Gradienten lernt das GRU ohne Normalisierung trotzdem, und der Weg zurück öffnet sich, während es lernt: Eine Zelle mit Gates kann lernen, einen Wert zu halten (z nahe 1 macht ∂h_t/∂h_{t−1} nahe 1). Layer Norm bringt hier keinen klaren Vorsprung: Bei Schritt 800 ist der Verlust des GRU ohne Normalisierung auf dem zurückgehaltenen Batch höchstens 5-mal so groß wie der mit Layer Norm. Ba et al. berichten von schnellerem Training mit Layer Norm bei großen LSTMs auf echten Aufgaben; diese kleine Aufgabe zeigt das nicht, und die Lektion sagt das offen.
                    """)),
            LessonPage(
                title: Localized(en: "Not batch norm", de: "Keine Batch Norm"),
                text: Localized(
                    en: """
                    Batch norm takes a feature's mean and variance over the mini-batch. In a recurrent network the statistics change from step to step, so it needs one set per time step (Cooijmans et al. 2017 keep separate statistics per step) — and a sequence at inference longer than any in training reaches steps that have none.

                    Sequences of different lengths are batched by padding them with zeros to the longest. The chart shows a batch of 32 of this lesson's sequences, 15 to 60 steps long: the mean of the value input per step over the whole padded batch, and over the sequences still running. Over steps 41–60 the padded mean is on average less than half the true one: the zeros pull it down, and the few sequences still running rest on statistics made mostly of padding. Masking the padding out helps the mean, but the late steps still have only a handful of samples.

                    Layer norm takes its statistics per sample and per step, over the hidden units: no batch, no padding, the same computation in training and at inference, for a sequence of any length.
                    """,
                    de: """
                    Batch Norm nimmt Mittelwert und Varianz eines Merkmals über den Mini-Batch. In einem rekurrenten Netz ändert sich die Statistik von Schritt zu Schritt, also braucht Batch Norm einen eigenen Satz Statistiken je Zeitschritt (Cooijmans et al. 2017 führen getrennte Statistiken je Schritt) — und eine Folge, die im Inferenzmodus länger ist als jede im Training, erreicht Schritte, für die es keine gibt.

                    Folgen verschiedener Länge fasst man zu einem Batch zusammen, indem man sie mit Nullen auf die Länge der längsten auffüllt. Das Diagramm zeigt einen Batch aus 32 Folgen dieser Lektion, 15 bis 60 Schritte lang: den Mittelwert des Eingabewerts je Schritt über den ganzen aufgefüllten Batch und über die Folgen, die noch laufen. In den Schritten 41–60 ist der aufgefüllte Mittelwert im Schnitt weniger als halb so groß wie der wahre: Die Nullen ziehen ihn nach unten, und die wenigen noch laufenden Folgen werden mit einer Statistik normalisiert, die größtenteils aus Auffüllung besteht. Maskiert man die Auffüllung aus, hilft das dem Mittelwert, aber in den späten Schritten bleibt trotzdem nur eine Handvoll Samples.

                    Layer Norm nimmt ihre Statistik je Sample und je Schritt, über die verborgenen Einheiten: kein Batch, keine Auffüllung, dieselbe Rechnung im Training und im Inferenzmodus, für eine Folge beliebiger Länge.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { SequencesEngine(seeds: $0) })

    static let claims: [Claim] = [
        .on(SequencesEngine.self, id: "plain-gradient-vanishes",
            text: Localized(
                en: "Before training, less than 10⁻⁸ of the gradient at step 60 reaches step 1 in the plain GRU.",
                de: "Vor dem Training kommt im GRU ohne Normalisierung weniger als 10⁻⁸ des Gradienten von Schritt 60 bei Schritt 1 an."),
            step: 0
        ) { engine, seed in
            let plain = engine.firstToLastGradient(0, seed: seed, initial: true)
            return Verdict(
                holds: plain < 1e-8,
                measured: Localized(
                    en: "‖∂L/∂h_1‖ / ‖∂L/∂h_60‖: \(MeasuredNumber.short(plain))",
                    de: "‖∂L/∂h_1‖ / ‖∂L/∂h_60‖: \(MeasuredNumber.short(plain, .de))"))
        },
        .on(SequencesEngine.self, id: "layer-norm-passes-more-gradient",
            text: Localized(
                en: "Before training, with layer norm at least 100 times as much of the gradient reaches step 1.",
                de: "Vor dem Training kommt mit Layer Norm mindestens 100-mal so viel vom Gradienten bei Schritt 1 an."),
            step: 0
        ) { engine, seed in
            let plain = engine.firstToLastGradient(0, seed: seed, initial: true)
            let normalized = engine.firstToLastGradient(1, seed: seed, initial: true)
            return Verdict(
                holds: normalized >= 100 * plain,
                measured: Localized(
                    en: "step 1 / step 60: plain \(MeasuredNumber.short(plain)), layer norm \(MeasuredNumber.short(normalized)) (×\(MeasuredNumber.short(normalized / plain)))",
                    de: "Schritt 1 / Schritt 60: ohne \(MeasuredNumber.short(plain, .de)), Layer Norm \(MeasuredNumber.short(normalized, .de)) (×\(MeasuredNumber.short(normalized / plain, .de)))"))
        },
        .on(SequencesEngine.self, id: "layer-norm-spreads-the-hidden-state",
            text: Localized(
                en: "Before training, the hidden state at step 60 spreads at least 1.5 times as wide with layer norm.",
                de: "Vor dem Training streut der verborgene Zustand bei Schritt 60 mit Layer Norm mindestens 1,5-mal so weit."),
            step: 0
        ) { engine, seed in
            let plain = engine.finalSpread(0, seed: seed, initial: true), normalized = engine.finalSpread(1, seed: seed, initial: true)
            return Verdict(
                holds: normalized >= 1.5 * plain,
                measured: Localized(
                    en: "std of h_60: plain \(MeasuredNumber.short(plain)), layer norm \(MeasuredNumber.short(normalized))",
                    de: "Std. von h_60: ohne \(MeasuredNumber.short(plain, .de)), Layer Norm \(MeasuredNumber.short(normalized, .de))"))
        },
        .on(SequencesEngine.self, id: "training-opens-the-path-back",
            text: Localized(
                en: "By step 600 both GRUs carry at least a twentieth of the gradient back to step 1.",
                de: "Bei Schritt 600 tragen beide GRUs mindestens ein Zwanzigstel des Gradienten bis Schritt 1 zurück."),
            step: learnedAt
        ) { engine, seed in
            let plain = engine.firstToLastGradient(0, seed: seed), normalized = engine.firstToLastGradient(1, seed: seed)
            return Verdict(
                holds: plain >= 0.05 && normalized >= 0.05,
                measured: Localized(
                    en: "step 1 / step 60: plain \(MeasuredNumber.short(plain)), layer norm \(MeasuredNumber.short(normalized))",
                    de: "Schritt 1 / Schritt 60: ohne \(MeasuredNumber.short(plain, .de)), Layer Norm \(MeasuredNumber.short(normalized, .de))"))
        },
        .on(SequencesEngine.self, id: "both-learn-the-task",
            text: Localized(
                en: "By step 600 both have fallen below a twentieth of the yardstick (held-out loss below 1/120 ≈ 0.0083).",
                de: "Bei Schritt 600 sind beide unter ein Zwanzigstel des Maßstabs gefallen (Verlust auf dem zurückgehaltenen Batch unter 1/120 ≈ 0,0083)."),
            step: learnedAt
        ) { engine, seed in
            let plain = engine.heldOutLoss(0, seed: seed) ?? .nan, normalized = engine.heldOutLoss(1, seed: seed) ?? .nan
            let bound = AddingProblem.meanBaseline / 20
            return Verdict(
                holds: plain < bound && normalized < bound,
                measured: Localized(
                    en: "held-out loss: plain \(MeasuredNumber.short(plain)), layer norm \(MeasuredNumber.short(normalized))",
                    de: "Verlust (zurückgehalten): ohne \(MeasuredNumber.short(plain, .de)), Layer Norm \(MeasuredNumber.short(normalized, .de))"))
        },
        .on(SequencesEngine.self, id: "no-clear-lead",
            text: Localized(
                en: "Layer norm brings no clear lead here: at step 800 the plain GRU's held-out loss is at most 5 times layer norm's.",
                de: "Layer Norm bringt hier keinen klaren Vorsprung: Bei Schritt 800 ist der Verlust des GRU ohne Normalisierung auf dem zurückgehaltenen Batch höchstens 5-mal so groß wie der mit Layer Norm."),
            step: comparedAt
        ) { engine, seed in
            let plain = engine.heldOutLoss(0, seed: seed) ?? .nan, normalized = engine.heldOutLoss(1, seed: seed) ?? .nan
            let factor = plain / normalized
            return Verdict(
                holds: factor <= 5,
                measured: Localized(
                    en: "held-out loss: plain \(MeasuredNumber.short(plain)), layer norm \(MeasuredNumber.short(normalized)) (plain / layer norm \(MeasuredNumber.short(factor)))",
                    de: "Verlust (zurückgehalten): ohne \(MeasuredNumber.short(plain, .de)), Layer Norm \(MeasuredNumber.short(normalized, .de)) (ohne / Layer Norm \(MeasuredNumber.short(factor, .de)))"))
        },
        .on(SequencesEngine.self, id: "padding-pulls-the-batch-mean",
            text: Localized(
                en: "Over steps 41–60 the padded batch mean is on average less than half the mean of the sequences still running.",
                de: "In den Schritten 41–60 ist der Mittelwert des aufgefüllten Batches im Schnitt weniger als halb so groß wie der Mittelwert der noch laufenden Folgen."),
            step: 0
        ) { engine, seed in
            let pull = engine.paddingPull(steps: lateSteps, seed: seed)
            return Verdict(
                holds: pull < 0.5,
                measured: Localized(
                    en: "padded mean / running mean, steps 41–60: \(MeasuredNumber.short(pull))",
                    de: "aufgefüllter / laufender Mittelwert, Schritte 41–60: \(MeasuredNumber.short(pull, .de))"))
        },
    ]
}

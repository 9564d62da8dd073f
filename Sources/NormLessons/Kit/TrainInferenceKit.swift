/// Lesson 15's kit: batch statistics against running statistics, by batch size and by the
/// momentum of the running average — decided by the lesson's claims at step 300.
enum TrainInferenceKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say which μ and σ² Batch Norm uses in train mode and which in eval mode, and why the same network on the same batch can then give different answers.",
                de: "Sagen, welche μ und σ² Batch Norm im Trainingsmodus und welche im Inferenzmodus verwendet, und warum dasselbe Netz auf demselben Batch dann unterschiedlich antworten kann."),
            Localized(
                en: "Predict how the batch size affects the distance between batch and running means, |μ_B − μ|/σ.",
                de: "Vorhersagen, wie die Batch-Größe den Abstand zwischen Batch- und laufenden Mittelwerten, |μ_B − μ|/σ, beeinflusst."),
            Localized(
                en: "Explain with running = (1 − m)·running + m·batch why a too small momentum m makes eval mode fall behind.",
                de: "Mit laufend = (1 − m)·laufend + m·Batch erklären, warum ein zu kleines Momentum m den Inferenzmodus zurückfallen lässt."),
        ],
        formula: Localized(
            en: """
            Train mode: y = γ·(x − μ_B)/√(σ_B² + ε) + β, μ_B and σ_B² per channel over the current mini-batch of N = 4, 16 or 64 images and their 8×8 positions, ε = 10⁻⁵.
            Eval mode: the same with the running statistics μ and σ², updated after every step: μ ← (1 − m)·μ + m·μ_B, σ² ← (1 − m)·σ² + m·σ_B² (σ_B² unbiased), m = 0.1 (key m: 0.01, 0.1, 0.5).
            Measured: |μ_B − μ|/σ in layer 3, the mean over its 16 channels, and both modes' accuracy on the same batch; each a mean of the last 25 steps.
            """,
            de: """
            Trainingsmodus: y = γ·(x − μ_B)/√(σ_B² + ε) + β, μ_B und σ_B² je Kanal über den aktuellen Mini-Batch aus N = 4, 16 oder 64 Bildern und ihre 8×8 Positionen, ε = 10⁻⁵.
            Inferenzmodus: dasselbe mit den laufenden Statistiken μ und σ², nach jedem Schritt aktualisiert: μ ← (1 − m)·μ + m·μ_B, σ² ← (1 − m)·σ² + m·σ_B² (σ_B² erwartungstreu), m = 0,1 (Taste m: 0,01; 0,1; 0,5).
            Gemessen: |μ_B − μ|/σ in Schicht 3, gemittelt über ihre 16 Kanäle, und die Genauigkeit beider Modi auf demselben Batch; beides gemittelt über die letzten 25 Schritte.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Batch size 4 against 64, after 300 steps: where do the batch means of layer 3 stray further from the running means (|μB−μ|/σ)?",
                    de: "Batch-Größe 4 gegen 64, nach 300 Schritten: Wo liegen die Batch-Mittelwerte von Schicht 3 weiter von den laufenden Mittelwerten entfernt (|μB−μ|/σ)?"),
                answers: [
                    Localized(en: "at 4 images, at least twice as far", de: "bei 4 Bildern, mindestens doppelt so weit"),
                    Localized(en: "at 64 images: more images, more outliers", de: "bei 64 Bildern: mehr Bilder, mehr Ausreißer"),
                    Localized(en: "about equally far: the running mean averages the batch means anyway", de: "etwa gleich weit: Der laufende Mittelwert mittelt ja die Batch-Mittelwerte"),
                ],
                answer: 0, when: ["small-batch-means-stray-2x"],
                explanation: Localized(
                    en: "A mean of fewer values scatters more: μ_B of 4 images × 64 positions wanders far around the running mean, which averages over about 10 batches. With 64 images μ_B is close to the mean over all images.",
                    de: "Ein Mittelwert aus weniger Werten streut stärker: μ_B aus 4 Bildern × 64 Positionen schwankt weit um den laufenden Mittelwert, der über etwa 10 Mini-Batches mittelt. Bei 64 Bildern liegt μ_B nahe am Mittelwert über alle Bilder.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Momentum m = 0.01 instead of 0.1: the running statistics average over about 100 steps instead of 10. At batch size 16, after 300 steps, what happens to eval mode?",
                    de: "Momentum m = 0,01 statt 0,1: Die laufenden Statistiken mitteln über etwa 100 statt 10 Schritte. Was geschieht bei Batch-Größe 16 nach 300 Schritten mit dem Inferenzmodus?"),
                answers: [
                    Localized(en: "it gets better: a longer average removes more noise", de: "er wird besser: Ein längeres Mittel entfernt mehr Rauschen"),
                    Localized(en: "nothing: the momentum does not change the training", de: "nichts: Das Momentum ändert das Training nicht"),
                    Localized(en: "it falls further behind train mode than with m = 0.1", de: "er fällt weiter hinter den Trainingsmodus zurück als mit m = 0,1"),
                ],
                answer: 2, when: ["slow-momentum-eval-falls-behind"],
                explanation: Localized(
                    en: "The weights keep changing, and with them the true statistics of each layer. With m = 0.01 the running statistics still carry weights from about 100 steps ago: eval mode normalizes with the statistics of a network that no longer exists, and falls behind — how far varies a lot from seed to seed. Training itself is indeed the same: only eval mode pays.",
                    de: "Die Gewichte ändern sich ständig und mit ihnen die wahren Statistiken jeder Schicht. Mit m = 0,01 spiegeln die laufenden Statistiken noch die Gewichte von vor etwa 100 Schritten wider: Der Inferenzmodus normalisiert mit den Statistiken eines Netzes, das es so nicht mehr gibt, und fällt zurück — wie weit, schwankt stark von Seed zu Seed. Das Training selbst bleibt tatsächlich gleich: Nur der Inferenzmodus zahlt dafür.")),
        ],
        discussion: [
            Localized(
                en: "At batch size 4, eval mode is ahead of train mode on some seeds. How can statistics from past steps beat those of the batch itself?",
                de: "Bei Batch-Größe 4 liegt der Inferenzmodus bei manchen Seeds vor dem Trainingsmodus. Wie können Statistiken aus früheren Schritten besser sein als die des Batches selbst?"),
            Localized(
                en: "Layer Norm keeps no running statistics. Would it show this discrepancy? What does it give up for that?",
                de: "Layer Norm führt keine laufenden Statistiken. Zeigt sie diese Diskrepanz? Was gibt sie dafür auf?"),
            Localized(
                en: "m = 0.5 follows the weights within about 2 steps. Why is it still not simply the best choice?",
                de: "m = 0,5 folgt den Gewichten innerhalb von etwa 2 Schritten. Warum ist es trotzdem nicht einfach die beste Wahl?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Press m twice (m = 0.01; the runs start again), press space and pause again after about 300 steps. Press ] for batch size 16: where do the ◆ (batch means) lie relative to the bars (running means)? Compare the gap column with a run at m = 0.1 (press m once more).",
                de: "Drücke zweimal m (m = 0,01; die Läufe starten neu), drücke die Leertaste und halte nach etwa 300 Schritten wieder an. Drücke ] für Batch-Größe 16: Wo liegen die ◆ (Batch-Mittelwerte) im Vergleich zu den Balken (laufende Mittelwerte)? Vergleiche die Spalte „Differenz“ mit einem Lauf bei m = 0,1 (drücke noch einmal m)."),
            hint: Localized(
                en: "With m = 0.01 the running mean averages over about 1/m = 100 steps: if the weights keep moving one way, the bars lag behind the ◆ on the same side, step after step.",
                de: "Mit m = 0,01 mittelt der laufende Mittelwert über etwa 1/m = 100 Schritte: Wenn sich die Gewichte stetig in eine Richtung bewegen, hinken die Balken den ◆ Schritt für Schritt auf derselben Seite hinterher.")))
}

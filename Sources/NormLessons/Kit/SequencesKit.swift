/// Lesson 10's kit: how much gradient reaches the first time step with and without layer
/// norm, and whether layer norm makes the small GRU learn faster — decided by the lesson's
/// claims at steps 0, 600 and 800.
enum SequencesKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Read a chart of ‖∂L/∂h_t‖ over the time steps and say where the gradient vanishes, and by how many orders of magnitude.",
                de: "Ein Diagramm von ‖∂L/∂h_t‖ über die Zeitschritte lesen und sagen, wo der Gradient verschwindet und um wie viele Größenordnungen."),
            Localized(
                en: "Say what layer norm normalizes in a recurrent cell (the summed inputs, per sample over the hidden units, at every step) and why that keeps the path back through time less damped.",
                de: "Sagen, was Layer Norm in einer rekurrenten Zelle normalisiert (die summierten Eingaben, je Sample über die verborgenen Einheiten, in jedem Schritt) und warum der Weg zurück durch die Zeit dadurch weniger gedämpft wird."),
            Localized(
                en: "Explain with the padded batch why batch norm's statistics do not fit sequences of different lengths.",
                de: "Mit dem aufgefüllten Batch erklären, warum die Statistik von Batch Norm nicht zu Folgen verschiedener Länge passt."),
        ],
        formula: Localized(
            en: """
            GRU step (PyTorch's nn.GRU), H = 16 units, input x_t = (value, marker): r = σ(W_ir·x + b_ir + ã_r), z = σ(W_iz·x + b_iz + ã_z), n = tanh(W_in·x + b_in + r ⊙ ã_n), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, h_0 = 0.
            Plain: ã_g = W_hg·h_{t−1} + b_hg. With layer norm (Ba et al. 2016) per gate g, per sample over the 16 units: ã_g = γ_g ⊙ (a_g − μ)/√(σ² + ε) + β_g with a_g = W_hg·h_{t−1} + b_hg, ε = 10⁻⁵, γ = 1, β = 0 at the start.
            Read-out ŷ = w·h_60 + b; loss (ŷ − (u₁ + u₂))², predicting the mean scores 1/6 ≈ 0.167. Adam, lr 0.01, mini-batches of 32 sequences of T = 60 steps, gradient clipped to norm 1.
            Backpropagation through time: ∂L/∂h_{t−1} = (∂h_t/∂h_{t−1})ᵀ·∂L/∂h_t; the charts show ‖∂L/∂h_t‖ / ‖∂L/∂h_60‖.
            """,
            de: """
            GRU-Schritt (nn.GRU von PyTorch), H = 16 Einheiten, Eingabe x_t = (Wert, Markierung): r = σ(W_ir·x + b_ir + ã_r), z = σ(W_iz·x + b_iz + ã_z), n = tanh(W_in·x + b_in + r ⊙ ã_n), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, h_0 = 0.
            Ohne Normalisierung: ã_g = W_hg·h_{t−1} + b_hg. Mit Layer Norm (Ba et al. 2016) je Gate g, je Sample über die 16 Einheiten: ã_g = γ_g ⊙ (a_g − μ)/√(σ² + ε) + β_g mit a_g = W_hg·h_{t−1} + b_hg, ε = 10⁻⁵, zu Beginn γ = 1, β = 0.
            Ausgabe ŷ = w·h_60 + b; Verlust (ŷ − (u₁ + u₂))², die Vorhersage der mittleren Summe ergibt 1/6 ≈ 0,167. Adam, Lernrate 0,01, Mini-Batches aus 32 Folgen mit T = 60 Schritten, Gradient auf Norm 1 beschnitten.
            Backpropagation durch die Zeit: ∂L/∂h_{t−1} = (∂h_t/∂h_{t−1})ᵀ·∂L/∂h_t; die Diagramme zeigen ‖∂L/∂h_t‖ / ‖∂L/∂h_60‖.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Before any training: how much of the gradient at step 60 reaches step 1, in the plain GRU and in the one with layer norm?",
                    de: "Vor jedem Training: Wie viel vom Gradienten bei Schritt 60 kommt bei Schritt 1 an, im GRU ohne Normalisierung und in dem mit Layer Norm?"),
                answers: [
                    Localized(
                        en: "about the same in both: normalization does not act on the time axis",
                        de: "in beiden etwa gleich viel: Normalisierung wirkt nicht auf der Zeitachse"),
                    Localized(
                        en: "plain: less than 10⁻⁸; with layer norm at least 100 times as much",
                        de: "ohne: weniger als 10⁻⁸; mit Layer Norm mindestens 100-mal so viel"),
                    Localized(
                        en: "plain: it explodes; with layer norm it stays near 1",
                        de: "ohne: Der Gradient explodiert; mit Layer Norm bleibt er nahe 1"),
                ],
                answer: 1, when: ["plain-gradient-vanishes", "layer-norm-passes-more-gradient"],
                explanation: Localized(
                    en: "Each step back multiplies the gradient by ∂h_t/∂h_{t−1}: in the untrained plain GRU about z ≈ 0.5 plus a small term through the small recurrent weights, and 59 such factors leave almost nothing. Layer norm divides the recurrent path by the spread of W_h·h: a small hidden state still gets a full-sized input, so each factor is larger. It still vanishes — just by fewer orders of magnitude.",
                    de: "Jeder Schritt zurück multipliziert den Gradienten mit ∂h_t/∂h_{t−1}: im untrainierten GRU ohne Normalisierung etwa z ≈ 0,5 plus ein kleiner Term durch die kleinen rekurrenten Gewichte, und 59 solche Faktoren lassen fast nichts übrig. Layer Norm teilt den rekurrenten Pfad durch die Streuung von W_h·h: Ein kleiner verborgener Zustand bekommt trotzdem eine Eingabe voller Größe, also ist jeder Faktor größer. Der Gradient verschwindet trotzdem — nur um weniger Größenordnungen.")),
            PredictQuestion(
                prompt: Localized(
                    en: "So does layer norm make this GRU learn the adding problem much faster?",
                    de: "Lernt dieses GRU das Additionsproblem mit Layer Norm also viel schneller?"),
                answers: [
                    Localized(
                        en: "yes: without it the gradient never reaches the first marked value, so the plain GRU stays at the yardstick",
                        de: "ja: Ohne sie erreicht der Gradient den ersten markierten Wert nie, also bleibt das GRU ohne Normalisierung beim Maßstab"),
                    Localized(
                        en: "no clear lead: both learn the task by step 600, and at step 800 the plain GRU's loss is at most 5 times layer norm's",
                        de: "kein klarer Vorsprung: Beide lernen die Aufgabe bis Schritt 600, und bei Schritt 800 ist der Verlust ohne Normalisierung höchstens 5-mal so groß wie der mit Layer Norm"),
                ],
                answer: 1, when: ["both-learn-the-task", "training-opens-the-path-back", "no-clear-lead"],
                explanation: Localized(
                    en: "Adam scales every weight's step by its own gradient history, so a tiny gradient still moves the weights, and the GRU's update gate z can learn to hold a value: z → 1 makes ∂h_t/∂h_{t−1} ≈ 1 along the path. Once that happens the gradient reaches step 1 in the plain GRU too. Ba et al. report faster training with layer norm for large LSTMs; this small task with a gated cell and Adam does not show it.",
                    de: "Adam skaliert den Schritt jedes Gewichts mit dessen eigener Gradientengeschichte, also bewegt auch ein winziger Gradient die Gewichte, und das Update-Gate z des GRU kann lernen, einen Wert zu halten: z → 1 macht ∂h_t/∂h_{t−1} ≈ 1 entlang des Pfads. Sobald das geschieht, erreicht der Gradient auch im GRU ohne Normalisierung Schritt 1. Ba et al. berichten von schnellerem Training mit Layer Norm bei großen LSTMs; diese kleine Aufgabe – eine Zelle mit Gates, trainiert mit Adam – zeigt das nicht.")),
        ],
        discussion: [
            Localized(
                en: "Here only the recurrent summed input W_h·h is normalized, not W_x·x. What would normalizing the input part over the 16 units do to a value of 0.3 and one of 0.9?",
                de: "Hier wird nur die rekurrente summierte Eingabe W_h·h normalisiert, nicht W_x·x. Was würde das Normalisieren des Eingabeteils über die 16 Einheiten aus einem Wert von 0,3 und einem von 0,9 machen?"),
            Localized(
                en: "Batch norm in a recurrent network needs statistics per time step. What does it do at inference with a sequence longer than any in training, and with a batch of one?",
                de: "Batch Norm braucht in einem rekurrenten Netz eine Statistik je Zeitschritt. Was macht Batch Norm im Inferenzmodus mit einer Folge, die länger ist als jede im Training, und mit einem Batch aus einer einzigen Folge?"),
            Localized(
                en: "The plain GRU learned the task even though almost no gradient reached step 1 at first. Which part of the cell made that possible, and would a plain tanh RNN without gates manage too?",
                de: "Das GRU ohne Normalisierung hat die Aufgabe gelernt, obwohl anfangs fast kein Gradient bei Schritt 1 ankam. Welcher Teil der Zelle hat das möglich gemacht, und würde ein einfaches tanh-RNN ohne Gates es auch schaffen?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Run normtui lesson sequences --steps 600 --format csv and follow plain_grad_first_over_last and ln_grad_first_over_last, the gradient at step 1 over the one at step 60 on the held-out batch (a new value every 25 steps). At which step does the plain GRU's ratio first exceed 0.01, and how far is its loss (plain_held_out_loss) below the yardstick 1/6 then?
                """,
                de: """
                Führe normtui lesson sequences --steps 600 --format csv --lang de aus und verfolge plain_grad_first_over_last und ln_grad_first_over_last, den Gradienten bei Schritt 1 geteilt durch den bei Schritt 60 auf dem zurückgehaltenen Batch (alle 25 Schritte ein neuer Wert). Bei welchem Schritt übersteigt das Verhältnis ohne Normalisierung zum ersten Mal 0,01, und wie weit liegt der Verlust dieses GRU (plain_held_out_loss) dann unter dem Maßstab 1/6?
                """),
            hint: Localized(
                en: "The ratio and the loss change only on the rows of the looks (every 25 steps). Put the rows where the ratio rises beside those where the loss falls: does one come before the other?",
                de: "Verhältnis und Verlust ändern sich nur in den Zeilen, in denen gemessen wird (alle 25 Schritte). Lege die Zeilen, in denen das Verhältnis steigt, neben die, in denen der Verlust fällt: Kommt das eine vor dem anderen?")))
}

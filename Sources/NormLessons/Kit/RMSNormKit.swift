/// Lesson 5's kit: what RMSNorm makes of an offset of 2, decided by the lesson's claim on every
/// offset, and whether the offset it leaves in stops training, decided by the claim at step 600.
enum RMSNormKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Write down RMSNorm's formula and say what it leaves out compared with layer norm.",
                de: "Die Formel von RMSNorm aufschreiben und sagen, was sie gegenüber Layer Norm weglässt."),
            Localized(
                en: "Compute the mean and spread of RMSNorm's output for inputs with spread 1 and offset a: a/√(1 + a²) and 1/√(1 + a²).",
                de: "Mittelwert und Streuung der RMSNorm-Ausgabe für Eingaben mit Streuung 1 und Offset a berechnen: a/√(1 + a²) und 1/√(1 + a²)."),
            Localized(
                en: "Say when RMSNorm and layer norm give the same output, and judge from the training run whether the offset RMSNorm leaves in stops a network from learning.",
                de: "Sagen, wann RMSNorm und Layer Norm dieselbe Ausgabe liefern, und am Trainingslauf beurteilen, ob der Offset, den RMSNorm stehen lässt, ein Netz am Lernen hindert."),
        ],
        formula: Localized(
            en: """
            Per sample, over its 4 channels × 4×4 positions = 64 values (tensor 8×4×4×4), γ = 1, ε = 10⁻⁵:
            Layer Norm y = (x − μ)/√(σ² + ε); RMSNorm y = x/√(ms + ε), ms = mean of x².
            Input x = z + a with mean(z) = 0, σ(z) = 1: ms = 1 + a², so RMSNorm's output has mean a/√(1 + a²) and spread 1/√(1 + a²). At a = 2: 2/√5 ≈ 0.89 and 1/√5 ≈ 0.45; at a = 8: 0.99 and 0.12.
            """,
            de: """
            Pro Sample, über seine 4 Kanäle × 4×4 Positionen = 64 Werte (Tensor 8×4×4×4), γ = 1, ε = 10⁻⁵:
            Layer Norm y = (x − μ)/√(σ² + ε); RMSNorm y = x/√(ms + ε), ms = Mittelwert von x².
            Eingabe x = z + a mit Mittelwert(z) = 0, σ(z) = 1: ms = 1 + a², die Ausgabe von RMSNorm hat also den Mittelwert a/√(1 + a²) und die Streuung 1/√(1 + a²). Bei a = 2: 2/√5 ≈ 0,89 und 1/√5 ≈ 0,45; bei a = 8: 0,99 und 0,12.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Inputs with mean 0 and spread 1, plus an offset a = 2 on every value. What mean and spread does RMSNorm's output have?",
                    de: "Eingaben mit Mittelwert 0 und Streuung 1, dazu ein Offset a = 2 auf jedem Wert. Welchen Mittelwert und welche Streuung hat die Ausgabe von RMSNorm?"),
                answers: [
                    Localized(en: "mean 0, spread 1, like layer norm", de: "Mittelwert 0, Streuung 1, wie bei Layer Norm"),
                    Localized(en: "mean 2, spread 1: it divides by σ = 1", de: "Mittelwert 2, Streuung 1: Sie teilt durch σ = 1"),
                    Localized(en: "mean 0.89, spread 0.45", de: "Mittelwert 0,89, Streuung 0,45"),
                    Localized(en: "mean 0, spread 0.45", de: "Mittelwert 0, Streuung 0,45"),
                ],
                answer: 2, when: ["offset-survives"],
                explanation: Localized(
                    en: "RMSNorm does not subtract μ: it divides x = z + 2 by √(ms + ε) with ms = 1 + 2² = 5, so the mean 2 becomes 2/√5 ≈ 0.89 and the spread 1 becomes 1/√5 ≈ 0.45. Layer Norm subtracts μ = 2 first and keeps mean 0 and σ 1.",
                    de: "RMSNorm zieht μ nicht ab: Sie teilt x = z + 2 durch √(ms + ε) mit ms = 1 + 2² = 5; aus dem Mittelwert 2 wird also 2/√5 ≈ 0,89 und aus der Streuung 1 wird 1/√5 ≈ 0,45. Layer Norm zieht zuerst μ = 2 ab und behält Mittelwert 0 und σ 1.")),
            PredictQuestion(
                prompt: Localized(
                    en: "The same conv network trains on the digits with layer norm and with RMSNorm, which leaves an offset in. Where are the two losses at step 600?",
                    de: "Dasselbe Faltungsnetz trainiert auf den Ziffern mit Layer Norm und mit RMSNorm, die einen Offset stehen lässt. Wo liegen die beiden Verluste bei Schritt 600?"),
                answers: [
                    Localized(en: "both below 1", de: "beide unter 1"),
                    Localized(en: "only layer norm's below 1: the offset spoils RMSNorm", de: "nur der von Layer Norm unter 1: Der Offset verdirbt RMSNorm"),
                    Localized(en: "only RMSNorm's below 1: one statistic less, less noise", de: "nur der von RMSNorm unter 1: eine Statistik weniger, weniger Rauschen"),
                ],
                answer: 0, when: ["both-learn-by-step-600"],
                explanation: Localized(
                    en: "The layers after the normalization can absorb an offset, so both networks learn. On the way they part, differently on every seed: at step 200 RMSNorm is behind on some seeds and level or ahead on others.",
                    de: "Die Schichten nach der Normalisierung können einen Offset auffangen, also lernen beide Netze. Unterwegs gehen sie auseinander, bei jedem Seed anders: Bei Schritt 200 liegt RMSNorm bei manchen Seeds zurück, bei anderen gleichauf oder vorn.")),
        ],
        discussion: [
            Localized(
                en: "On zero-mean inputs RMSNorm is layer norm. What does it save per sample, and why might that matter in a model with billions of parameters?",
                de: "Bei mittelwertfreien Eingaben ist RMSNorm gleich Layer Norm. Was spart sie pro Sample, und warum kann das in einem Modell mit Milliarden Parametern zählen?"),
            Localized(
                en: "At a = 8 RMSNorm squeezes the output to a spread of 0.12 around 0.99. What would the next layer have to do to get at the information in x?",
                de: "Bei a = 8 drückt RMSNorm die Ausgabe auf eine Streuung von 0,12 um 0,99 zusammen. Was müsste die nächste Schicht tun, um an die Information in x zu kommen?"),
            Localized(
                en: "At step 200 RMSNorm is behind on some seeds and ahead on others. What can you conclude from one run that says \"RMSNorm trains worse\"?",
                de: "Bei Schritt 200 liegt RMSNorm bei manchen Seeds zurück, bei anderen vorn. Was kannst du aus einem einzigen Lauf schließen, der sagt: „RMSNorm trainiert schlechter“?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                One sample x = (1, 3): layer norm gives (−1, 1). Work out by hand what RMSNorm gives, then check with
                echo '{"variant": "rms", "shape": [1, 2, 1, 1], "x": [1, 3]}' | normtui compute --input -
                """,
                de: """
                Ein Sample x = (1; 3): Layer Norm liefert (−1; 1). Rechne von Hand aus, was RMSNorm liefert, und prüfe es dann mit
                echo '{"variant": "rms", "shape": [1, 2, 1, 1], "x": [1, 3]}' | normtui compute --input -
                """),
            hint: Localized(
                en: "ms is the mean of the squares, (1² + 3²)/2, and RMSNorm subtracts nothing. x is 2 + (−1, 1): compare your result's mean and spread with the lesson's table at a = 2 (press o four times).",
                de: "ms ist der Mittelwert der Quadrate, (1² + 3²)/2, und RMSNorm zieht nichts ab. x ist 2 + (−1; 1): Vergleiche Mittelwert und Streuung deines Ergebnisses mit der Tabelle der Lektion bei a = 2 (drücke viermal o).")))
}

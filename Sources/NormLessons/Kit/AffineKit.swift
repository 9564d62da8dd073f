/// Lesson 2's kit: which copy of the regression fits targets of their own scale and shift, and
/// what γ and β learn — decided by the lesson's claims at steps 300 and 600.
enum AffineKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say what Batch Norm takes from each channel (its mean and its scale), and show that γ = σ and β = μ of the mini-batch give the input back.",
                de: "Sagen, was Batch Norm jedem Kanal nimmt (Mittelwert und Skala), und zeigen, dass γ = σ und β = μ des Mini-Batches die Eingabe zurückgeben."),
            Localized(
                en: "Compute the floor of the loss without γ and β from the targets' σ and μ (2.625 here), and explain why no amount of training gets below it.",
                de: "Die Untergrenze des Verlusts ohne γ und β aus σ und μ der Ziele berechnen (hier 2,625) und erklären, warum kein noch so langes Training darunter kommt."),
            Localized(
                en: "Compare the learned γ and β with the targets, and explain why γ may end at −σ.",
                de: "Die gelernten γ und β mit den Zielen vergleichen und erklären, warum γ auch bei −σ landen kann."),
        ],
        formula: Localized(
            en: """
            x [256, 8] → linear, no bias → h [256, 4] → Batch Norm → y [256, 4]; loss = mean of (y − t)², SGD with lr 0.05, momentum 0.9.
            Batch Norm per channel c over the mini-batch of 256: y_c = γ_c·(h_c − μ_c)/√(σ_c² + ε) + β_c, ε = 10⁻⁵ (start: γ = 1, β = 0).
            Targets: t_c = μ_c + σ_c·(u_c·x) with σ = 3, 0.5, 2, 1 and μ = 2, −1, 0, 0.5.
            Without γ and β every output channel has mean 0 and standard deviation 1; the floor is ¼·Σ_c [μ_c² + (σ_c − 1)²] = ¼·(8 + 1.25 + 1 + 0.25) = 2.625.
            """,
            de: """
            x [256, 8] → linear, ohne Bias → h [256, 4] → Batch Norm → y [256, 4]; Verlust = Mittelwert von (y − t)², SGD mit Lernrate 0,05, Momentum 0,9.
            Batch Norm je Kanal c über den Mini-Batch aus 256 Beispielen: y_c = γ_c·(h_c − μ_c)/√(σ_c² + ε) + β_c, ε = 10⁻⁵ (Start: γ = 1, β = 0).
            Ziele: t_c = μ_c + σ_c·(u_c·x) mit σ = 3; 0,5; 2; 1 und μ = 2; −1; 0; 0,5.
            Ohne γ und β hat jeder Ausgabekanal Mittelwert 0 und Standardabweichung 1; die Untergrenze ist ¼·Σ_c [μ_c² + (σ_c − 1)²] = ¼·(8 + 1,25 + 1 + 0,25) = 2,625.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Each target channel needs its own scale σ and shift μ, and Batch Norm is the last layer. Which copy gets the held-out loss below 0.1 by step 300?",
                    de: "Jeder Zielkanal braucht seine eigene Skala σ und Verschiebung μ, und Batch Norm ist die letzte Schicht. Welche Kopie bringt den Verlust auf den zurückgehaltenen Daten bis Schritt 300 unter 0,1?"),
                answers: [
                    Localized(
                        en: "both: the linear layer before Batch Norm can learn any scale",
                        de: "beide: Die lineare Schicht vor Batch Norm kann jede Skala lernen"),
                    Localized(
                        en: "only the one with γ and β; the other stops at the floor near 2.6",
                        de: "nur die mit γ und β; die andere bleibt an der Untergrenze nahe 2,6 stehen"),
                    Localized(
                        en: "neither: normalizing destroys the scale, and nothing can learn it back",
                        de: "keine: Die Normalisierung zerstört die Skala, und nichts kann sie zurücklernen"),
                ],
                claimIDs: ["affine-fits-the-targets", "plain-stays-at-the-floor"],
                explanation: Localized(
                    en: "Batch Norm divides out whatever scale the linear layer gives h and subtracts its mean: without γ and β every output channel has mean 0 and standard deviation 1, and the lowest loss such an output can reach on these targets is 2.625. γ and β are the only parameters after the normalization: they give each channel the σ and μ its target needs.",
                    de: "Batch Norm macht jede Skala rückgängig, die die lineare Schicht h gibt, und zieht den Mittelwert von h ab: Ohne γ und β hat jeder Ausgabekanal Mittelwert 0 und Standardabweichung 1, und der niedrigste Verlust, den eine solche Ausgabe auf diesen Zielen erreichen kann, ist 2,625. γ und β sind die einzigen Parameter nach der Normalisierung: Sie geben jedem Kanal das σ und μ, das sein Ziel braucht.")
            ) { held in
                // The copy without γ and β at its floor (far above 0.1) rules out a); whether the
                // copy with them fits decides between b) and c).
                guard held["plain-stays-at-the-floor"] == true else { return nil }
                return held["affine-fits-the-targets"] == true ? 1 : 2
            },
            PredictQuestion(
                prompt: Localized(
                    en: "Channel 2's target has σ = 0.5 and μ = −1. What have γ and β learned by step 600, in every channel?",
                    de: "Das Ziel von Kanal 2 hat σ = 0,5 und μ = −1. Was haben γ und β bis Schritt 600 gelernt, in jedem Kanal?"),
                answers: [
                    Localized(
                        en: "γ ≈ σ² and β ≈ μ: γ scales the variance (channel 2: 0.25 and −1)",
                        de: "γ ≈ σ² und β ≈ μ: γ skaliert die Varianz (Kanal 2: 0,25 und −1)"),
                    Localized(
                        en: "|γ| ≈ σ and β ≈ μ of its target (channel 2: 0.5 and −1)",
                        de: "|γ| ≈ σ und β ≈ μ seines Ziels (Kanal 2: 0,5 und −1)"),
                    Localized(
                        en: "they stay near 1 and 0: the linear layer does the fitting",
                        de: "sie bleiben nahe 1 und 0: Die Anpassung übernimmt die lineare Schicht"),
                    Localized(
                        en: "γ ≈ 1/σ and β ≈ −μ/σ: they undo the target's scale (channel 2: 2 and 2)",
                        de: "γ ≈ 1/σ und β ≈ −μ/σ: Sie machen die Skala des Ziels rückgängig (Kanal 2: 2 und 2)"),
                ],
                answer: 1, when: ["gamma-and-beta-learn-sigma-and-mu"],
                explanation: Localized(
                    en: "The normalized output x̂ has mean 0 and standard deviation 1, the target is μ + σ·(u·x): to turn one into the other, x̂ has to be stretched by σ and shifted by μ, y = σ·x̂ + μ. The sign of γ is free: if the linear layer found −u, γ = −σ gives the same output.",
                    de: "Die normalisierte Ausgabe x̂ hat Mittelwert 0 und Standardabweichung 1, das Ziel ist μ + σ·(u·x): Um das eine ins andere zu verwandeln, muss x̂ um σ gestreckt und um μ verschoben werden, y = σ·x̂ + μ. Das Vorzeichen von γ ist frei: Hat die lineare Schicht −u gefunden, ergibt γ = −σ dieselbe Ausgabe.")),
        ],
        discussion: [
            Localized(
                en: "In a deeper network, a linear layer after the normalization could take over γ's scale. Why can nothing after a ReLU take over β's job?",
                de: "In einem tieferen Netz könnte eine lineare Schicht nach der Normalisierung die Skala von γ übernehmen. Warum kann nichts nach einer ReLU die Aufgabe von β übernehmen?"),
            Localized(
                en: "If γ = σ and β = μ give the input back exactly, what is normalizing still good for? Think of lessons 7 and 9.",
                de: "Wenn γ = σ und β = μ die Eingabe genau zurückgeben: Wozu ist die Normalisierung dann noch gut? Denk an die Lektionen 7 und 9."),
            Localized(
                en: "A γ that passes near 0 learns slowly for a while. Why do the weights before it get almost no gradient at γ ≈ 0? Watch channel 2 in the lower charts.",
                de: "Ein γ, das nahe an 0 vorbeikommt, lernt eine Weile nur langsam. Warum bekommen die Gewichte davor bei γ ≈ 0 kaum Gradient? Achte in den unteren Diagrammen auf Kanal 2."),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Work out the round trip by hand, on a mini-batch of four values x = 1, 2, 3, 6 in one channel. Compute μ and σ = √(σ² + ε) yourself, then run echo '{"variant":"batch","shape":[4,1,1,1],"x":[1,2,3,6],"gamma":[S],"beta":[M]}' | normtui compute --input - with your σ for S and your μ for M. Is y = x? In the lesson, c shows the same check on each channel of the latest mini-batch.
                """,
                de: """
                Rechne den Rückweg von Hand nach, an einem Mini-Batch aus vier Werten x = 1, 2, 3, 6 in einem Kanal. Berechne μ und σ = √(σ² + ε) selbst und führe dann echo '{"variant":"batch","shape":[4,1,1,1],"x":[1,2,3,6],"gamma":[S],"beta":[M]}' | normtui compute --input - --lang de aus, mit deinem σ für S und deinem μ für M. Ist y = x? In der Lektion zeigt c dieselbe Probe für jeden Kanal des letzten Mini-Batches.
                """),
            hint: Localized(
                en: "Batch Norm divides the sum of squares by N = 4, not by N − 1. Leave out gamma and beta to see the normalized values (x − μ)/σ.",
                de: "Batch Norm teilt die Summe der Quadrate durch N = 4, nicht durch N − 1. Lass gamma und beta weg, um die normalisierten Werte (x − μ)/σ zu sehen.")))
}

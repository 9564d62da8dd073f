/// Lesson 7's kit: which network survives lr 2, decided by the lesson's two claims at step 300.
enum LearningRateKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say what happens to the same network with and without Batch Norm at a learning rate that is far too large.",
                de: "Sagen, was mit demselben Netz mit und ohne Batch Norm bei einer viel zu großen Lernrate geschieht."),
            Localized(
                en: "Read the loss along the gradient as a band, and compare bands relative to their loss, not by their width alone.",
                de: "Den Verlust entlang des Gradienten als Band lesen und Bänder im Verhältnis zu ihrem Verlust vergleichen, nicht nur nach ihrer Breite."),
            Localized(
                en: "Check with --compare whether another normalization allows the same learning rate.",
                de: "Mit --compare prüfen, ob eine andere Normalisierung dieselbe Lernrate verträgt."),
        ],
        formula: Localized(
            en: """
            One SGD step with lr = 2: w ← w − 2·∂L/∂w (momentum 0.9).
            Batch Norm before each ReLU: y = γ·(x − μ_B)/√(σ_B² + ε) + β, with μ_B and σ_B² per channel, over the mini-batch of 32 images and their 8×8 positions, ε = 10⁻⁵.
            The band: the loss at w − k·lr·g for k = ¼, ½, 1, 2, 4.
            """,
            de: """
            Ein SGD-Schritt mit lr = 2: w ← w − 2·∂L/∂w (Momentum 0,9).
            Batch Norm vor jeder ReLU: y = γ·(x − μ_B)/√(σ_B² + ε) + β, mit μ_B und σ_B² je Kanal, über den Mini-Batch aus 32 Bildern und ihre 8×8 Positionen, ε = 10⁻⁵.
            Das Band: der Verlust bei w − k·lr·g für k = ¼, ½, 1, 2, 4.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Learning rate 2, far too large for this network. After 300 steps, which of the two copies is above chance on held-out images?",
                    de: "Lernrate 2, viel zu groß für dieses Netz. Welche der beiden Kopien liegt nach 300 Schritten auf zurückgehaltenen Bildern über dem Zufallsniveau?"),
                answers: [
                    Localized(en: "both", de: "beide"),
                    Localized(en: "only the one with Batch Norm", de: "nur die mit Batch Norm"),
                    Localized(en: "only the one without normalization", de: "nur die ohne Normalisierung"),
                    Localized(en: "neither", de: "keine"),
                ],
                claimIDs: ["bn-learns-at-lr-2", "plain-at-chance-at-lr-2"],
                explanation: Localized(
                    en: "Batch Norm divides each layer's input by its own σ: a step that makes the weights larger does not make the activations larger, it shrinks the next gradient (lesson 9). Without it, the first large steps throw the network off, and it stays at chance.",
                    de: "Batch Norm teilt die Eingabe jeder Schicht durch ihr eigenes σ: Ein Schritt, der die Gewichte vergrößert, vergrößert nicht die Aktivierungen, sondern verkleinert den nächsten Gradienten (Lektion 9). Ohne Normalisierung werfen die ersten großen Schritte das Netz aus der Bahn, und es bleibt auf Zufallsniveau.")
            ) { held in
                // The plain network's claim says it stays at chance; Batch Norm's that it learns.
                guard held["plain-at-chance-at-lr-2"] == true else { return nil }
                return held["bn-learns-at-lr-2"] == true ? 1 : 3
            },
        ],
        discussion: [
            Localized(
                en: "Once the plain network is stuck, its band is narrow too. Why is a narrow band at a loss near ln 10 ≈ 2.3 no good sign?",
                de: "Sobald das Netz ohne Normalisierung feststeckt, ist auch sein Band schmal. Warum ist ein schmales Band bei einem Verlust nahe ln 10 ≈ 2,3 kein gutes Zeichen?"),
            Localized(
                en: "The glossary credits normalization in general with higher learning rates. Does that hold for every normalization in this network? Predict first, then try normtui --compare variant=layer --lr 2.",
                de: "Das Glossar schreibt der Normalisierung allgemein höhere Lernraten zu. Gilt das in diesem Netz für jede Normalisierung? Erst vorhersagen, dann normtui --compare variant=layer --lr 2 ausprobieren."),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Press [ twice (lr 0.05) and run 300 steps. Which network's band is narrower relative to its loss now?",
                de: "Drücke zweimal [ (Lernrate 0,05) und lass 300 Schritte laufen. Welches Netz hat jetzt das im Verhältnis zu seinem Verlust schmalere Band?"),
            hint: Localized(
                en: "The table's band width is absolute: divide it by the loss the band sits at (the legend gives both ends).",
                de: "Die Bandbreite in der Tabelle ist absolut: Teile sie durch den Verlust, auf dessen Höhe das Band liegt (die Legende nennt beide Enden).")))
}

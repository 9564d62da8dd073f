/// Lesson 9's kit: what W₂ → 4·W₂ does with and without Batch Norm, decided by the lesson's
/// claims, which press k at step 100 (on copies of the runs).
enum ScaleInvarianceKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Show with (kx − kμ)/(kσ) = (x − μ)/σ why a Batch Norm layer's output does not change when the weights in front of it are multiplied by k.",
                de: "Mit (kx − kμ)/(kσ) = (x − μ)/σ zeigen, warum sich die Ausgabe einer Batch-Norm-Schicht nicht ändert, wenn die Gewichte davor mit k multipliziert werden."),
            Localized(
                en: "Predict what happens to the gradient of those weights (×1/k) and to the effective learning rate lr/‖W‖².",
                de: "Vorhersagen, was mit dem Gradienten dieser Gewichte (×1/k) und mit der effektiven Lernrate lr/‖W‖² geschieht."),
            Localized(
                en: "Explain why the same scaling without normalization makes the outputs several times larger and the loss rise.",
                de: "Erklären, warum dieselbe Skalierung ohne Normalisierung die Ausgaben um ein Mehrfaches vergrößert und den Verlust steigen lässt."),
        ],
        formula: Localized(
            en: """
            Layer 2: x = W₂ ∗ h₁ (+ b₂ without normalization), a 3×3 convolution with 16 channels, on 32 images × 8×8 positions.
            k multiplies W₂ (and b₂) by 4: x → 4x, μ → 4μ, σ² → 16σ², and (4x − 4μ)/√(16σ² + ε) = (x − μ)/√(σ² + ε/16) ≈ (x − μ)/√(σ² + ε), ε = 10⁻⁵.
            Gradient: ∂L/∂W₂ at 4·W₂ = ¼ · ∂L/∂W₂ at W₂. SGD with lr = 0.05, momentum 0.9: the effective learning rate of W₂ is about lr/‖W₂‖², so it falls to 1/16.
            """,
            de: """
            Schicht 2: x = W₂ ∗ h₁ (+ b₂ ohne Normalisierung), eine 3×3-Faltung mit 16 Kanälen, auf 32 Bildern × 8×8 Positionen.
            k multipliziert W₂ (und b₂) mit 4: x → 4x, μ → 4μ, σ² → 16σ², und (4x − 4μ)/√(16σ² + ε) = (x − μ)/√(σ² + ε/16) ≈ (x − μ)/√(σ² + ε), ε = 10⁻⁵.
            Gradient: ∂L/∂W₂ bei 4·W₂ = ¼ · ∂L/∂W₂ bei W₂. SGD mit Lernrate 0,05, Momentum 0,9: Die effektive Lernrate von W₂ ist etwa lr/‖W₂‖², sie sinkt also auf 1/16.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "At step 100 the weights of layer 2 are multiplied by 4. In the Batch Norm network, what happens to the loss and to the gradient of those weights?",
                    de: "Bei Schritt 100 werden die Gewichte von Schicht 2 mit 4 multipliziert. Was geschieht im Netz mit Batch Norm mit dem Verlust und mit dem Gradienten dieser Gewichte?"),
                answers: [
                    Localized(en: "loss the same, gradient the same: nothing the network computes changes", de: "Verlust gleich, Gradient gleich: Nichts, was das Netz berechnet, ändert sich"),
                    Localized(en: "loss the same, gradient ×1/4", de: "Verlust gleich, Gradient ×1/4"),
                    Localized(en: "loss the same, gradient ×4: larger weights, larger gradients", de: "Verlust gleich, Gradient ×4: größere Gewichte, größere Gradienten"),
                    Localized(en: "loss rises, gradient ×4", de: "Verlust steigt, Gradient ×4"),
                ],
                answer: 1, when: ["batch-norm-output-unchanged", "batch-norm-gradient-quarter"],
                explanation: Localized(
                    en: "Batch Norm divides by σ, which grows by 4 with the weights: the output and the loss cannot tell. The loss is flat along W → kW, so the same change in the loss is spread over a 4 times longer way: ∂L/∂(4W) = ¼·∂L/∂W.",
                    de: "Batch Norm teilt durch σ, das mit den Gewichten auf das Vierfache wächst: Ausgabe und Verlust merken nichts. Der Verlust ist entlang W → kW flach; dieselbe Änderung des Verlusts verteilt sich also auf einen viermal längeren Weg: ∂L/∂(4W) = ¼·∂L/∂W.")),
            PredictQuestion(
                prompt: Localized(
                    en: "The same ×4 in the network without normalization: what happens to its outputs (the logits)?",
                    de: "Dasselbe ×4 im Netz ohne Normalisierung: Was geschieht mit seinen Ausgaben (den Logits)?"),
                answers: [
                    Localized(en: "nothing: ReLU(4x) = 4·ReLU(x), and softmax only cares which output is largest", de: "nichts: ReLU(4x) = 4·ReLU(x), und bei Softmax kommt es nur auf die größte Ausgabe an"),
                    Localized(en: "they grow several-fold: nothing divides the scale out", de: "sie wachsen auf ein Mehrfaches: Nichts teilt die Skalierung heraus"),
                    Localized(en: "they stay; only the gradient falls to ¼, as with Batch Norm", de: "sie bleiben; nur der Gradient fällt auf ¼, wie mit Batch Norm"),
                ],
                answer: 1, when: ["plain-outputs-grow"],
                explanation: Localized(
                    en: "Nothing divides the scale out again: the logits grow more than 3-fold (not exactly 4-fold, because of the unscaled biases after layer 2 and the ReLUs). The softmax becomes sharper, and the loss changes with it: on most seeds the confident wrong answers of a network at step 100 cost more than its sharper right ones gain, on a few it is the other way round.",
                    de: "Nichts teilt die Skalierung wieder heraus: Die Logits wachsen auf mehr als das Dreifache (wegen der nicht skalierten Biases nach Schicht 2 und der ReLUs nicht genau auf das Vierfache). Die Softmax wird schärfer, und der Verlust ändert sich mit: Bei den meisten Seeds kosten die selbstsicheren falschen Antworten eines Netzes bei Schritt 100 mehr, als seine schärferen richtigen einbringen, bei einigen ist es umgekehrt.")),
        ],
        discussion: [
            Localized(
                en: "The loss does not change along W → kW. Why does training still feel the scale of W? What does a step of SGD do to large weights compared with small ones?",
                de: "Entlang W → kW ändert sich der Verlust nicht. Warum spürt das Training die Skalierung von W trotzdem? Was bewirkt ein SGD-Schritt bei großen Gewichten im Vergleich zu kleinen?"),
            Localized(
                en: "Weight decay shrinks the weights a little every step. What does it do to the effective learning rate lr/‖W‖² of weights in front of Batch Norm?",
                de: "Weight Decay verkleinert die Gewichte bei jedem Schritt ein wenig. Wie wirkt es sich auf die effektive Lernrate lr/‖W‖² von Gewichten vor einer Batch-Norm-Schicht aus?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Let about 100 steps run, pause with space, press k and let about 50 more steps run. In the ‖∂L/∂W₂‖ chart: how far does the Batch Norm curve drop, and does it climb back? Then press K and compare the table with the one after k.",
                de: "Lass etwa 100 Schritte laufen, halte mit der Leertaste an, drücke k und lass etwa 50 weitere Schritte laufen. Im Diagramm ‖∂L/∂W₂‖: Wie weit fällt die Kurve mit Batch Norm, und steigt sie wieder an? Drücke dann K und vergleiche die Tabelle mit der nach k."),
            hint: Localized(
                en: "On the log scale ×¼ is a fixed step down. The gradient is proportional to 1/‖W₂‖, and nothing here makes W₂ smaller again (there is no weight decay): the last page's claim checks ×0.2 to ×0.33 over the 50 steps after k.",
                de: "Auf der logarithmischen Skala ist ×¼ eine feste Stufe nach unten. Der Gradient ist proportional zu 1/‖W₂‖, und nichts macht W₂ hier wieder kleiner (es gibt kein Weight Decay): Die Aussage auf der letzten Seite prüft über die 50 Schritte nach k das 0,2- bis 0,33-Fache.")))
}

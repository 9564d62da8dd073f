/// Lesson 6's kit: how far one channel's input distribution moves in 300 steps, with and
/// without Batch Norm, and in which layer — decided by the lesson's claims at step 300.
enum CovariateShiftKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Read the 15th, 50th and 85th percentile curves of a unit's input and say by what factor its middle 70% has widened.",
                de: "Die Kurven des 15., 50. und 85. Perzentils der Eingabe einer Einheit lesen und sagen, um welchen Faktor ihre mittleren 70 % breiter geworden sind."),
            Localized(
                en: "Explain why the input of layer 3 moves during training although the images do not change.",
                de: "Erklären, warum sich die Eingabe von Schicht 3 im Training verschiebt, obwohl sich die Bilder nicht ändern."),
            Localized(
                en: "Say what sets the location and width of the distribution with Batch Norm (γ and β alone) and why it still moves a little.",
                de: "Sagen, wovon Lage und Breite der Verteilung mit Batch Norm abhängen (allein von γ und β) und warum sie sich trotzdem etwas bewegt."),
        ],
        formula: Localized(
            en: """
            Followed: channel 0 of layer 3, the value its ReLU receives, on a fixed batch of held-out images. With Batch Norm: u = γ·(x − μ_B)/√(σ_B² + ε) + β, μ_B and σ_B² per channel over the 32 images of the mini-batch and their 8×8 positions, ε = 10⁻⁵. Without normalization: u = x, the output of the 3×3 convolution (with bias).
            Widening factor: (P₈₅ − P₁₅) after 300 steps ÷ (P₈₅ − P₁₅) before the first step.
            Both copies: SGD with lr = 0.05, momentum 0.9, same seed, data and initial weights.
            """,
            de: """
            Verfolgt wird Kanal 0 von Schicht 3, der Wert, den seine ReLU erhält, auf einem festen Batch zurückgehaltener Bilder. Mit Batch Norm: u = γ·(x − μ_B)/√(σ_B² + ε) + β, μ_B und σ_B² je Kanal über die 32 Bilder des Mini-Batches und ihre 8×8 Positionen, ε = 10⁻⁵. Ohne Normalisierung: u = x, die Ausgabe der 3×3-Faltung (mit Bias).
            Verbreiterungsfaktor: (P₈₅ − P₁₅) nach 300 Schritten ÷ (P₈₅ − P₁₅) vor dem ersten Schritt.
            Beide Kopien: SGD mit Lernrate 0,05, Momentum 0,9, gleicher Seed, gleiche Daten und Startgewichte.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "300 steps of training. What happens to the width of the middle 70% of the values that layer 3's ReLU receives?",
                    de: "300 Trainingsschritte: Was geschieht mit der Breite der mittleren 70 % der Werte, die die ReLU von Schicht 3 erhält?"),
                answers: [
                    Localized(en: "about the same in both: the images do not change", de: "in beiden etwa gleich: Die Bilder ändern sich nicht"),
                    Localized(en: "without normalization > 5 times wider, with Batch Norm unchanged", de: "ohne Normalisierung > 5-mal breiter, mit Batch Norm unverändert"),
                    Localized(en: "without normalization > 5 times wider, with Batch Norm 1 to 4 times", de: "ohne Normalisierung > 5-mal breiter, mit Batch Norm 1- bis 4-mal"),
                    Localized(en: "in both wider by about the same factor", de: "in beiden um etwa denselben Faktor breiter"),
                ],
                answer: 2, when: ["plain-layer-3-widens-5x", "bn-layer-3-widens-1-to-4x"],
                explanation: Localized(
                    en: "Without normalization every update of layers 1 and 2 changes what layer 3 receives, and the changes add up. Batch Norm takes away the location and width the earlier layers give it and puts in γ and β; these learn too, so the distribution still moves, but slowly.",
                    de: "Ohne Normalisierung ändert jedes Update der Schichten 1 und 2, was Schicht 3 erhält, und die Änderungen summieren sich. Batch Norm nimmt die Lage und Breite weg, die die früheren Schichten liefern, und setzt stattdessen γ und β ein; auch diese lernen, also bewegt sich die Verteilung weiterhin, aber langsam.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Without normalization: how does the shift of layer 1's input compare with layer 3's?",
                    de: "Ohne Normalisierung: Wie verhält sich die Verschiebung der Eingabe von Schicht 1 zu der von Schicht 3?"),
                answers: [
                    Localized(en: "layer 1 shifts most: it sees the images first", de: "Schicht 1 am stärksten: Sie sieht die Bilder zuerst"),
                    Localized(en: "layer 1 not at all: the images never change", de: "Schicht 1 gar nicht: Die Bilder ändern sich nie"),
                    Localized(en: "layer 1 too, but by at most a fifth of layer 3's factor", de: "Schicht 1 auch, mit höchstens ⅕ des Faktors von Schicht 3"),
                    Localized(en: "about equally: every layer learns at the same rate", de: "etwa gleich: Jede Schicht lernt gleich schnell"),
                ],
                answer: 2, when: ["shift-builds-with-depth"],
                explanation: Localized(
                    en: "Layer 1's ReLU input depends on the images and on layer 1's own weights, which change a little: wider on most seeds, narrower on a few. Layer 3's depends on the weights of all three layers: the changes of the earlier layers are passed on and add up with depth.",
                    de: "Die Eingabe der ReLU von Schicht 1 hängt von den Bildern und von den eigenen Gewichten der Schicht ab, die sich etwas ändern: Bei den meisten Seeds wird sie breiter, bei einigen schmaler. Die von Schicht 3 hängt von den Gewichten aller drei Schichten ab: Die Änderungen der früheren Schichten werden weitergereicht und summieren sich mit der Tiefe.")),
        ],
        discussion: [
            Localized(
                en: "With Batch Norm layer 3's input still becomes 1 to 4 times wider. Is that internal covariate shift too? Who decides it, and why is it less of a problem?",
                de: "Auch mit Batch Norm wird die Eingabe von Schicht 3 noch 1- bis 4-mal breiter. Ist das auch eine interne Kovariatverschiebung? Wer bestimmt sie, und warum ist sie weniger problematisch?"),
            Localized(
                en: "Santurkar et al. (2018) added noise after Batch Norm so that the distributions kept moving, and the networks still trained well. What does that say about the explanation \"Batch Norm works because it reduces internal covariate shift\"?",
                de: "Santurkar et al. (2018) haben nach Batch Norm Rauschen eingespeist, sodass sich die Verteilungen weiter verschoben, und die Netze trainierten trotzdem gut. Was sagt das über die Erklärung „Batch Norm wirkt, weil sie die interne Kovariatverschiebung reduziert“?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Before pressing space, press c once to follow channel 1 instead of channel 0; then press space and pause again after about 300 steps. Do the factors on the bottom line of each column also lie in the ranges the claims give for channel 0?",
                de: "Drücke vor der Leertaste einmal c, um Kanal 1 statt Kanal 0 zu verfolgen; drücke dann die Leertaste und halte nach etwa 300 Schritten wieder an. Liegen die Faktoren in der untersten Zeile jeder Spalte auch in den Bereichen, die die Aussagen für Kanal 0 angeben?"),
            hint: Localized(
                en: "The claims (last page) check channel 0 only: more than ×5 without normalization, ×1 to ×4 with Batch Norm. A factor for another channel may fall outside; compare above all how far apart the two columns' factors are.",
                de: "Die Aussagen (letzte Seite) prüfen nur Kanal 0: mehr als ×5 ohne Normalisierung, ×1 bis ×4 mit Batch Norm. Der Faktor eines anderen Kanals kann außerhalb liegen; vergleiche vor allem, wie weit die Faktoren der beiden Spalten auseinanderliegen.")))
}

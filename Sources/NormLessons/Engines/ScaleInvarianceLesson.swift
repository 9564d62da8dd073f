import Foundation
import NormMath

/// Lesson 6, "Re-Parametrisierung": multiplying the weights before a normalization layer by k
/// changes neither its output nor the loss, and divides the weights' gradient by k
/// (Ioffe & Szegedy 2015, §3.3). Without normalization everything changes.
public enum ScaleInvarianceLesson {
    public static let lesson = Lesson(
        id: "scale-invariance", number: 6, section: "Re-Parametrisierungseffekte",
        title: Localized(en: "Scale invariance: W → k·W", de: "Skaleninvarianz: W → k·W"),
        summary: Localized(
            en: "k multiplies a layer's weights: with batch norm the output stays, the gradient shrinks by 1/k",
            de: "k multipliziert die Gewichte einer Schicht: mit Batch Norm bleibt die Ausgabe, der Gradient schrumpft um 1/k"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    Two copies of the same network, same seed and data: one with Batch Norm, one without normalization.

                    Press k: the weights of layer 2 are multiplied by 4 in both. Compare the columns:

                    • Batch Norm: the loss and the outputs stay the same; the gradient of those weights falls to 1/4.
                    • No normalization: the outputs grow fourfold and the loss jumps.

                    K divides by 4 again.
                    """,
                    de: """
                    Zwei Kopien desselben Netzes, gleicher Seed, gleiche Daten: eine mit Batch Norm, eine ohne Normalisierung.

                    Drücke k: die Gewichte von Schicht 2 werden in beiden mit 4 multipliziert. Vergleiche die Spalten:

                    • Batch Norm: Verlust und Ausgaben bleiben gleich; der Gradient dieser Gewichte sinkt auf 1/4.
                    • Ohne Normalisierung: die Ausgaben wachsen auf das Vierfache, der Verlust springt.

                    K teilt wieder durch 4.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    Scaling W by k scales the layer's pre-activations x by k — and their mean μ and standard deviation σ with them. (kx − kμ)/(kσ) = (x − μ)/σ: the normalized output cannot tell.

                    The loss is therefore flat along W → kW, and its gradient obeys ∂L/∂(kW) = (1/k)·∂L/∂W.

                    The glossary calls this a re-parametrization effect: the scale of the activations is decoupled from the gradients, and the network becomes invariant to the scale of its initial weights.
                    """,
                    de: """
                    Skaliert man W mit k, skalieren die Voraktivierungen x der Schicht mit k — und mit ihnen Mittelwert μ und Standardabweichung σ. (kx − kμ)/(kσ) = (x − μ)/σ: die normalisierte Ausgabe merkt nichts.

                    Der Verlust ist entlang W → kW also flach, und für den Gradienten gilt ∂L/∂(kW) = (1/k)·∂L/∂W.

                    Das Glossar nennt das Re-Parametrisierungseffekte: Entkopplung der Skalierung von Aktivierungen und Gradienten, Invarianz gegenüber bestimmten Gewichtsinitialisierungen.
                    """)),
            LessonPage(
                title: Localized(en: "Consequence", de: "Folge"),
                text: Localized(
                    en: """
                    Larger weights get smaller gradients: a step of SGD changes them relatively less. With normalization, the norm of the weights acts as an automatic learning-rate schedule (the effective rate is lr/‖W‖²).

                    Press space and watch the gradient norm of layer 2 in the chart: after k it runs on at a quarter of its level in the Batch Norm network, while the plain network's grows.
                    """,
                    de: """
                    Größere Gewichte bekommen kleinere Gradienten: ein SGD-Schritt ändert sie relativ weniger. Mit Normalisierung wirkt die Norm der Gewichte wie eine automatische Lernratensteuerung (die wirksame Rate ist lr/‖W‖²).

                    Drücke die Leertaste und beobachte im Diagramm die Gradientennorm von Schicht 2: nach k läuft sie im Batch-Norm-Netz auf einem Viertel ihres Niveaus weiter, während sie im Netz ohne Normalisierung wächst.
                    """)),
        ],
        makeEngine: { ScaleInvarianceEngine(seeds: $0) })
}

import Foundation
import NormMath

/// Lesson 9, "Re-Parametrisierung": multiplying the weights before a normalization layer by k
/// changes neither its output nor the loss, and divides the weights' gradient by k
/// (Ioffe & Szegedy 2015, §3.3). Without normalization everything changes.
public enum ScaleInvarianceLesson {
    public static let lesson = Lesson(
        id: "scale-invariance", number: 9, section: "Re-Parametrisierungseffekte",
        title: Localized(en: "Scale invariance: W → k·W", de: "Skaleninvarianz: W → k·W"),
        summary: Localized(
            en: "k multiplies a layer's weights: with batch norm the output stays, the gradient shrinks by 1/k",
            de: "k multipliziert die Gewichte einer Schicht: mit Batch Norm bleibt die Ausgabe, der Gradient schrumpft auf 1/k"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    Two copies of the same network, same seed and data: one with Batch Norm, one without normalization.

                    Press k: the weights of layer 2 are multiplied by 4 in both. Compare the columns:

                    • Batch Norm: the loss and the outputs stay the same; the gradient of those weights falls to 1/4.
                    • No normalization: the outputs grow several-fold — more than ×3, not exactly ×4, because of the biases and the ReLUs — and the loss changes with them: up on most seeds, down on a few (seed 20 is one).

                    K divides by 4 again. The last page checks this with k pressed at step 100.
                    """,
                    de: """
                    Zwei Kopien desselben Netzes, gleicher Seed, gleiche Daten: eine mit Batch Norm, eine ohne Normalisierung.

                    Drücke k: Die Gewichte von Schicht 2 werden in beiden mit 4 multipliziert. Vergleiche die Spalten:

                    • Batch Norm: Verlust und Ausgaben bleiben gleich; der Gradient dieser Gewichte sinkt auf 1/4.
                    • Ohne Normalisierung: Die Ausgaben wachsen auf ein Mehrfaches — auf mehr als das Dreifache, wegen der Biases und ReLUs nicht genau auf das Vierfache —, und der Verlust ändert sich mit ihnen: Bei den meisten Seeds steigt er, bei einigen sinkt er (Seed 20 ist einer davon).

                    K teilt wieder durch 4. Die letzte Seite prüft das: Dort wird k bei Schritt 100 gedrückt.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    Scaling W by k scales the layer's pre-activations x by k — and their mean μ and standard deviation σ with them. (kx − kμ)/(kσ) = (x − μ)/σ: the normalized output cannot tell.

                    The loss is therefore flat along W → kW, and its gradient obeys ∂L/∂(kW) = (1/k)·∂L/∂W.

                    The glossary calls this a re-parametrization effect: the scale of the activations is decoupled from the gradients, and the network is invariant to certain weight initializations — here, to the scale of the weights in front of a normalization layer, as far as its outputs go. Training still feels that scale: it sets the size of the gradient, and so the effective learning rate (next page).
                    """,
                    de: """
                    Skaliert man W um den Faktor k, werden auch die Voraktivierungen x der Schicht um k skaliert — und mit ihnen Mittelwert μ und Standardabweichung σ. (kx − kμ)/(kσ) = (x − μ)/σ: Die normalisierte Ausgabe merkt nichts.

                    Der Verlust ist entlang W → kW also flach, und für den Gradienten gilt ∂L/∂(kW) = (1/k)·∂L/∂W.

                    Das Glossar zählt das zu den Re-Parametrisierungseffekten: Entkopplung der Skalierung von Aktivierungen und Gradienten, Invarianz gegenüber bestimmten Gewichtsinitialisierungen — hier gegenüber der Skalierung der Gewichte vor einer Normalisierungsschicht, soweit es um die Ausgaben geht. Das Training spürt diese Skalierung dennoch: Sie bestimmt die Größe des Gradienten und damit die effektive Lernrate (nächste Seite).
                    """)),
            LessonPage(
                title: Localized(en: "Consequence", de: "Folge"),
                text: Localized(
                    en: """
                    Larger weights get smaller gradients: a step of SGD changes them relatively less. With normalization, the norm of the weights acts as an automatic learning-rate schedule (the effective rate is lr/‖W‖²).

                    Press space and watch the gradient norm of layer 2 in the chart: after k it runs on in the Batch Norm network at about a quarter of the level it would have had without k (×0.2 to ×0.33 over the next 50 steps, on every seed checked). The plain network follows no such rule: right after k its gradient may be larger or smaller, depending on the seed.
                    """,
                    de: """
                    Größere Gewichte bekommen kleinere Gradienten: Ein SGD-Schritt ändert sie relativ weniger. Mit Normalisierung wirkt die Norm der Gewichte wie eine automatische Lernratensteuerung (die effektive Rate ist lr/‖W‖²).

                    Drücke die Leertaste und beobachte im Diagramm die Gradientennorm von Schicht 2: Nach k läuft sie im Batch-Norm-Netz auf etwa einem Viertel des Niveaus weiter, das sie ohne k gehabt hätte (das 0,2- bis 0,33-Fache über die nächsten 50 Schritte, bei jedem geprüften Seed). Das Netz ohne Normalisierung folgt keiner solchen Regel: Direkt nach k kann sein Gradient je nach Seed größer oder kleiner sein.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { ScaleInvarianceEngine(seeds: $0) })

    /// Page 1's and page 3's results, with k pressed at step 100 (on copies of the runs:
    /// the screen's runs are left as they are).
    static let claims: [Claim] = [
        .on(ScaleInvarianceEngine.self, id: "batch-norm-output-unchanged",
            text: Localized(
                en: "Batch Norm: after k the loss and the outputs stay the same (they move by less than 1e-5 of their size).",
                de: "Batch Norm: Nach k bleiben Verlust und Ausgaben gleich (sie ändern sich um weniger als 1e-5 ihrer Größe)."),
            step: 100
        ) { engine, seed in
            let bn = engine.effect(of: ScaleInvarianceEngine.factor, run: 0, seed: seed)
            let lossChange = abs(bn.lossAfter - bn.lossBefore) / bn.lossBefore
            return Verdict(holds: bn.logitChange < 1e-5 && lossChange < 1e-5, measured: Localized(
                en: "outputs moved by \(MeasuredNumber.short(bn.logitChange)) of their size, loss by \(MeasuredNumber.short(lossChange))",
                de: "Ausgaben um \(MeasuredNumber.short(bn.logitChange, .de)) ihrer Größe verändert, Verlust um \(MeasuredNumber.short(lossChange, .de))"))
        },
        .on(ScaleInvarianceEngine.self, id: "batch-norm-gradient-quarter",
            text: Localized(
                en: "Batch Norm: the gradient of those weights falls to 1/4 (×0.25, to 1e-4).",
                de: "Batch Norm: Der Gradient dieser Gewichte sinkt auf 1/4 (×0,25, auf 1e-4 genau)."),
            step: 100
        ) { engine, seed in
            let ratio = engine.effect(of: ScaleInvarianceEngine.factor, run: 0, seed: seed).gradientRatio
            return Verdict(holds: abs(ratio - 0.25) < 1e-4, measured: Localized(
                en: "gradient ×\(String(format: "%.5f", ratio))",
                de: "Gradient ×\(String(format: "%.5f", ratio).replacingOccurrences(of: ".", with: ","))"))
        },
        .on(ScaleInvarianceEngine.self, id: "plain-outputs-grow",
            text: Localized(
                en: "No normalization: the outputs grow several-fold, more than ×3.",
                de: "Ohne Normalisierung: Die Ausgaben wachsen auf ein Mehrfaches, auf mehr als das Dreifache."),
            step: 100
        ) { engine, seed in
            let plain = engine.effect(of: ScaleInvarianceEngine.factor, run: 1, seed: seed)
            return Verdict(holds: plain.outputGrowth > 3, measured: Localized(
                en: "outputs ×\(MeasuredNumber.short(plain.outputGrowth)), loss \(MeasuredNumber.short(plain.lossBefore)) → \(MeasuredNumber.short(plain.lossAfter))",
                de: "Ausgaben ×\(MeasuredNumber.short(plain.outputGrowth, .de)), Verlust \(MeasuredNumber.short(plain.lossBefore, .de)) → \(MeasuredNumber.short(plain.lossAfter, .de))"))
        },
        .on(ScaleInvarianceEngine.self, id: "gradient-level-after-k",
            text: Localized(
                en: "After k the Batch Norm network's gradient runs on at about a quarter of the level it would have had without k (×0.2 to ×0.33 over the next 50 steps).",
                de: "Nach k läuft der Gradient im Batch-Norm-Netz auf etwa einem Viertel des Niveaus weiter, das er ohne k gehabt hätte (das 0,2- bis 0,33-Fache über die nächsten 50 Schritte)."),
            step: 100
        ) { engine, seed in
            let level = engine.gradientLevel(afterScalingBy: ScaleInvarianceEngine.factor, steps: 50, run: 0, seed: seed)
            let plain = engine.effect(of: ScaleInvarianceEngine.factor, run: 1, seed: seed).gradientRatio
            return Verdict(holds: (0.2...(1.0 / 3)).contains(level), measured: Localized(
                en: "Batch Norm ×\(MeasuredNumber.short(level)) over 50 steps; no normalization ×\(MeasuredNumber.short(plain)) right after k",
                de: "Batch Norm ×\(MeasuredNumber.short(level, .de)) über 50 Schritte; ohne Normalisierung ×\(MeasuredNumber.short(plain, .de)) direkt nach k"))
        },
    ]
}

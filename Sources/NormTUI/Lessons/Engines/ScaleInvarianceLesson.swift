import Foundation
import NormMath

/// Lesson 6, "Re-Parametrisierung": multiplying the weights before a normalization layer by k
/// changes neither its output nor the loss, and divides the weights' gradient by k
/// (Ioffe & Szegedy 2015, §3.3). Without normalization everything changes.
enum ScaleInvarianceLesson {
    static let lesson = Lesson(
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
        makeEngine: { ScaleInvarianceEngine() })
}

/// Two runs (batch norm, none); `k`/`K` scale block 2's weights by 4 or 1/4 in both and
/// measure the effect on a fixed batch.
struct ScaleInvarianceEngine: LessonEngine {
    /// The block whose weights are scaled (0-based: layer 2).
    static let block = 1
    static let factor: Float = 4

    var runs: LessonRuns
    private(set) var stepCount = 0
    /// The product of all scalings so far.
    private(set) var totalScale: Float = 1
    /// Before/after measurements of the last scaling, one per run.
    private(set) var lastEffect: [ScalingEffect] = []

    struct ScalingEffect: Sendable {
        var factor: Float
        var lossBefore: Double
        var lossAfter: Double
        /// ‖logits after − logits before‖ / ‖logits before‖.
        var logitChange: Double
        var gradientBefore: Double
        var gradientAfter: Double
        var gradientRatio: Double { gradientAfter / gradientBefore }
    }

    init() {
        runs = LessonRuns(variants: [
            (Localized(en: "Batch Norm", de: "Batch Norm"), .batch),
            (Localized(en: "no normalization", de: "ohne Normalisierung"), .none),
        ])
    }

    mutating func advance() {
        runs.step()
        stepCount += 1
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("k"), label: "k", help: Localized(en: "W₂ × 4", de: "W₂ × 4")),
            LessonKey(key: .character("K"), label: "K", help: Localized(en: "W₂ ÷ 4", de: "W₂ ÷ 4")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        let factor: Float
        switch key {
        case .character("k"): factor = Self.factor
        case .character("K"): factor = 1 / Self.factor
        default: return nil
        }
        scale(by: factor)
        let bn = lastEffect[0], plain = lastEffect[1]
        return Localized(
            en: "W₂ × \(NumberFormat.short(Double(factor))): Batch Norm output changed \(NumberFormat.percent(bn.logitChange)), gradient × \(NumberFormat.short(bn.gradientRatio)); without: output changed \(NumberFormat.percent(plain.logitChange))",
            de: "W₂ × \(NumberFormat.short(Double(factor))): Ausgabe mit Batch Norm um \(NumberFormat.percent(bn.logitChange)) geändert, Gradient × \(NumberFormat.short(bn.gradientRatio)); ohne: Ausgabe um \(NumberFormat.percent(plain.logitChange)) geändert")
    }

    /// Scales block 2's weights in every run and measures loss, outputs and gradient on a
    /// fixed held-out batch just before and just after.
    mutating func scale(by factor: Float) {
        totalScale *= factor
        lastEffect = (0..<runs.count).map { index in
            var run = runs[index]
            let batch = run.trainer.probeBatch()
            let before = run.trainer.inspect(batch)
            run.trainer.scaleWeights(ofBlock: Self.block, by: factor)
            let after = run.trainer.inspect(batch)
            runs[index] = run
            return ScalingEffect(
                factor: factor, lossBefore: before.loss, lossAfter: after.loss,
                logitChange: Self.relativeChange(from: before.logits, to: after.logits),
                gradientBefore: Self.norm(before.gradients?.blocks[Self.block].weight),
                gradientAfter: Self.norm(after.gradients?.blocks[Self.block].weight))
        }
    }

    static func relativeChange(from a: [Float], to b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .nan }
        var difference = 0.0, size = 0.0
        for (x, y) in zip(a, b) {
            difference += Double(y - x) * Double(y - x)
            size += Double(x) * Double(x)
        }
        return (difference / max(size, 1e-30)).squareRoot()
    }

    static func norm(_ values: [Float]?) -> Double {
        guard let values else { return .nan }
        return values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fixed(11), .fill])
        let inner = Panel(title: language == .de ? "W₂ skaliert: vorher → nachher (feste Batch)" : "W₂ scaled: before → after (fixed batch)")
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        var tableRows: [[String]] = [
            [language == .de ? "W₂ insgesamt ×" : "W₂ scaled in all by", NumberFormat.short(Double(totalScale)), NumberFormat.short(Double(totalScale))],
        ]
        if lastEffect.count == runs.count {
            let arrow = " \(glyphs.arrowRight) "
            tableRows += [
                [language == .de ? "Verlust" : "loss"] + lastEffect.map {
                    NumberFormat.short($0.lossBefore) + arrow + NumberFormat.short($0.lossAfter)
                },
                [language == .de ? "Ausgaben geändert um" : "outputs changed by"] + lastEffect.map { NumberFormat.percent($0.logitChange) },
                ["‖∂L/∂W₂‖"] + lastEffect.map { NumberFormat.short($0.gradientBefore) + arrow + NumberFormat.short($0.gradientAfter) },
                [language == .de ? "Gradient ×" : "gradient ×"] + lastEffect.map { NumberFormat.short($0.gradientRatio) }
                    .enumerated().map { $0.offset == 0 ? "\($0.element)  (1/k = \(NumberFormat.short(Double(1 / lastEffect[0].factor))))" : $0.element },
            ]
        } else {
            tableRows.append([language == .de ? "drücke k" : "press k", "", ""])
        }
        tableRows.append([language == .de ? "Verlust jetzt" : "loss now"] + runs.runs.map {
            $0.history.loss.last.map(NumberFormat.short) ?? "–"
        })
        Table(
            columns: [Table.Column("")] + runs.runs.map { Table.Column($0.name(language), alignment: .right) },
            rows: tableRows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)

        let chart = Panel(title: language == .de ? "‖∂L/∂W₂‖ über die Schritte (log)" : "‖∂L/∂W₂‖ over the steps (log)")
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let series = runs.runs.enumerated().map { index, run in
            LineChart.Series(
                name: run.name(language), values: run.history.layers[Self.block].weightGradNorm.elements, color: .series(index))
        }
        LineChart(series: series, scale: .log10).render(into: &grid, in: chart, glyphs: glyphs)
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("scale", Double(totalScale))
        record.append("bn_loss", runs[0].history.loss.last)
        record.append("none_loss", runs[1].history.loss.last)
        record.append("bn_l2_grad_norm", runs[0].history.layers[Self.block].weightGradNorm.last)
        record.append("none_l2_grad_norm", runs[1].history.layers[Self.block].weightGradNorm.last)
        record.append("bn_output_change", lastEffect.first?.logitChange)
        record.append("none_output_change", lastEffect.last?.logitChange)
        return record
    }
}

import Foundation
import NormMath

/// Lesson 5, RMSNorm (Zhang & Sennrich 2019): layer norm without centering, y = x/√(ms + ε).
/// On zero-mean inputs it is layer norm; an offset in the input survives in its output.
public enum RMSNormLesson {
    public static let lesson = Lesson(
        id: "rmsnorm", number: 5, section: "Hauptvarianten",
        title: Localized(en: "RMSNorm: layer norm without centering", de: "RMSNorm: Layer Norm ohne Zentrierung"),
        summary: Localized(
            en: "on zero-mean inputs RMSNorm equals layer norm; an input offset survives in its output",
            de: "bei mittelwertfreien Eingaben ist RMSNorm gleich Layer Norm; ein Offset der Eingabe bleibt in der Ausgabe erhalten"),
        pages: [
            LessonPage(
                title: Localized(en: "No μ", de: "Kein μ"),
                text: Localized(
                    en: """
                    RMSNorm (Zhang & Sennrich 2019) normalizes each sample like layer norm, but skips the mean: y = γ·x / √(ms + ε), with ms the mean of x². One statistic less to compute — LLaMA and many other LLMs use it.

                    When a sample's mean is 0, ms is its variance and the two layers agree up to rounding: look at max |Δy| with offset 0 (below 1e-6).
                    """,
                    de: """
                    RMSNorm (Zhang & Sennrich 2019) normalisiert jedes Sample wie Layer Normalization, lässt aber den Mittelwert weg: y = γ·x / √(ms + ε), ms ist der Mittelwert von x². Eine Statistik weniger zu berechnen — LLaMA und viele andere LLMs verwenden RMSNorm.

                    Hat ein Sample den Mittelwert 0, ist ms seine Varianz, und beide Schichten stimmen bis auf Rundungsfehler überein: Sieh dir max |Δy| bei Offset 0 an (unter 1e-6).
                    """)),
            LessonPage(
                title: Localized(en: "An offset survives", de: "Ein Offset bleibt erhalten"),
                text: Localized(
                    en: """
                    Press o to add an offset a to every input (O takes it back). The inputs have spread 1, so ms = 1 + a².

                    • Layer norm subtracts μ = a: its output keeps mean 0 and σ 1 whatever a is.
                    • RMSNorm divides by √(1 + a²): its output has mean a/√(1 + a²) and spread 1/√(1 + a²). The offset survives, and the information in the spread is squeezed toward a constant.

                    Compare the two histograms on their common axis.
                    """,
                    de: """
                    Drücke o, um zu jeder Eingabe einen Offset a zu addieren (O nimmt ihn zurück). Die Eingaben haben die Streuung 1, also ms = 1 + a².

                    • Layer Normalization zieht μ = a ab: Ihre Ausgabe behält Mittelwert 0 und σ 1, unabhängig von a.
                    • RMSNorm teilt durch √(1 + a²): Ihre Ausgabe hat den Mittelwert a/√(1 + a²) und die Streuung 1/√(1 + a²). Der Offset bleibt erhalten, und die Information in der Streuung wird in Richtung einer Konstanten zusammengedrückt.

                    Vergleiche die beiden Histogramme auf der gemeinsamen Achse.
                    """)),
            LessonPage(
                title: Localized(en: "In training", de: "Im Training"),
                text: Localized(
                    en: """
                    Space trains the same conv network on the digits twice, once with layer norm and once with RMSNorm (same seed, data and initial weights); the chart shows both losses.

                    Early on the two part ways, differently on every seed: on some RMSNorm trains clearly behind, on others it is level or ahead. The loss chart's shade shows how far the seeds spread.

                    Both get there: by step 600 both losses are below 1, far below the ln 10 ≈ 2.3 of guessing, on every seed checked. Inside a network the following layers can absorb an offset — one reason RMSNorm could replace layer norm in large models.
                    """,
                    de: """
                    Mit der Leertaste wird dasselbe Faltungsnetz zweimal mit den Ziffern trainiert, einmal mit Layer Normalization und einmal mit RMSNorm (gleicher Seed, gleiche Daten und Anfangsgewichte); das Diagramm zeigt beide Verluste.

                    Anfangs gehen die beiden auseinander, bei jedem Seed anders: Bei manchen liegt RMSNorm deutlich zurück, bei anderen gleichauf oder vorn. Die Schattierung im Verlustdiagramm zeigt, wie weit die Seeds auseinanderliegen.

                    Am Ende lernen beide: Bei Schritt 600 liegen beide Verluste bei jedem geprüften Seed unter 1, weit unter den ln 10 ≈ 2,3 des Ratens. Im Netz können die folgenden Schichten einen Offset auffangen — ein Grund, warum RMSNorm Layer Normalization in großen Modellen ersetzen konnte.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { RMSNormEngine(seeds: $0) })

    /// Pages 1 and 2 on the lesson's noise (random from the seed), at every offset the keys
    /// reach; page 3 on the two training runs, loss as the mean of 20 steps.
    static let claims: [Claim] = [
        .on(RMSNormEngine.self, id: "zero-mean-equals-layer-norm",
            text: Localized(
                en: "When a sample's mean is 0 (offset 0), RMSNorm and layer norm agree up to rounding: max |Δy| below 1e-6.",
                de: "Hat ein Sample den Mittelwert 0 (Offset 0), stimmen RMSNorm und Layer Normalization bis auf Rundungsfehler überein: max |Δy| unter 1e-6."),
            step: 1
        ) { engine, _ in
            let difference = RMSNormEngine.Comparison(noise: engine.noise, offset: 0).largestDifference
            return Verdict(holds: difference < 1e-6, measured: Localized(
                en: "max |Δy| \(MeasuredNumber.short(difference))", de: "max |Δy| \(MeasuredNumber.short(difference, .de))"))
        },
        .on(RMSNormEngine.self, id: "offset-survives",
            text: Localized(
                en: "At every offset a, layer norm's output keeps mean 0 and σ 1; RMSNorm's has mean a/√(1 + a²) and spread 1/√(1 + a²) (each within 1e-3).",
                de: "Bei jedem Offset a behält die Ausgabe der Layer Normalization Mittelwert 0 und σ 1; die von RMSNorm hat den Mittelwert a/√(1 + a²) und die Streuung 1/√(1 + a²) (jeweils auf 1e-3 genau)."),
            step: 1
        ) { engine, _ in
            var worst = 0.0
            for offset in RMSNormEngine.offsets {
                let comparison = RMSNormEngine.Comparison(noise: engine.noise, offset: offset)
                let layer = SampleStatistics(comparison.layerNorm), rms = SampleStatistics(comparison.rmsNorm)
                worst = max(worst, abs(layer.mean), abs(layer.standardDeviation - 1),
                            abs(rms.mean - comparison.predictedRMSMean), abs(rms.standardDeviation - comparison.predictedRMSSpread))
            }
            let at8 = RMSNormEngine.Comparison(noise: engine.noise, offset: 8)
            let rms8 = SampleStatistics(at8.rmsNorm)
            return Verdict(holds: worst < 1e-3, measured: Localized(
                en: "largest deviation \(MeasuredNumber.short(worst)); at a = 8 RMSNorm: mean \(MeasuredNumber.short(rms8.mean)), spread \(MeasuredNumber.short(rms8.standardDeviation))",
                de: "größte Abweichung \(MeasuredNumber.short(worst, .de)); bei a = 8 RMSNorm: Mittelwert \(MeasuredNumber.short(rms8.mean, .de)), Streuung \(MeasuredNumber.short(rms8.standardDeviation, .de))"))
        },
        .on(RMSNormEngine.self, id: "both-learn-by-step-600",
            text: Localized(
                en: "By step 600 both losses are below 1, far below the ln 10 ≈ 2.3 of guessing (mean of steps 581–600).",
                de: "Bei Schritt 600 liegen beide Verluste unter 1, weit unter den ln 10 ≈ 2,3 des Ratens (Mittel der Schritte 581–600)."),
            step: 600
        ) { engine, seed in
            let layer = engine.meanLoss(0, steps: 581...600, seed: seed) ?? .nan
            let rms = engine.meanLoss(1, steps: 581...600, seed: seed) ?? .nan
            return Verdict(holds: layer < 1 && rms < 1, measured: Localized(
                en: "layer norm \(MeasuredNumber.short(layer)), RMSNorm \(MeasuredNumber.short(rms))",
                de: "Layer Norm \(MeasuredNumber.short(layer, .de)), RMSNorm \(MeasuredNumber.short(rms, .de))"))
        },
    ]
}

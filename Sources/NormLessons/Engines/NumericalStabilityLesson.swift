import Foundation
import NormMath

/// Lesson 14, "Numerische Stabilität": what ε is for, where it goes, and how the variance must
/// be computed. Three measurements with NormMath's own layer: ε → 0 on a constant channel,
/// ε inside vs outside the square root as σ shrinks, and the naive variance E[x²] − E[x]²
/// against two-pass and Welford on data with a large offset.
public enum NumericalStabilityLesson {
    public static let lesson = Lesson(
        id: "numerical-stability", number: 14, section: "Implementierungsaspekte / Numerische Stabilität",
        title: Localized(en: "Numerical stability: ε and the variance", de: "Numerische Stabilität: ε und die Varianz"),
        summary: Localized(
            en: "ε → 0 on a constant channel, ε inside vs outside the root, and the naive variance failing at a large offset",
            de: "ε → 0 bei einem konstanten Kanal, ε unter oder außerhalb der Wurzel und die naive Varianz, die bei großem Offset versagt"),
        pages: [
            LessonPage(
                title: Localized(en: "ε → 0", de: "ε → 0"),
                text: Localized(
                    en: """
                    A dead channel — every value the same — has σ = 0. Then x − μ = 0 and the layer divides 0 by √(0 + ε).

                    Press space or e: ε falls by a decade per step. The output stays 0 as long as ε > 0, but the gradient dx grows like 1/√ε, and at ε = 0 it is 0/0: NaN — the division by zero that ε is there to prevent.

                    A nearly constant channel (σ = 0.001) shows the other face: at ε = 0.1 its output is nearly flat (σ(y) < 0.01), but once ε ≪ σ² (from ε = 1e-8 on) its noise is blown up to unit size (σ(y) ≈ 1).
                    """,
                    de: """
                    Ein toter Kanal — alle Werte gleich — hat σ = 0. Dann ist x − μ = 0, und die Schicht teilt 0 durch √(0 + ε).

                    Drücke die Leertaste oder e: ε fällt pro Schritt um eine Zehnerpotenz. Die Ausgabe bleibt 0, solange ε > 0 ist, aber der Gradient dx wächst wie 1/√ε, und bei ε = 0 ist er 0/0: NaN — die Division durch null, die ε vermeiden soll.

                    Ein fast konstanter Kanal (σ = 0,001) zeigt die andere Seite: Bei ε = 0,1 ist seine Ausgabe fast flach (σ(y) < 0,01), doch sobald ε ≪ σ² ist (ab ε = 1e-8), wird sein Rauschen auf Einheitsgröße aufgeblasen (σ(y) ≈ 1).
                    """)),
            LessonPage(
                title: Localized(en: "Inside or outside the root", de: "Unter oder außerhalb der Wurzel"),
                text: Localized(
                    en: """
                    The glossary writes (x − μ)/(σ + ε); PyTorch, TensorFlow and JAX compute (x − μ)/√(σ² + ε). For large σ both are the same.

                    The table normalizes x = σ·z with ε = 1e-5 both ways. As σ shrinks the outputs part: inside the root ε competes with σ², outside only with σ. At σ = 1e-3 the frameworks' output has 0.30 times the spread of the glossary's (about a third), at σ = 1e-4 0.035 times (about a thirtieth).

                    Moving a checkpoint from one convention to the other changes the output of its small-variance channels: handling ε correctly also means using the convention the network was trained with.
                    """,
                    de: """
                    Das Glossar schreibt (x − μ)/(σ + ε); PyTorch, TensorFlow und JAX rechnen (x − μ)/√(σ² + ε). Für großes σ ist das dasselbe.

                    Die Tabelle normalisiert x = σ·z mit ε = 1e-5 auf beide Arten. Wird σ kleiner, gehen die Ausgaben auseinander: Unter der Wurzel konkurriert ε mit σ², außerhalb nur mit σ. Bei σ = 1e-3 hat die Ausgabe der Frameworks das 0,30-Fache der Streuung der Glossar-Formel (etwa ein Drittel), bei σ = 1e-4 das 0,035-Fache (etwa ein Dreißigstel).

                    Wer einen Checkpoint von einer Konvention in die andere überträgt, verändert die Ausgabe der Kanäle mit kleiner Varianz: Die korrekte Handhabung der ε-Parameter heißt also auch, dieselbe Konvention wie beim Training zu verwenden.
                    """)),
            LessonPage(
                title: Localized(en: "The naive variance", de: "Die naive Varianz"),
                text: Localized(
                    en: """
                    σ² = E[x²] − E[x]² is one pass and one line — and wrong when the mean is large against the spread: two huge, nearly equal numbers are subtracted, and the rounding error of Float is all that is left.

                    The data are offset + 0.05·z (true σ² = 0.0025). At offset 100 the naive variance is off by more than 10 %, at 1000 by 100 % or more — nothing of the true value is left; two-pass (mean first) and Welford (a running update, as PyTorch's CPU kernels) stay exact (error below 1e-6).

                    This is catastrophic cancellation: a flaw of the formula, not of the data — these data have no outliers.
                    """,
                    de: """
                    σ² = E[x²] − E[x]² ist ein Durchlauf und eine Zeile — und falsch, wenn der Mittelwert groß gegen die Streuung ist: Zwei riesige, fast gleiche Zahlen werden subtrahiert, übrig bleibt nur der Rundungsfehler von Float.

                    Die Daten sind Offset + 0,05·z (wahres σ² = 0,0025). Bei Offset 100 liegt die naive Varianz um mehr als 10 % daneben, bei 1000 um 100 % oder mehr — vom wahren Wert bleibt nichts übrig; Two-Pass (erst der Mittelwert) und Welford (laufende Aktualisierung, wie in den CPU-Kernels von PyTorch) bleiben exakt (Fehler unter 1e-6).

                    Das ist Auslöschung: ein Fehler der Formel, nicht der Daten — diese Daten haben keine Ausreißer.
                    """)),
        ],
        claims: claims,
        makeEngine: { NumericalStabilityEngine(seeds: $0) })

    /// Judged once ε has run down the whole ladder to 0 (step 13); the placement and variance
    /// tables are measured when the lesson opens, on the seed's noise.
    static let claims: [Claim] = [
        .on(NumericalStabilityEngine.self, id: "constant-channel-output-zero",
            text: Localized(
                en: "On the dead channel the output stays 0 as long as ε > 0; at ε = 0 it is NaN.",
                de: "Beim toten Kanal bleibt die Ausgabe 0, solange ε > 0 ist; bei ε = 0 ist sie NaN."),
            step: NumericalStabilityEngine.epsilonLadder.count
        ) { engine, _ in
            let positive = engine.epsilonRows.filter { $0.epsilon > 0 }
            let largest = positive.map(\.constantOutput).max() ?? .nan
            let atZero = engine.epsilonRows.first { $0.epsilon == 0 }?.constantOutput ?? 0
            return Verdict(
                holds: positive.count == NumericalStabilityEngine.epsilonLadder.count - 1 && largest == 0 && atZero.isNaN,
                measured: Localized(
                    en: "max |y| for ε > 0: \(MeasuredNumber.short(largest)); at ε = 0: \(MeasuredNumber.short(atZero))",
                    de: "max |y| für ε > 0: \(MeasuredNumber.short(largest, .de)); bei ε = 0: \(MeasuredNumber.short(atZero, .de))"))
        },
        .on(NumericalStabilityEngine.self, id: "constant-channel-gradient",
            text: Localized(
                en: "The gradient dx grows like 1/√ε (max |dx|·√ε the same at every ε > 0, within 0.1%), and at ε = 0 it is 0/0: NaN.",
                de: "Der Gradient dx wächst wie 1/√ε (max |dx|·√ε bei jedem ε > 0 gleich, auf 0,1 % genau), und bei ε = 0 ist er 0/0: NaN."),
            step: NumericalStabilityEngine.epsilonLadder.count
        ) { engine, _ in
            let scaled = engine.epsilonRows.filter { $0.epsilon > 0 }.map { $0.constantGradient * $0.epsilon.squareRoot() }
            let spread = (scaled.max() ?? .nan) / (scaled.min() ?? .nan) - 1
            let atZero = engine.epsilonRows.first { $0.epsilon == 0 }?.constantGradient ?? 0
            return Verdict(
                holds: scaled.count == NumericalStabilityEngine.epsilonLadder.count - 1 && spread < 1e-3 && atZero.isNaN,
                measured: Localized(
                    en: "max |dx|·√ε from \(MeasuredNumber.short(scaled.min() ?? .nan)) to \(MeasuredNumber.short(scaled.max() ?? .nan)); at ε = 0: \(MeasuredNumber.short(atZero))",
                    de: "max |dx|·√ε von \(MeasuredNumber.short(scaled.min() ?? .nan, .de)) bis \(MeasuredNumber.short(scaled.max() ?? .nan, .de)); bei ε = 0: \(MeasuredNumber.short(atZero, .de))"))
        },
        .on(NumericalStabilityEngine.self, id: "nearly-constant-blown-up",
            text: Localized(
                en: "The nearly constant channel (σ = 0.001): at ε = 0.1 its output is nearly flat (σ(y) < 0.01), from ε = 1e-8 on its noise is blown up to unit size (σ(y) within 1% of 1).",
                de: "Der fast konstante Kanal (σ = 0,001): Bei ε = 0,1 ist seine Ausgabe fast flach (σ(y) < 0,01), ab ε = 1e-8 wird sein Rauschen auf Einheitsgröße aufgeblasen (σ(y) auf 1 % genau 1)."),
            step: NumericalStabilityEngine.epsilonLadder.count
        ) { engine, _ in
            let flat = engine.epsilonRows.first { $0.epsilon == 1e-1 }?.nearlyConstantSpread ?? .nan
            let small = engine.epsilonRows.filter { $0.epsilon > 0 && $0.epsilon <= 1e-8 }.map(\.nearlyConstantSpread)
            let lowest = small.min() ?? .nan, highest = small.max() ?? .nan
            return Verdict(
                holds: flat < 0.01 && small.count == 5 && abs(lowest - 1) < 0.01 && abs(highest - 1) < 0.01,
                measured: Localized(
                    en: "σ(y) \(MeasuredNumber.short(flat)) at ε = 0.1, \(MeasuredNumber.short(lowest))–\(MeasuredNumber.short(highest)) for ε = 1e-8…1e-12",
                    de: "σ(y) \(MeasuredNumber.short(flat, .de)) bei ε = 0,1, \(MeasuredNumber.short(lowest, .de))–\(MeasuredNumber.short(highest, .de)) für ε = 1e-8…1e-12"))
        },
        .on(NumericalStabilityEngine.self, id: "placement-parts-as-sigma-shrinks",
            text: Localized(
                en: "ε inside or outside the root: the same for σ = 1 (max |Δy| < 1e-4); at σ = 1e-3 the frameworks' output has 0.30 times the glossary's spread, at σ = 1e-4 0.035 times.",
                de: "ε in oder außerhalb der Wurzel: Für σ = 1 ist das Ergebnis gleich (max |Δy| < 1e-4); bei σ = 1e-3 hat die Ausgabe der Frameworks das 0,30-Fache der Streuung der Glossar-Formel, bei σ = 1e-4 das 0,035-Fache."),
            step: 1
        ) { engine, _ in
            func row(_ sigma: Double) -> NumericalStabilityEngine.PlacementRow? { engine.placementRows.first { $0.sigma == sigma } }
            guard let one = row(1), let milli = row(1e-3), let tenth = row(1e-4) else {
                return Verdict(holds: false, measured: Localized(en: "rows missing", de: "Zeilen fehlen"))
            }
            let third = milli.insideSpread / milli.outsideSpread, thirtieth = tenth.insideSpread / tenth.outsideSpread
            let holds = one.largestDifference < 1e-4 && abs(third - 0.30) < 0.005 && abs(thirtieth - 0.035) < 0.0005
            return Verdict(holds: holds, measured: Localized(
                en: "σ = 1: max |Δy| \(MeasuredNumber.short(one.largestDifference)); σ = 1e-3: ×\(MeasuredNumber.short(third)); σ = 1e-4: ×\(MeasuredNumber.short(thirtieth))",
                de: "σ = 1: max |Δy| \(MeasuredNumber.short(one.largestDifference, .de)); σ = 1e-3: ×\(MeasuredNumber.short(third, .de)); σ = 1e-4: ×\(MeasuredNumber.short(thirtieth, .de))"))
        },
        .on(NumericalStabilityEngine.self, id: "naive-variance-cancels",
            text: Localized(
                en: "At offset 100 the naive variance is off by more than 10 %, at 1000 by 100 % or more; two-pass and Welford stay exact (error below 1e-6 at every offset).",
                de: "Bei Offset 100 liegt die naive Varianz um mehr als 10 % daneben, bei 1000 um 100 % oder mehr; Two-Pass und Welford bleiben exakt (Fehler unter 1e-6 bei jedem Offset)."),
            step: 1
        ) { engine, _ in
            let at100 = engine.varianceRows.first { $0.offset == 100 }?.naiveError ?? .nan
            let at1000 = engine.varianceRows.first { $0.offset == 1000 }?.naiveError ?? .nan
            let exact = engine.varianceRows.map { max($0.twoPassError, $0.welfordError) }.max() ?? .nan
            return Verdict(holds: at100 > 0.1 && at1000 >= 0.999_999 && exact < 1e-6, measured: Localized(
                en: "naive: off by \(MeasuredNumber.percent(at100)) at 100, \(MeasuredNumber.percent(at1000)) at 1000; two-pass and Welford at most \(MeasuredNumber.short(exact))",
                de: "naiv: \(MeasuredNumber.percent(at100, .de)) daneben bei 100, \(MeasuredNumber.percent(at1000, .de)) bei 1000; Two-Pass und Welford höchstens \(MeasuredNumber.short(exact, .de))"))
        },
    ]
}

import Foundation
import NormMath

/// Lesson 8, "Numerische Stabilität": what ε is for, where it goes, and how the variance must
/// be computed. Three measurements with NormMath's own layer: ε → 0 on a constant channel,
/// ε inside vs outside the square root as σ shrinks, and the naive variance E[x²] − E[x]²
/// against two-pass and Welford on data with a large offset.
public enum NumericalStabilityLesson {
    public static let lesson = Lesson(
        id: "numerical-stability", number: 8, section: "Implementierungsaspekte / Numerische Stabilität",
        title: Localized(en: "Numerical stability: ε and the variance", de: "Numerische Stabilität: ε und die Varianz"),
        summary: Localized(
            en: "ε → 0 on a constant channel, ε inside vs outside the root, and the naive variance failing at a large offset",
            de: "ε → 0 auf einem konstanten Kanal, ε in oder außerhalb der Wurzel, und die naive Varianz bei großem Offset"),
        pages: [
            LessonPage(
                title: Localized(en: "ε → 0", de: "ε → 0"),
                text: Localized(
                    en: """
                    A dead channel — every value the same — has σ = 0. Then x − μ = 0 and the layer divides 0 by √(0 + ε).

                    Press space or e: ε falls by a decade per step. The output stays 0 as long as ε > 0, but the gradient dx grows like 1/√ε, and at ε = 0 it is 0/0: NaN.

                    A nearly constant channel (σ = 0.001) shows the other face: once ε ≪ σ², its noise is blown up to unit size.
                    """,
                    de: """
                    Ein toter Kanal — alle Werte gleich — hat σ = 0. Dann ist x − μ = 0, und die Schicht teilt 0 durch √(0 + ε).

                    Leertaste oder e: ε fällt pro Schritt um eine Zehnerpotenz. Die Ausgabe bleibt 0, solange ε > 0, aber der Gradient dx wächst wie 1/√ε, und bei ε = 0 ist es 0/0: NaN — die Division durch Null, die ε vermeiden soll.

                    Ein fast konstanter Kanal (σ = 0,001) zeigt die andere Seite: sobald ε ≪ σ², wird sein Rauschen auf Einheitsgröße aufgeblasen.
                    """)),
            LessonPage(
                title: Localized(en: "Inside or outside the root", de: "In oder außerhalb der Wurzel"),
                text: Localized(
                    en: """
                    The glossary writes (x − μ)/(σ + ε); PyTorch, TensorFlow and JAX compute (x − μ)/√(σ² + ε). For large σ both are the same.

                    The table normalizes x = σ·z with ε = 1e-5 both ways. As σ shrinks the outputs part: inside the root ε competes with σ², outside only with σ. At σ = 1e-3 the framework's output has a third of the spread, at σ = 1e-4 a thirtieth.

                    Checkpoints moved between conventions change small-variance channels.
                    """,
                    de: """
                    Das Glossar schreibt (x − μ)/(σ + ε); PyTorch, TensorFlow und JAX rechnen (x − μ)/√(σ² + ε). Für großes σ ist das dasselbe.

                    Die Tabelle normalisiert x = σ·z mit ε = 1e-5 auf beide Arten. Mit kleinerem σ gehen die Ausgaben auseinander: in der Wurzel konkurriert ε mit σ², außerhalb nur mit σ. Bei σ = 1e-3 hat die Ausgabe der Frameworks ein Drittel der Streuung, bei σ = 1e-4 ein Dreißigstel.

                    Die korrekte Handhabung der ε-Parameter heißt also auch: dieselbe Konvention wie beim Training.
                    """)),
            LessonPage(
                title: Localized(en: "The naive variance", de: "Die naive Varianz"),
                text: Localized(
                    en: """
                    σ² = E[x²] − E[x]² is one pass and one line — and wrong when the mean is large against the spread: two huge, nearly equal numbers are subtracted, and the rounding error of Float is all that is left.

                    The data are offset + 0.05·z (true σ² = 0.0025). At offset 100 the naive variance is off by far more than 10 %, at 1000 it is garbage or negative; two-pass (mean first) and Welford (a running update, as PyTorch's CPU kernels) stay exact.
                    """,
                    de: """
                    σ² = E[x²] − E[x]² ist ein Durchlauf und eine Zeile — und falsch, wenn der Mittelwert groß gegen die Streuung ist: zwei riesige, fast gleiche Zahlen werden subtrahiert, übrig bleibt der Rundungsfehler von Float.

                    Die Daten sind Offset + 0,05·z (wahres σ² = 0,0025). Bei Offset 100 liegt die naive Varianz weit mehr als 10 % daneben, bei 1000 ist sie Unsinn oder negativ; Two-Pass (erst der Mittelwert) und Welford (laufende Aktualisierung, wie PyTorchs CPU-Kernel) bleiben exakt. Das ist die Behandlung von Extremwerten, die das Glossar verlangt.
                    """)),
        ],
        makeEngine: { NumericalStabilityEngine(seeds: $0) })
}

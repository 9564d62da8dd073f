import Foundation
import NormMath

/// Lesson 12, RMSNorm (Zhang & Sennrich 2019): layer norm without centering, y = x/√(ms + ε).
/// On zero-mean inputs it is layer norm; an offset in the input survives in its output.
public enum RMSNormLesson {
    public static let lesson = Lesson(
        id: "rmsnorm", number: 12, section: "Hauptvarianten",
        title: Localized(en: "RMSNorm: layer norm without centering", de: "RMSNorm: Layer Norm ohne Zentrierung"),
        summary: Localized(
            en: "on zero-mean inputs RMSNorm equals layer norm; an input offset survives in its output",
            de: "bei mittelwertfreien Eingaben ist RMSNorm gleich Layer Norm; ein Offset der Eingabe überlebt in der Ausgabe"),
        pages: [
            LessonPage(
                title: Localized(en: "No μ", de: "Kein μ"),
                text: Localized(
                    en: """
                    RMSNorm (Zhang & Sennrich 2019) normalizes each sample like layer norm, but skips the mean: y = γ·x / √(ms + ε), with ms the mean of x². One statistic less to compute — LLaMA and many other LLMs use it.

                    When a sample's mean is 0, ms is its variance and the two layers agree exactly: look at max |Δy| with offset 0.
                    """,
                    de: """
                    RMSNorm (Zhang & Sennrich 2019) normalisiert jedes Sample wie Layer Normalization, lässt aber den Mittelwert weg: y = γ·x / √(ms + ε), ms ist der Mittelwert von x². Eine Statistik weniger — LLaMA und viele andere LLMs verwenden sie.

                    Hat ein Sample den Mittelwert 0, ist ms seine Varianz, und beide Schichten stimmen genau überein: siehe max |Δy| bei Offset 0.
                    """)),
            LessonPage(
                title: Localized(en: "An offset survives", de: "Ein Offset überlebt"),
                text: Localized(
                    en: """
                    Press o to add an offset a to every input (O takes it back). The inputs have spread 1, so ms = 1 + a².

                    • Layer norm subtracts μ = a: its output keeps mean 0 and σ 1 whatever a is.
                    • RMSNorm divides by √(1 + a²): its output has mean a/√(1 + a²) and spread 1/√(1 + a²). The offset survives, and the information in the spread is squeezed toward a constant.

                    Compare the two histograms on their common axis.
                    """,
                    de: """
                    Drücke o, um zu jeder Eingabe einen Offset a zu addieren (O nimmt ihn zurück). Die Eingaben haben die Streuung 1, also ms = 1 + a².

                    • Layer Normalization zieht μ = a ab: ihre Ausgabe behält Mittelwert 0 und σ 1, was auch immer a ist.
                    • RMSNorm teilt durch √(1 + a²): ihre Ausgabe hat den Mittelwert a/√(1 + a²) und die Streuung 1/√(1 + a²). Der Offset überlebt, und die Information in der Streuung wird zu einer Konstanten zusammengedrückt.

                    Vergleiche die beiden Histogramme auf der gemeinsamen Achse.
                    """)),
            LessonPage(
                title: Localized(en: "In training", de: "Im Training"),
                text: Localized(
                    en: """
                    Space trains the same conv network on the digits twice, once with layer norm and once with RMSNorm (same seed, data and initial weights); the chart shows both losses.

                    Inside a network the pre-activations have small means, the following layers can absorb an offset, and RMSNorm usually trains about as well — the reason it could replace layer norm in large models.
                    """,
                    de: """
                    Die Leertaste trainiert dasselbe Faltungsnetz zweimal auf den Ziffern, einmal mit Layer Normalization und einmal mit RMSNorm (gleicher Seed, gleiche Daten und Anfangsgewichte); das Diagramm zeigt beide Verluste.

                    Im Netz haben die Voraktivierungen kleine Mittelwerte, die folgenden Schichten können einen Offset auffangen, und RMSNorm trainiert meist etwa gleich gut — deshalb konnte sie Layer Normalization in großen Modellen ersetzen.
                    """)),
        ],
        makeEngine: { RMSNormEngine(seeds: $0) })
}

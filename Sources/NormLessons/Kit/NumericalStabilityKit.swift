/// Lesson 14's kit: what the dead channel's gradient does as ε → 0, what ε's place does at
/// σ = 10⁻³, and which variance survives an offset of 1000 — each decided by the lesson's claims.
enum NumericalStabilityKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Explain why a channel with σ = 0 gives the output 0 but a gradient that grows like 1/√ε, and NaN at ε = 0.",
                de: "Erklären, warum ein Kanal mit σ = 0 die Ausgabe 0 liefert, aber einen Gradienten, der wie 1/√ε wächst und bei ε = 0 NaN ist."),
            Localized(
                en: "Say for which σ it matters whether ε sits inside the root or outside, and estimate the difference (σ = 10⁻³, ε = 10⁻⁵: about a third).",
                de: "Sagen, für welche σ es darauf ankommt, ob ε unter der Wurzel oder außerhalb steht, und den Unterschied abschätzen (σ = 10⁻³, ε = 10⁻⁵: etwa ein Drittel)."),
            Localized(
                en: "Recognize catastrophic cancellation in E[x²] − E[x]² and name two ways of computing the variance that avoid it.",
                de: "Die Auslöschung in E[x²] − E[x]² erkennen und zwei Rechenwege für die Varianz nennen, die sie vermeiden."),
        ],
        formula: Localized(
            en: """
            Layer Norm without γ and β on one channel of 8×8 = 64 values: y = (x − μ)/√(σ² + ε).
            Dead channel x = 0.7 everywhere (σ = 0): x̂ = 0, so dx = (dy − mean(dy))/√ε. Nearly constant channel: 0.7 + 0.001·z. ε = 10⁻¹, 10⁻², …, 10⁻¹², then 0.
            ε's place, with ε = 10⁻⁵ and x = σ·z, at σ = 10⁻³: frameworks √(σ² + ε) ≈ 3.3·10⁻³, so σ(y) ≈ 0.30; glossary σ + ε = 1.01·10⁻³, so σ(y) ≈ 0.99.
            Variance of x = offset + 0.05·z (σ² = 0.0025, offset 0 to 10 000): naive E[x²] − E[x]² in Float; two-pass (1/n)·Σ(x − μ)²; Welford's running update.
            """,
            de: """
            Layer Norm ohne γ und β auf einem Kanal aus 8×8 = 64 Werten: y = (x − μ)/√(σ² + ε).
            Toter Kanal x = 0,7 überall (σ = 0): x̂ = 0, also dx = (dy − Mittelwert(dy))/√ε. Fast konstanter Kanal: 0,7 + 0,001·z. ε = 10⁻¹, 10⁻², …, 10⁻¹², dann 0.
            Platz von ε, mit ε = 10⁻⁵ und x = σ·z, bei σ = 10⁻³: Frameworks √(σ² + ε) ≈ 3,3·10⁻³, also σ(y) ≈ 0,30; Glossar σ + ε = 1,01·10⁻³, also σ(y) ≈ 0,99.
            Varianz von x = Offset + 0,05·z (σ² = 0,0025, Offset 0 bis 10 000): naiv E[x²] − E[x]² in Float; Two-Pass (1/n)·Σ(x − μ)²; Welfords laufende Aktualisierung.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "A dead channel: all 64 values are 0.7, so σ = 0 and the output is 0. ε falls from 0.1 to 10⁻¹², then to 0. What does the gradient dx do?",
                    de: "Ein toter Kanal: Alle 64 Werte sind 0,7, also ist σ = 0 und die Ausgabe 0. ε fällt von 0,1 bis 10⁻¹², dann auf 0. Was macht der Gradient dx?"),
                answers: [
                    Localized(en: "it stays 0, like the output", de: "er bleibt 0, wie die Ausgabe"),
                    Localized(en: "it grows like 1/ε and is infinite at ε = 0", de: "er wächst wie 1/ε und ist bei ε = 0 unendlich"),
                    Localized(en: "it grows like 1/√ε and is NaN at ε = 0", de: "er wächst wie 1/√ε und ist bei ε = 0 NaN"),
                ],
                answer: 2, when: ["constant-channel-output-zero", "constant-channel-gradient"],
                explanation: Localized(
                    en: "With σ = 0, x̂ = (x − μ)/√ε is 0 everywhere, and the backward pass leaves dx = (dy − mean(dy))/√ε: the incoming gradient is multiplied by 1/√ε, however flat the output is. At ε = 0 that is 0/0.",
                    de: "Bei σ = 0 ist x̂ = (x − μ)/√ε überall 0, und die Rückwärtsrechnung liefert dx = (dy − Mittelwert(dy))/√ε: Der ankommende Gradient wird mit 1/√ε multipliziert, so flach die Ausgabe auch ist. Bei ε = 0 ist das 0/0.")),
            PredictQuestion(
                prompt: Localized(
                    en: "ε = 10⁻⁵, a channel with σ = 10⁻³. The glossary divides by σ + ε, PyTorch by √(σ² + ε). How does the spread of PyTorch's output compare with the glossary's?",
                    de: "ε = 10⁻⁵, ein Kanal mit σ = 10⁻³. Das Glossar teilt durch σ + ε, PyTorch durch √(σ² + ε). Wie verhält sich die Streuung der Ausgabe von PyTorch zu der des Glossars?"),
                answers: [
                    Localized(en: "the same: ε is tiny", de: "gleich: ε ist winzig"),
                    Localized(en: "about 1 % smaller (ε/σ = 1 %)", de: "etwa 1 % kleiner (ε/σ = 1 %)"),
                    Localized(en: "about a third", de: "etwa ein Drittel"),
                    Localized(en: "about three times as large", de: "etwa dreimal so groß"),
                ],
                answer: 2, when: ["placement-parts-as-sigma-shrinks"],
                explanation: Localized(
                    en: "Under the root ε competes with σ² = 10⁻⁶, not with σ: √(10⁻⁶ + 10⁻⁵) ≈ 3.3·10⁻³, more than three times σ. Outside, σ + ε = 1.01·10⁻³ changes the output by 1 % only. For σ = 1 both are the same.",
                    de: "Unter der Wurzel konkurriert ε mit σ² = 10⁻⁶, nicht mit σ: √(10⁻⁶ + 10⁻⁵) ≈ 3,3·10⁻³, mehr als das Dreifache von σ. Außerhalb ändert σ + ε = 1,01·10⁻³ die Ausgabe nur um 1 %. Für σ = 1 ist beides gleich.")),
            PredictQuestion(
                prompt: Localized(
                    en: "The data are 1000 + 0.05·z in Float, true σ² = 0.0025. Which ways of computing the variance get it right?",
                    de: "Die Daten sind 1000 + 0,05·z in Float, das wahre σ² = 0,0025. Welche Arten, die Varianz zu berechnen, treffen sie?"),
                answers: [
                    Localized(en: "all three: it is the same formula rearranged", de: "alle drei: Es ist dieselbe Formel, nur umgeformt"),
                    Localized(en: "two-pass and Welford, not E[x²] − E[x]²", de: "Two-Pass und Welford, nicht E[x²] − E[x]²"),
                    Localized(en: "only E[x²] − E[x]²: one pass, fewer roundings", de: "nur E[x²] − E[x]²: ein Durchlauf, weniger Rundungen"),
                    Localized(en: "none: Float cannot resolve 0.05 at 1000", de: "keine: Float kann 0,05 bei 1000 nicht auflösen"),
                ],
                answer: 1, when: ["naive-variance-cancels"],
                explanation: Localized(
                    en: "E[x²] ≈ 10⁶, and Float keeps about 7 significant digits: at 10⁶ its last bit is worth 0.0625, more than σ² itself. Subtracting E[x]² ≈ 10⁶ leaves only rounding error: catastrophic cancellation. Two-pass subtracts μ first and squares small numbers; Welford updates mean and squared deviations as it goes.",
                    de: "E[x²] ≈ 10⁶, und Float hat etwa 7 signifikante Stellen: Bei 10⁶ ist sein letztes Bit 0,0625 wert, mehr als σ² selbst. Zieht man E[x]² ≈ 10⁶ ab, bleibt nur Rundungsfehler übrig: Auslöschung. Two-Pass zieht zuerst μ ab und quadriert kleine Zahlen; Welford aktualisiert Mittelwert und quadrierte Abweichungen laufend.")),
        ],
        discussion: [
            Localized(
                en: "At ε = 1e-8 the nearly constant channel (σ = 0.001) comes out with σ(y) ≈ 1, as large as a real signal. Is that what you want from a channel that is almost dead? What does a larger ε do instead?",
                de: "Bei ε = 1e-8 kommt der fast konstante Kanal (σ = 0,001) mit σ(y) ≈ 1 heraus, so groß wie ein echtes Signal. Willst du das bei einem fast toten Kanal? Was bewirkt stattdessen ein größeres ε?"),
            Localized(
                en: "A checkpoint trained with (x − μ)/(σ + ε) is loaded into PyTorch. Which channels change their output, and from about which σ on does it matter?",
                de: "Ein Checkpoint, trainiert mit (x − μ)/(σ + ε), wird in PyTorch geladen. Welche Kanäle ändern ihre Ausgabe, und ab etwa welchem σ spielt das eine Rolle?"),
            Localized(
                en: "Float has about 7 significant digits. From which offset on would you expect E[x²] − E[x]² to lose σ² = 0.0025? Estimate first, then check the table on page 3.",
                de: "Float hat etwa 7 signifikante Stellen. Ab welchem Offset erwartest du, dass E[x²] − E[x]² das σ² = 0,0025 verliert? Erst abschätzen, dann mit der Tabelle auf Seite 3 vergleichen."),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Compute σ² of x = (1000, 1000.1, 999.9, 1000) by hand, then run
                echo '{"variant": "layer", "shape": [1, 1, 1, 4], "x": [1000, 1000.1, 999.9, 1000], "variance_algorithm": "naive"}' | normtui compute --input -
                and again with "two-pass". Which σ² is right, and what becomes of y?
                """,
                de: """
                Berechne σ² von x = (1000; 1000,1; 999,9; 1000) von Hand und führe dann
                echo '{"variant": "layer", "shape": [1, 1, 1, 4], "x": [1000, 1000.1, 999.9, 1000], "variance_algorithm": "naive"}' | normtui compute --input -
                aus, danach noch einmal mit "two-pass". Welches σ² stimmt, und was wird aus y?
                """),
            hint: Localized(
                en: "μ = 1000 and the deviations are 0, 0.1, −0.1, 0: σ² = 0.02/4 = 0.005. The naive sum of squares is about 4·10⁶, where Float's last bit is worth 0.25.",
                de: "μ = 1000, und die Abweichungen sind 0; 0,1; −0,1; 0: σ² = 0,02/4 = 0,005. Die naive Quadratsumme liegt bei etwa 4·10⁶, wo das letzte Bit von Float 0,25 wert ist.")))
}

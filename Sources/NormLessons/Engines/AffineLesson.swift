import NormMath

/// Lesson 2, "Grundprinzip: Skalierbare Reparametrisierung": normalization removes each
/// channel's mean and scale; the learnable γ and β give them back where the task needs them
/// (Ioffe & Szegedy 2015, §3: with γ = σ and β = μ the layer is the identity).
public enum AffineLesson {
    /// When the claims about training are judged.
    static let judgedAt = 300
    /// When γ and β are compared with the targets: a channel whose γ starts out towards 0
    /// learns slowly for a while (see page 3), so later than the losses.
    static let parametersJudgedAt = 600
    /// The held-out loss of a claim is the mean of the last this many steps.
    static let window = 20

    public static let lesson = Lesson(
        id: "gamma-beta", number: 2, section: "Skalierbare Reparametrisierung",
        title: Localized(en: "γ and β", de: "γ und β"),
        summary: Localized(
            en: "a regression whose last layer is Batch Norm: with γ and β it fits targets of any scale and shift, without them it stops at a floor near 2.6; γ = σ, β = μ gives back the input",
            de: "eine Regression mit Batch Norm als letzter Schicht: Mit γ und β trifft sie Ziele jeder Skala und Verschiebung, ohne bleibt sie an einer Untergrenze nahe 2,6 stehen; γ = σ, β = μ gibt die Eingabe zurück"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    One small regression, trained twice — same seed, data and initial weights: x → linear → Batch Norm → output, once with γ and β, once without. Batch Norm is the last layer, so nothing after it can give back what it removes. Each of the four target channels has a scale σ and a shift μ of its own (the table's "target" columns).

                    Press space. With γ and β the held-out loss falls close to 0: below 0.1 by step 300. Without them it stops at a floor near 2.6: every output channel then has mean 0 and standard deviation 1, and the best such an output can reach is the mean over the channels of μ² + (σ − 1)², 2.625 for these targets. The last page checks both, on every seed.
                    """,
                    de: """
                    Eine kleine Regression, zweimal trainiert — gleicher Seed, gleiche Daten und Startgewichte: x → linear → Batch Norm → Ausgabe, einmal mit γ und β, einmal ohne. Batch Norm ist die letzte Schicht, also kann nichts danach zurückgeben, was sie entfernt. Jeder der vier Zielkanäle hat eine eigene Skala σ und eine eigene Verschiebung μ (die Spalten „Ziel“ der Tabelle).

                    Drücke die Leertaste. Mit γ und β fällt der Verlust auf den zurückgehaltenen Daten fast auf 0: unter 0,1 bei Schritt 300. Ohne sie bleibt er an einer Untergrenze nahe 2,6 stehen: Jeder Ausgabekanal hat dann Mittelwert 0 und Standardabweichung 1, und das Beste, was eine solche Ausgabe erreichen kann, ist der Mittelwert über die Kanäle von μ² + (σ − 1)², für diese Ziele 2,625. Die letzte Seite prüft beides, bei jedem Seed.
                    """)),
            LessonPage(
                title: Localized(en: "γ = σ, β = μ", de: "γ = σ, β = μ"),
                text: Localized(
                    en: """
                    Normalization removes each channel's mean μ and scale σ: it computes (x − μ)/σ, with σ = √(σ² + ε). The glossary's "Skalierbare Reparametrisierung" gives both back as learnable parameters: y = γ·(x − μ)/σ + β.

                    With γ = σ and β = μ of the same batch, y is x again. The middle panel shows it with numbers for the first samples of one channel of the latest batch (c for the next channel): x, (x − μ)/σ and σ·(x − μ)/σ + μ, and the largest difference over the whole batch — a rounding error, below 1e-5 of the largest x.

                    So normalizing costs the layer nothing it could express before: what it removes, γ and β can learn back, where the task needs it.
                    """,
                    de: """
                    Normalisierung entfernt Mittelwert μ und Skala σ jedes Kanals: Sie berechnet (x − μ)/σ, mit σ = √(σ² + ε). Die „Skalierbare Reparametrisierung“ des Glossars gibt beide als lernbare Parameter zurück: y = γ·(x − μ)/σ + β.

                    Mit γ = σ und β = μ desselben Mini-Batches ist y wieder x. Das mittlere Feld zeigt es mit Zahlen für die ersten Beispiele eines Kanals des letzten Mini-Batches (c für den nächsten Kanal): x, (x − μ)/σ und σ·(x − μ)/σ + μ, und die größte Abweichung über den ganzen Mini-Batch — ein Rundungsfehler, unter 1e-5 des größten x.

                    Normalisieren kostet die Schicht also nichts, was sie vorher ausdrücken konnte: Was sie entfernt, können γ und β zurücklernen, wo die Aufgabe es braucht.
                    """)),
            LessonPage(
                title: Localized(en: "What γ and β learn", de: "Was γ und β lernen"),
                text: Localized(
                    en: """
                    The lower charts show γ and β of every channel over training, from γ = 1 and β = 0: by step 600, |γ| is within 5% of the target's σ and β within 0.15 of its μ.

                    Why |γ|? The linear layer may find −u instead of u, the direction the target needs: then (x − μ)/σ has the opposite sign, and γ = −σ gives the same output. A γ that passes near 0 on its way learns slowly for a while: with γ ≈ 0 the weights before it get almost no gradient. Watch channel 2, whose σ is 0.5.

                    Here Batch Norm is the last layer, so without γ and β the scale is lost for good. Inside a deeper network a linear layer after the normalization can take over a scale γ would give; but before a ReLU, β decides where it cuts, and no weight after the ReLU can change that. This is why frameworks give normalization layers γ and β by default (affine=True in PyTorch).
                    """,
                    de: """
                    Die unteren Diagramme zeigen γ und β jedes Kanals über das Training, ab γ = 1 und β = 0: Bei Schritt 600 liegt |γ| höchstens 5 % vom σ des Ziels entfernt und β höchstens 0,15 von seinem μ.

                    Warum |γ|? Die lineare Schicht kann −u statt u finden, die Richtung, die das Ziel braucht: Dann hat (x − μ)/σ das umgekehrte Vorzeichen, und γ = −σ ergibt dieselbe Ausgabe. Ein γ, das unterwegs nahe an 0 vorbeikommt, lernt eine Weile nur langsam: Bei γ ≈ 0 bekommen die Gewichte davor kaum Gradient. Achte auf Kanal 2, dessen σ 0,5 ist.

                    Hier ist Batch Norm die letzte Schicht, also ist die Skala ohne γ und β endgültig verloren. In einem tieferen Netz kann eine lineare Schicht nach der Normalisierung eine Skala übernehmen, die γ geben würde; vor einer ReLU aber entscheidet β, wo sie abschneidet, und kein Gewicht nach der ReLU kann das ändern. Deshalb geben Frameworks Normalisierungsschichten standardmäßig γ und β (affine=True in PyTorch).
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { AffineEngine(seeds: $0) })

    static let claims: [Claim] = [
        .on(AffineEngine.self, id: "affine-fits-the-targets",
            text: Localized(
                en: "With γ and β the held-out loss falls below 0.1 by step 300 (mean of steps 281–300).",
                de: "Mit γ und β fällt der Verlust auf den zurückgehaltenen Daten bis Schritt 300 unter 0,1 (Mittelwert der Schritte 281–300)."),
            step: judgedAt
        ) { engine, seed in
            let loss = engine.run(affine: true, seed: seed).recentHeldOutLoss(steps: window) ?? .nan
            return Verdict(
                holds: loss < 0.1,
                measured: Localized(
                    en: "with γ and β: \(MeasuredNumber.short(loss))",
                    de: "Mit γ und β: \(MeasuredNumber.short(loss, .de))"))
        },
        .on(AffineEngine.self, id: "plain-stays-at-the-floor",
            text: Localized(
                en: "Without γ and β it stays at the floor: within 5% of the lowest loss that outputs of mean 0 and standard deviation 1 can reach on the held-out targets (mean of steps 281–300).",
                de: "Ohne γ und β bleibt er an der Untergrenze: innerhalb von 5 % des niedrigsten Verlusts, den Ausgaben mit Mittelwert 0 und Standardabweichung 1 auf den zurückgehaltenen Zielen erreichen können (Mittelwert der Schritte 281–300)."),
            step: judgedAt
        ) { engine, seed in
            let run = engine.run(affine: false, seed: seed)
            let loss = run.recentHeldOutLoss(steps: window) ?? .nan, floor = run.heldOutFloor
            return Verdict(
                holds: loss < floor * 1.05,
                measured: Localized(
                    en: "without: \(MeasuredNumber.short(loss)), floor \(MeasuredNumber.short(floor))",
                    de: "Ohne: \(MeasuredNumber.short(loss, .de)), Untergrenze \(MeasuredNumber.short(floor, .de))"))
        },
        .on(AffineEngine.self, id: "gamma-and-beta-learn-sigma-and-mu",
            text: Localized(
                en: "At step 600 each channel's |γ| lies within 5% of its target's σ, and β within 0.15 of its μ (means of steps 581–600).",
                de: "Bei Schritt 600 liegt |γ| jedes Kanals höchstens 5 % vom σ seines Ziels entfernt und β höchstens 0,15 von seinem μ (Mittelwerte der Schritte 581–600)."),
            step: parametersJudgedAt
        ) { engine, seed in
            let run = engine.run(affine: true, seed: seed)
            let gammaErrors = (0..<AffineRegression.channels).map { c in
                abs(abs(AffineRegression.recentMean(run.gammaHistory[c], steps: window) ?? .nan) / AffineRegression.targetScales[c] - 1)
            }
            let betaErrors = (0..<AffineRegression.channels).map { c in
                abs((AffineRegression.recentMean(run.betaHistory[c], steps: window) ?? .nan) - AffineRegression.targetShifts[c])
            }
            let worstGamma = gammaErrors.max() ?? .nan, worstBeta = betaErrors.max() ?? .nan
            return Verdict(
                holds: worstGamma < 0.05 && worstBeta < 0.15,
                measured: Localized(
                    en: "largest: γ off by \(MeasuredNumber.percent(worstGamma)), β off by \(MeasuredNumber.short(worstBeta))",
                    de: "größte Abweichung: γ \(MeasuredNumber.percent(worstGamma, .de)), β \(MeasuredNumber.short(worstBeta, .de))"))
        },
        .on(AffineEngine.self, id: "sigma-and-mu-give-back-the-input",
            text: Localized(
                en: "γ = σ and β = μ of the batch give back the input: the largest difference over the batch is below 1e-5 of the largest input.",
                de: "γ = σ und β = μ des Mini-Batches geben die Eingabe zurück: Die größte Abweichung über den Mini-Batch liegt unter 1e-5 der größten Eingabe."),
            step: judgedAt
        ) { engine, seed in
            guard let roundTrip = engine.roundTrip(seed: seed) else {
                return Verdict(holds: false, measured: Localized(en: "no batch yet", de: "noch kein Mini-Batch"))
            }
            let relative = roundTrip.largestDifference / max(roundTrip.largestInput, .leastNormalMagnitude)
            return Verdict(
                holds: relative < 1e-5,
                measured: Localized(
                    en: "largest difference \(MeasuredNumber.short(relative)) of the largest input",
                    de: "größte Abweichung: \(MeasuredNumber.short(relative, .de)) der größten Eingabe"))
        },
    ]
}

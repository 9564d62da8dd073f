/// Lesson 16, "Normalizer-Free Networks": no normalization layer at all, made trainable at a
/// large learning rate by adaptive gradient clipping (Brock et al. 2021) — measured against
/// batch norm and against a plain network. The careful initialization here is a data-dependent
/// one (LSUV, Mishkin & Matas 2016), not NFNets' weight standardization and residual scaling; the
/// pages say which is which.
public enum NormalizerFreeLesson {
    public static let lesson = Lesson(
        id: "normalizer-free", number: 16, section: "Normalizer-Free Networks",
        title: Localized(en: "Normalizer-free: AGC and careful init", de: "Normalizer-Free: AGC und sorgfältige Initialisierung"),
        summary: Localized(
            en: "no normalization, with adaptive gradient clipping and a data-dependent init, against batch norm and a plain net",
            de: "keine Normalisierung, mit adaptivem Gradient-Clipping und datenabhängiger Initialisierung, gegen Batch Norm und ein Netz ohne Normalisierung"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    Press space. Four copies of a 6-block conv net — same seed, same batches — train on the digits at a large learning rate (0.2), SGD with momentum 0.9:

                    • Batch Norm;
                    • no normalization;
                    • no normalization + AGC, adaptive gradient clipping;
                    • LSUV init + AGC: AGC after a data-dependent initialization that scales every block to σ = 1 on a first mini-batch (LSUV, Mishkin & Matas 2016).

                    The table shows the mean loss of the last 25 steps and the latest held-out accuracy.
                    """,
                    de: """
                    Drücke die Leertaste. Vier Kopien eines Faltungsnetzes mit 6 Blöcken — gleicher Seed, gleiche Batches — trainieren mit großer Lernrate (0,2) auf den Ziffern, SGD mit Momentum 0,9:

                    • Batch Norm;
                    • ohne Normalisierung;
                    • ohne Normalisierung + AGC, adaptives Gradient-Clipping;
                    • LSUV-Init + AGC: AGC nach einer datenabhängigen Initialisierung, die jeden Block auf einem ersten Mini-Batch auf σ = 1 skaliert (LSUV, Mishkin & Matas 2016).

                    Die Tabelle zeigt den mittleren Verlust der letzten 25 Schritte und die letzte Genauigkeit auf zurückgehaltenen Daten.
                    """)),
            LessonPage(
                title: Localized(en: "Adaptive gradient clipping", de: "Adaptives Gradient-Clipping"),
                text: Localized(
                    en: """
                    Normalization keeps every step small relative to the weights: scaling W by k scales its gradient by 1/k. Without it, one large step can blow a layer up or kill its ReLUs. The plain network here is thrown off: at step 400 its training loss is at least 3 times every other network's.

                    AGC (Brock et al. 2021) restores the bound by hand: for every unit i (one output's row of weights), if ‖G_i‖/‖W_i‖ > λ, the gradient is scaled down to ‖G_i‖ = λ·‖W_i‖. With momentum 0.9 a step adds up the clipped gradients of the steps before, 1 + 0.9 + 0.81 + … = 10 of them at most, so a step can move a unit by several times lr·λ = 0.2% of its size, up to about 10·lr·λ = 2%. In the first 400 steps the largest step of a unit is at least 3·lr·λ and at most 10·lr·λ.

                    "clipped" is the share of units clipped at the last step.
                    """,
                    de: """
                    Normalisierung hält jeden Schritt klein im Verhältnis zu den Gewichten: Skaliert man W mit k, skaliert der Gradient mit 1/k. Ohne sie kann ein großer Schritt eine Schicht explodieren lassen oder ihre ReLUs abtöten. Das Netz ohne Normalisierung wird hier aus der Bahn geworfen: Bei Schritt 400 ist sein Trainingsverlust mindestens 3-mal so groß wie der jedes anderen Netzes.

                    AGC (Brock et al. 2021) stellt die Schranke von Hand her: Für jede Einheit i (die Gewichtszeile eines Ausgangs) wird der Gradient, wenn ‖G_i‖/‖W_i‖ > λ, auf ‖G_i‖ = λ·‖W_i‖ verkleinert. Mit Momentum 0,9 summiert ein Schritt die gekappten Gradienten der vorigen Schritte auf, höchstens 1 + 0,9 + 0,81 + … = 10 davon, also kann ein Schritt eine Einheit um ein Mehrfaches von lr·λ = 0,2 % ihrer Größe bewegen, bis zu etwa 10·lr·λ = 2 %. In den ersten 400 Schritten ist der größte Schritt einer Einheit mindestens 3·lr·λ und höchstens 10·lr·λ.

                    „gekappt“ ist der Anteil der im letzten Schritt gekappten Einheiten.
                    """)),
            LessonPage(
                title: Localized(en: "What happens here", de: "Was hier geschieht"),
                text: Localized(
                    en: """
                    Both clipped networks train where the plain one does not: over 80% held-out accuracy, the mean of the evaluations at steps 325–400. Batch Norm trains best: at step 400 its training loss is below both clipped networks'. Its held-out accuracy jumps at this rate (eval mode uses the running statistics), so at a single evaluation it can be below the clipped networks'.

                    At this rate most units are clipped: over 80% of them at an average step of the first 400, in both clipped networks. AGC works here almost as a per-unit normalized step. The LSUV init is not what makes the network trainable: AGC alone, from He-initialized weights, trains too.

                    NFNets (Brock et al. 2021) add what this net lacks: Scaled Weight Standardization, every weight row standardized and scaled, and residual blocks h + α·f(h/β) whose variance is known at every depth. The glossary's "careful initialization and scaling as a replacement" holds here in part: trainable without normalization, not as good.
                    """,
                    de: """
                    Beide gekappten Netze trainieren, wo das Netz ohne Normalisierung es nicht tut: über 80 % Genauigkeit auf zurückgehaltenen Daten, im Mittel der Auswertungen bei den Schritten 325–400. Das Batch-Norm-Netz trainiert am besten: Bei Schritt 400 liegt sein Trainingsverlust unter dem beider gekappten Netze. Seine Genauigkeit auf zurückgehaltenen Daten springt bei dieser Rate (der Inferenzmodus nutzt die laufenden Statistiken), sodass sie bei einer einzelnen Auswertung unter der der gekappten Netze liegen kann.

                    Bei dieser Rate werden die meisten Einheiten gekappt: über 80 % von ihnen in einem durchschnittlichen Schritt der ersten 400, in beiden gekappten Netzen. AGC wirkt hier fast wie ein pro Einheit normierter Schritt. Nicht die LSUV-Initialisierung macht das Netz trainierbar: AGC allein, von He-initialisierten Gewichten aus, trainiert auch.

                    NFNets (Brock et al. 2021) fügen hinzu, was diesem Netz fehlt: Scaled Weight Standardization, bei der jede Gewichtszeile standardisiert und skaliert wird, und Residual-Blöcke h + α·f(h/β), deren Varianz in jeder Tiefe bekannt ist. Die „sorgfältige Initialisierung und Skalierung als Ersatz“ des Glossars trifft hier zum Teil zu: Das Netz trainiert ohne Normalisierung, aber nicht so gut.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { NormalizerFreeEngine(seeds: $0) })

    /// The step the training claims are judged at (about 20 s a seed, release build).
    static let judgedStep = 400

    /// The runs in the order of ``NormalizerFreeEngine/lines(seed:)``, for the verdicts.
    static let names = ["BN", "none", "AGC", "LSUV+AGC"]
    static let namesDE = ["BN", "ohne", "AGC", "LSUV+AGC"]

    /// `name value, …` for every run, in both languages.
    static func measured(_ value: (Int) -> Double, _ format: (Double, Language) -> String, runs: [Int] = [0, 1, 2, 3]) -> Localized {
        Localized(
            en: runs.map { "\(names[$0]) \(format(value($0), .en))" }.joined(separator: ", "),
            de: runs.map { "\(namesDE[$0]) \(format(value($0), .de))" }.joined(separator: ", "))
    }

    static let claims: [Claim] = [
        .on(NormalizerFreeEngine.self, id: "plain-thrown-off",
            text: Localized(
                en: "Without normalization the network is thrown off: at step 400 its training loss (mean of the last 50 steps) is at least 3 times every other network's.",
                de: "Ohne Normalisierung wird das Netz aus der Bahn geworfen: Bei Schritt 400 ist sein Trainingsverlust (Mittel der letzten 50 Schritte) mindestens 3-mal so groß wie der jedes anderen Netzes."),
            step: judgedStep
        ) { engine, seed in
            let loss = (0..<4).map { engine.recentLoss($0, seed: seed) }
            return Verdict(
                holds: loss[1] >= 3 * max(loss[0], loss[2], loss[3]),
                measured: measured({ loss[$0] }, MeasuredNumber.short))
        },
        .on(NormalizerFreeEngine.self, id: "clipped-networks-train",
            text: Localized(
                en: "Both clipped networks train where the plain one does not: over 80% held-out accuracy, the mean of the evaluations at steps 325–400.",
                de: "Beide gekappten Netze trainieren, wo das Netz ohne Normalisierung es nicht tut: über 80 % Genauigkeit auf zurückgehaltenen Daten, im Mittel der Auswertungen bei den Schritten 325–400."),
            step: judgedStep
        ) { engine, seed in
            let accuracy = (0..<4).map { engine.recentHeldOutAccuracy($0, seed: seed) ?? 0 }
            return Verdict(
                holds: accuracy[2] > 0.8 && accuracy[3] > 0.8,
                measured: measured({ accuracy[$0] }, MeasuredNumber.percent))
        },
        .on(NormalizerFreeEngine.self, id: "batch-norm-lowest-loss",
            text: Localized(
                en: "Batch Norm trains best: at step 400 its training loss (mean of the last 50 steps) is below both clipped networks'.",
                de: "Das Batch-Norm-Netz trainiert am besten: Bei Schritt 400 liegt sein Trainingsverlust (Mittel der letzten 50 Schritte) unter dem beider gekappten Netze."),
            step: judgedStep
        ) { engine, seed in
            let loss = (0..<4).map { engine.recentLoss($0, seed: seed) }
            return Verdict(holds: loss[0] < min(loss[2], loss[3]), measured: measured({ loss[$0] }, MeasuredNumber.short, runs: [0, 2, 3]))
        },
        .on(NormalizerFreeEngine.self, id: "most-units-clipped",
            text: Localized(
                en: "At this rate most units are clipped: over 80% of them at an average step of the first 400, in both clipped networks.",
                de: "Bei dieser Rate werden die meisten Einheiten gekappt: über 80 % von ihnen in einem durchschnittlichen Schritt der ersten 400, in beiden gekappten Netzen."),
            step: judgedStep
        ) { engine, seed in
            let fractions = NormalizerFreeEngine.clippedRuns.map { engine.meanClippedFraction($0, seed: seed) }
            return Verdict(
                holds: fractions.allSatisfy { $0 > 0.8 },
                measured: measured({ engine.meanClippedFraction($0, seed: seed) }, MeasuredNumber.percent, runs: NormalizerFreeEngine.clippedRuns))
        },
        .on(NormalizerFreeEngine.self, id: "momentum-step-bound",
            text: Localized(
                en: "With momentum 0.9 a clipped step can move a unit by several times lr·λ = 0.2% of its size: in the first 400 steps the largest step of a unit is at least 3·lr·λ and at most 10·lr·λ = 2%.",
                de: "Mit Momentum 0,9 kann ein gekappter Schritt eine Einheit um ein Mehrfaches von lr·λ = 0,2 % ihrer Größe bewegen: In den ersten 400 Schritten ist der größte Schritt einer Einheit mindestens 3·lr·λ und höchstens 10·lr·λ = 2 %."),
            step: judgedStep
        ) { engine, seed in
            let single = NormalizerFreeEngine.learningRate * Double(NormalizerFreeEngine.clipping.threshold)
            let largest = NormalizerFreeEngine.clippedRuns.map { engine.largestUnitStep[seed][$0] }
            return Verdict(
                holds: largest.allSatisfy { $0 >= 3 * single && $0 <= 10 * single },
                measured: Localized(
                    en: "largest step of a unit: " + measured({ engine.largestUnitStep[seed][$0] }, MeasuredNumber.percent, runs: NormalizerFreeEngine.clippedRuns).en,
                    de: "größter Schritt einer Einheit: " + measured({ engine.largestUnitStep[seed][$0] }, MeasuredNumber.percent, runs: NormalizerFreeEngine.clippedRuns).de))
        },
    ]
}

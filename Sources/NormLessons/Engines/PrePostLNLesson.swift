/// Lesson 11, "Transformer-Architekturen": where layer norm sits in a residual block decides
/// how gradients flow at initialization (Xiong et al. 2020) and how well the network trains at
/// one learning rate. What the toy shows on every seed is what the pages say; the warm-up's
/// part is told as the paper's finding, not as this toy's.
public enum PrePostLNLesson {
    public static let lesson = Lesson(
        id: "pre-post-ln", number: 11, section: "Transformer-Architekturen",
        title: Localized(en: "Pre-LN vs Post-LN", de: "Pre-LN gegen Post-LN"),
        summary: Localized(
            en: "layer norm before or after the residual add: gradients at initialization, training with and without warm-up",
            de: "Layer Norm vor oder nach der Residual-Addition: Gradienten bei der Initialisierung, Training mit und ohne Warm-up"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    A Transformer without attention: 12 residual blocks F(u) = W2·ReLU(W1·u) on the digits, with Layer Norm

                    • after the residual add, Post-LN: h ← LN(h + F(h)) — the original Transformer;
                    • before the branch, Pre-LN: h ← h + F(LN(h)) — GPT-2 and most LLMs.

                    Top: the gradient norm of each block's weights at initialization, relative to block 1 (A = Post-LN, B = Pre-LN).

                    Press space: both are trained with SGD at the same learning rate, with and without a linear warm-up (+W).
                    """,
                    de: """
                    Ein Transformer ohne Attention: 12 Residual-Blöcke F(u) = W2·ReLU(W1·u) auf den Ziffern, mit Layer Norm

                    • nach der Residual-Addition, Post-LN: h ← LN(h + F(h)) — der ursprüngliche Transformer;
                    • vor dem Zweig, Pre-LN: h ← h + F(LN(h)) — GPT-2 und die meisten LLMs.

                    Oben siehst du die Gradientennorm der Gewichte jedes Blocks bei der Initialisierung, relativ zu Block 1 (A = Post-LN, B = Pre-LN).

                    Drücke die Leertaste: Beide werden mit SGD bei derselben Lernrate trainiert, mit und ohne lineares Warm-up (+W).
                    """)),
            LessonPage(
                title: Localized(en: "Gradients at initialization", de: "Gradienten bei der Initialisierung"),
                text: Localized(
                    en: """
                    In Post-LN every gradient on its way to the input passes through every layer norm; in Pre-LN the residual path carries it past them unchanged.

                    Xiong et al. (2020) show for Transformers that Post-LN's gradients are largest near the output and Pre-LN's stay level. This toy shows a part of it, on every seed checked:

                    • Pre-LN's gradients shrink toward the output: block 12 gets less than block 1, because the residual stream h grows with depth and each block's LN divides by it.
                    • Post-LN's do not shrink like that: relative to block 1, its block 12 gets at least 1.5 times what Pre-LN's block 12 gets.
                    • From the same initial weights, Post-LN's block 12 gets a larger gradient than Pre-LN's.

                    Unlike in Xiong et al., Post-LN's gradients here need not grow from block to block (try --seed 3).
                    """,
                    de: """
                    Bei Post-LN läuft jeder Gradient auf dem Weg zur Eingabe durch jede Layer Norm; bei Pre-LN trägt ihn der Residual-Pfad unverändert an ihnen vorbei.

                    Xiong et al. (2020) zeigen für Transformer: Bei Post-LN sind die Gradienten nahe der Ausgabe am größten, bei Pre-LN bleiben sie gleich. Dieses Spielzeugbeispiel zeigt einen Teil davon, bei jedem geprüften Seed:

                    • Bei Pre-LN schrumpfen die Gradienten zur Ausgabe hin: Block 12 bekommt weniger als Block 1, weil der Residual-Strom h mit der Tiefe wächst und die LN jedes Blocks durch ihn teilt.
                    • Bei Post-LN schrumpfen sie nicht so: Relativ zu Block 1 bekommt Block 12 bei Post-LN mindestens das 1,5-Fache dessen, was Block 12 bei Pre-LN bekommt.
                    • Von denselben Startgewichten aus bekommt Block 12 bei Post-LN einen größeren Gradienten als bei Pre-LN.

                    Anders als bei Xiong et al. müssen die Gradienten bei Post-LN hier nicht von Block zu Block wachsen (probiere --seed 3).
                    """)),
            LessonPage(
                title: Localized(en: "Warm-up", de: "Warm-up"),
                text: Localized(
                    en: """
                    A warm-up raises the learning rate from almost 0 to its full value over the first steps (here 100). Xiong et al. (2020) found that Post-LN Transformers need it — large gradients near the output and full-size steps from the start can wreck them — and that Pre-LN Transformers can train without it. Large Pre-LN language models still use a warm-up in practice.

                    What happens here: Pre-LN learns at this rate with and without warm-up, over 90% held-out accuracy at step 1000. Post-LN stays behind with or without warm-up: at step 1000 both its runs are below both Pre-LN runs in held-out accuracy, and their training loss is at least 5 times Pre-LN's.

                    Post-LN without warm-up can collapse to chance level (loss ≈ ln 10 ≈ 2.3), and with warm-up it can stall. Where the collapse happens, it comes hundreds of steps after the warm-up ended: one run cannot show that the warm-up prevented it. What this toy shows on every seed is what the placement of layer norm does.
                    """,
                    de: """
                    Ein Warm-up hebt die Lernrate über die ersten Schritte (hier 100) von fast 0 auf ihren vollen Wert. Xiong et al. (2020) fanden, dass Post-LN-Transformer es brauchen — große Gradienten nahe der Ausgabe und volle Schritte vom Start an können sie zerstören — und dass Pre-LN-Transformer ohne Warm-up trainieren können. Große Pre-LN-Sprachmodelle verwenden in der Praxis trotzdem ein Warm-up.

                    Was hier geschieht: Pre-LN lernt bei dieser Rate mit und ohne Warm-up, über 90 % Genauigkeit auf den zurückgehaltenen Daten bei Schritt 1000. Post-LN bleibt mit und ohne Warm-up zurück: Bei Schritt 1000 liegen beide Läufe in der Genauigkeit unter beiden Pre-LN-Läufen, und ihr Trainingsverlust ist mindestens 5-mal so groß wie der von Pre-LN.

                    Post-LN ohne Warm-up kann auf Zufallsniveau zurückfallen (Verlust ≈ ln 10 ≈ 2,3), und mit Warm-up kann es steckenbleiben. Wo der Einbruch geschieht, kommt er Hunderte Schritte nach dem Ende des Warm-ups: Ein Lauf kann nicht zeigen, dass das Warm-up ihn verhindert hat. Was dieses Spielzeugbeispiel bei jedem Seed zeigt, ist, was die Platzierung der Layer Norm bewirkt.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { PrePostLNEngine(seeds: $0) })

    /// The training claims' step: long enough for Pre-LN to settle (about 3 s a seed, release).
    static let trainedStep = 1000

    /// Page 2's gradients at initialization (step 0) and page 3's training at step 1000.
    static let claims: [Claim] = [
        .on(PrePostLNEngine.self, id: "pre-ln-gradients-shrink-toward-output",
            text: Localized(
                en: "At initialization Pre-LN's gradients shrink toward the output: block 12 gets less than block 1.",
                de: "Bei der Initialisierung schrumpfen die Gradienten bei Pre-LN zur Ausgabe hin: Block 12 bekommt weniger als Block 1."),
            step: 0
        ) { engine, seed in
            let ratio = engine.lastToFirstRatio(.pre, seed: seed)
            return Verdict(holds: ratio < 1, measured: Localized(
                en: "Pre-LN block 12 / block 1: \(MeasuredNumber.short(ratio))×",
                de: "Pre-LN Block 12 / Block 1: \(MeasuredNumber.short(ratio, .de))×"))
        },
        .on(PrePostLNEngine.self, id: "post-ln-relatively-higher-at-output",
            text: Localized(
                en: "Relative to block 1, Post-LN's block 12 gets at least 1.5 times what Pre-LN's block 12 gets.",
                de: "Relativ zu Block 1 bekommt Block 12 bei Post-LN mindestens das 1,5-Fache dessen, was Block 12 bei Pre-LN bekommt."),
            step: 0
        ) { engine, seed in
            let post = engine.lastToFirstRatio(.post, seed: seed), pre = engine.lastToFirstRatio(.pre, seed: seed)
            return Verdict(holds: post >= 1.5 * pre, measured: Localized(
                en: "block 12 / block 1: Post-LN \(MeasuredNumber.short(post))×, Pre-LN \(MeasuredNumber.short(pre))×",
                de: "Block 12 / Block 1: Post-LN \(MeasuredNumber.short(post, .de))×, Pre-LN \(MeasuredNumber.short(pre, .de))×"))
        },
        .on(PrePostLNEngine.self, id: "post-ln-larger-at-output",
            text: Localized(
                en: "From the same initial weights, Post-LN's block 12 gets a larger gradient than Pre-LN's.",
                de: "Von denselben Startgewichten aus bekommt Block 12 bei Post-LN einen größeren Gradienten als bei Pre-LN."),
            step: 0
        ) { engine, seed in
            let post = engine.initialGradientNorms(.post, seed: seed).last!, pre = engine.initialGradientNorms(.pre, seed: seed).last!
            return Verdict(holds: post > pre, measured: Localized(
                en: "‖∂L/∂W‖ of block 12: Post-LN \(MeasuredNumber.short(post)), Pre-LN \(MeasuredNumber.short(pre))",
                de: "‖∂L/∂W‖ von Block 12: Post-LN \(MeasuredNumber.short(post, .de)), Pre-LN \(MeasuredNumber.short(pre, .de))"))
        },
        .on(PrePostLNEngine.self, id: "pre-ln-learns-without-warmup",
            text: Localized(
                en: "Pre-LN learns at this rate with and without warm-up: over 90% held-out accuracy at step 1000.",
                de: "Pre-LN lernt bei dieser Rate mit und ohne Warm-up: über 90 % Genauigkeit auf den zurückgehaltenen Daten bei Schritt 1000."),
            step: trainedStep
        ) { engine, seed in
            let accuracy = engine.heldOutAccuracy(seed: seed)
            let pre = accuracy[2], warmed = accuracy[3]
            return Verdict(holds: pre > 0.9 && warmed > 0.9, measured: Localized(
                en: "Pre \(MeasuredNumber.percent(pre)), Pre+W \(MeasuredNumber.percent(warmed))",
                de: "Pre \(MeasuredNumber.percent(pre, .de)), Pre+W \(MeasuredNumber.percent(warmed, .de))"))
        },
        .on(PrePostLNEngine.self, id: "post-ln-behind-with-or-without-warmup",
            text: Localized(
                en: "Post-LN stays behind with or without warm-up: at step 1000 both its runs are below both Pre-LN runs in held-out accuracy.",
                de: "Post-LN bleibt mit und ohne Warm-up zurück: Bei Schritt 1000 liegen beide Läufe in der Genauigkeit unter beiden Pre-LN-Läufen."),
            step: trainedStep
        ) { engine, seed in
            let accuracy = engine.heldOutAccuracy(seed: seed)
            return Verdict(holds: max(accuracy[0], accuracy[1]) < min(accuracy[2], accuracy[3]), measured: Localized(
                en: zip(PrePostLNEngine.plans, accuracy).map { "\($0.name) \(MeasuredNumber.percent($1))" }.joined(separator: ", "),
                de: zip(PrePostLNEngine.plans, accuracy).map { "\($0.name) \(MeasuredNumber.percent($1, .de))" }.joined(separator: ", ")))
        },
        .on(PrePostLNEngine.self, id: "post-ln-loss-five-times-pre-ln",
            text: Localized(
                en: "Post-LN's training loss (mean of steps 901–1000) is at least 5 times Pre-LN's, with or without warm-up.",
                de: "Der Trainingsverlust von Post-LN (Mittel der Schritte 901–1000) ist mit und ohne Warm-up mindestens 5-mal so groß wie der von Pre-LN."),
            step: trainedStep
        ) { engine, seed in
            let loss = engine.recentLoss(window: 100, seed: seed)
            let post = min(loss[0], loss[1]), pre = max(loss[2], loss[3])
            return Verdict(holds: post >= 5 * pre, measured: Localized(
                en: zip(PrePostLNEngine.plans, loss).map { "\($0.name) \(MeasuredNumber.short($1))" }.joined(separator: ", "),
                de: zip(PrePostLNEngine.plans, loss).map { "\($0.name) \(MeasuredNumber.short($1, .de))" }.joined(separator: ", ")))
        },
    ]
}

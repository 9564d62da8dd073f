import NormMath

/// Lesson 12, "Transformer-Architekturen" and the research frontier the glossary points to
/// ("Aktueller Forschungsstand"): a real, tiny Transformer — self-attention and an MLP — where
/// lesson 11 has a residual MLP. Where the normalization sits decides how the gradients at
/// initialization are spread (Xiong et al. 2020); without QK normalization the attention
/// logits grow while it trains (Dehghani et al. 2023). What the toy shows on every seed is what
/// the pages say; where it does not show what a paper reports, the pages say so.
public enum TransformerLesson {
    /// When the training claims are judged: the QK-norm runs have long learned to sort.
    static let judgedAt = 600
    /// The steps the losses at ``judgedAt`` are averaged over.
    static let lossWindow = 100

    public static let lesson = Lesson(
        id: "transformer", number: 12, section: "Transformer-Architekturen",
        title: Localized(en: "A tiny Transformer", de: "Ein winziger Transformer"),
        summary: Localized(
            en: "self-attention learns to sort digits: Post-LN vs Pre-LN, warm-up, RMSNorm, and QK norm against growing attention logits",
            de: "Self-Attention lernt, Ziffern zu sortieren: Post-LN gegen Pre-LN, Warm-up, RMSNorm und QK-Norm gegen wachsende Attention-Logits"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    A real Transformer this time, if a tiny one: 2 blocks, each self-attention with 4 heads and a ReLU MLP, tokens of width 32. It learns to sort 8 random digits: at every position it must output the digit that belongs there once the sequence is sorted. Every step brings 32 new sequences.

                    Six runs from the same initial weights, on the same sequences, all with SGD (momentum 0.9) at a high learning rate, 0.3:

                    • Post: LN after each residual add, h ← LN(h + F(h)), the original Transformer;
                    • Post+W: the same with a linear warm-up over 100 steps;
                    • Pre: LN before each branch, h ← h + F(LN(h)), GPT-2 and most LLMs;
                    • +QK: with QK norm, a layer norm on every head's queries and keys;
                    • Pre-RMS: Pre-LN with RMSNorm instead of layer norm.

                    Top: each block's gradient norm at initialization. Below, for the three Post-LN runs (g: the three Pre-LN runs), the training loss and the largest attention logit of each step. Press space.
                    """,
                    de: """
                    Diesmal ein echter Transformer, wenn auch ein winziger: 2 Blöcke, jeder mit Self-Attention aus 4 Köpfen und einem ReLU-MLP, Tokens der Breite 32. Er lernt, 8 zufällige Ziffern zu sortieren: An jeder Position soll er die Ziffer ausgeben, die nach dem Sortieren dort steht. Jeder Schritt bringt 32 neue Folgen.

                    Sechs Läufe von denselben Startgewichten aus, auf denselben Folgen, alle mit SGD (Momentum 0,9) bei einer hohen Lernrate von 0,3:

                    • Post: LN nach jeder Residual-Addition, h ← LN(h + F(h)), der ursprüngliche Transformer;
                    • Post+W: dasselbe mit linearem Warm-up über 100 Schritte;
                    • Pre: LN vor jedem Zweig, h ← h + F(LN(h)), GPT-2 und die meisten LLMs;
                    • +QK: mit QK-Norm, einer Layer Norm auf den Queries und Keys jedes Kopfes;
                    • Pre-RMS: Pre-LN mit RMSNorm statt Layer Norm.

                    Oben siehst du die Gradientennorm jedes Blocks bei der Initialisierung, darunter für die drei Post-LN-Läufe (Taste g: die drei Pre-LN-Läufe) den Trainingsverlust und das größte Attention-Logit jedes Schritts. Drücke die Leertaste.
                    """)),
            LessonPage(
                title: Localized(en: "Start gradients", de: "Startgradienten"),
                text: Localized(
                    en: """
                    The table gives ‖∂L/∂W‖ over each block's six weight matrices (W_q, W_k, W_v, W_o, W₁, W₂) before the first step, from the same initial weights in every placement.

                    Xiong et al. (2020) show that in a Post-LN Transformer the gradients near the output are large at initialization, and that Pre-LN's are smaller and even across the layers; large steps where the gradients are large are why Post-LN needs a warm-up. What this toy shows of it, on every seed checked:

                    • Post-LN's gradients are larger than Pre-LN's, in both blocks.
                    • Pre-LN's two blocks get similar gradients: block 2 gets between 0.6 and 1.2 times what block 1 gets, with layer norm and with RMSNorm.

                    With only two blocks the growth toward the output that Xiong et al. describe for Post-LN does not show: its block 2 need not get more than its block 1 (try --seed 2). Lesson 11 shows a deeper stack of residual blocks.
                    """,
                    de: """
                    Die Tabelle zeigt ‖∂L/∂W‖ über die sechs Gewichtsmatrizen jedes Blocks (W_q, W_k, W_v, W_o, W₁, W₂) vor dem ersten Schritt, bei jeder Platzierung von denselben Startgewichten aus.

                    Xiong et al. (2020) zeigen: In einem Post-LN-Transformer sind die Gradienten nahe der Ausgabe bei der Initialisierung groß, bei Pre-LN sind sie kleiner und über die Schichten gleichmäßig. Große Schritte dort, wo die Gradienten groß sind, sind der Grund, warum Post-LN ein Warm-up braucht. Was dieses Spielzeugbeispiel davon zeigt, bei jedem geprüften Seed:

                    • Die Gradienten sind bei Post-LN größer als bei Pre-LN, in beiden Blöcken.
                    • Bei Pre-LN bekommen die beiden Blöcke ähnliche Gradienten: Block 2 bekommt das 0,6- bis 1,2-Fache von Block 1, mit Layer Norm und mit RMSNorm.

                    Mit nur zwei Blöcken zeigt sich das Wachstum zur Ausgabe hin, das Xiong et al. für Post-LN beschreiben, nicht: Bei Post-LN bekommt Block 2 nicht unbedingt mehr als Block 1 (probiere --seed 2). Lektion 11 zeigt einen tieferen Stapel von Residual-Blöcken.
                    """)),
            LessonPage(
                title: Localized(en: "QK norm", de: "QK-Norm"),
                text: Localized(
                    en: """
                    Attention compares a query q with every key k: the logit q·k/√d_h (d_h = 8, a head's width) goes through a softmax. To sort, a head has to attend sharply, and the cheapest way to sharpen a softmax is to make |q| and |k| larger. Nothing stops that: without QK norm, Post-LN's largest logit grows to at least 3 times its value at step 1, to tens or hundreds.

                    Dehghani et al. (2023) saw such logits diverge while training a 22-billion-parameter ViT, and the softmax collapse to one key; their cure is QK norm: a layer norm over each head's q and k before the dot product. Normalized q and k vectors have length √d_h (at γ = 1, β = 0), so |q·k|/√d_h ≤ √8 ≈ 2.8 as long as γ = 1 and β = 0. Here, with QK norm the largest logit stays below 10 in both placements, while without it Post-LN's peak is at least 5 times as high as with it.

                    And the loss: at step 600 (mean of steps 501–600), each QK-norm run has a lower loss than the run of the same placement without it.
                    """,
                    de: """
                    Attention vergleicht eine Query q mit jedem Key k: Das Logit q·k/√d_h (d_h = 8, die Breite eines Kopfes) geht durch einen Softmax. Zum Sortieren muss ein Kopf scharf hinsehen, und am billigsten wird ein Softmax schärfer, wenn |q| und |k| wachsen. Nichts hält das auf: Ohne QK-Norm wächst das größte Logit bei Post-LN auf mindestens das Dreifache seines Werts in Schritt 1, auf Dutzende oder Hunderte.

                    Dehghani et al. (2023) sahen solche Logits beim Training eines ViT mit 22 Milliarden Parametern divergieren und den Softmax auf einen einzigen Key zusammenfallen. Ihr Gegenmittel ist die QK-Norm: eine Layer Norm über q und k jedes Kopfes vor dem Skalarprodukt. Normierte q- und k-Vektoren haben die Länge √d_h (bei γ = 1, β = 0), also ist |q·k|/√d_h ≤ √8 ≈ 2,8, solange γ = 1 und β = 0 sind. Hier bleibt mit QK-Norm das größte Logit bei beiden Platzierungen unter 10, während es ohne sie bei Post-LN mindestens 5-mal so hoch steigt wie mit ihr.

                    Und der Verlust: Bei Schritt 600 (Mittel der Schritte 501–600) liegt jeder Lauf mit QK-Norm unter dem Lauf derselben Platzierung ohne sie.
                    """)),
            LessonPage(
                title: Localized(en: "Warm-up, RMSNorm", de: "Warm-up, RMSNorm"),
                text: Localized(
                    en: """
                    A warm-up raises the learning rate from almost 0 to 0.3 over the first 100 steps. While it lasts it holds Post-LN's attention logits down: over steps 1–100 Post+W's largest logit stays below Post's. Once the full rate is reached its logits grow too: over steps 101–600 they reach at least 10, far above what QK norm allows. Xiong et al. report that Post-LN Transformers need the warm-up; in this tiny one it delays the growth of the logits, QK norm prevents it.

                    Pre-LN is no cure here. At this learning rate its logits grow as well, if less: to at least 1.5 times their value at step 1, on some seeds into the thousands (try --seed 3). QK norm lowers its loss as it lowers Post-LN's. That matches Dehghani et al., whose ViT had its normalization before the branches too.

                    Pre-RMS — the same Pre-LN stack with RMSNorm, which neither subtracts the mean nor adds a β — ends with a lower loss than Pre-LN on every seed checked, with smaller logits. The toy does not say why; it shows that the choice of the normalization inside the blocks matters at a high learning rate, not only its place.
                    """,
                    de: """
                    Ein Warm-up hebt die Lernrate über die ersten 100 Schritte von fast 0 auf 0,3. Solange es dauert, hält es die Attention-Logits bei Post-LN niedrig: In den Schritten 1–100 bleibt das größte Logit von Post+W unter dem von Post. Sobald die volle Lernrate erreicht ist, wachsen auch seine Logits: In den Schritten 101–600 erreichen sie mindestens 10, weit mehr, als QK-Norm zulässt. Xiong et al. berichten, dass Post-LN-Transformer ein Warm-up brauchen; in diesem winzigen Transformer verzögert es das Wachstum der Logits, die QK-Norm verhindert es.

                    Pre-LN ist hier kein Heilmittel. Bei dieser Lernrate wachsen auch seine Logits, wenn auch weniger: auf mindestens das 1,5-Fache ihres Werts in Schritt 1, bei manchen Seeds bis in die Tausende (probiere --seed 3). QK-Norm senkt seinen Verlust, wie sie den von Post-LN senkt. Das passt zu Dehghani et al., deren ViT die Normalisierung ebenfalls vor den Zweigen hatte.

                    Pre-RMS — derselbe Pre-LN-Stapel mit RMSNorm, die weder den Mittelwert abzieht noch ein β addiert — endet bei jedem geprüften Seed mit niedrigerem Verlust als Pre-LN und mit kleineren Logits. Warum, sagt das Spielzeugbeispiel nicht; es zeigt, dass bei hoher Lernrate nicht nur der Platz der Normalisierung in den Blöcken zählt, sondern auch ihre Art.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { TransformerEngine(seeds: $0) })

    typealias Engine = TransformerEngine

    /// The run names and values of `plans`, "Post 0,31, Post+QK 0,04".
    static func listed(_ plans: [Int], _ value: (Int) -> Double) -> Localized {
        Localized(
            en: plans.map { "\(Engine.plans[$0].name) \(MeasuredNumber.short(value($0)))" }.joined(separator: ", "),
            de: plans.map { "\(Engine.plans[$0].name) \(MeasuredNumber.short(value($0), .de))" }.joined(separator: ", "))
    }

    /// Page 2's gradients at initialization (step 0), the warm-up's first 100 steps, and pages 3
    /// and 4's training at step 600.
    static let claims: [Claim] = [
        .on(Engine.self, id: "post-ln-larger-gradients-at-init",
            text: Localized(
                en: "At initialization Post-LN's gradients are larger than Pre-LN's, in both blocks.",
                de: "Bei der Initialisierung sind die Gradienten bei Post-LN größer als bei Pre-LN, in beiden Blöcken."),
            step: 0
        ) { engine, seed in
            let post = engine.initialGradientNorms(Engine.post, seed: seed), pre = engine.initialGradientNorms(Engine.pre, seed: seed)
            let format = { (norms: [Double], language: Language) in norms.map { MeasuredNumber.short($0, language) }.joined(separator: " / ") }
            return Verdict(holds: zip(post, pre).allSatisfy { $0 > $1 }, measured: Localized(
                en: "‖∂L/∂W‖ block 1 / 2: Post-LN \(format(post, .en)), Pre-LN \(format(pre, .en))",
                de: "‖∂L/∂W‖ Block 1 / 2: Post-LN \(format(post, .de)), Pre-LN \(format(pre, .de))"))
        },
        .on(Engine.self, id: "pre-ln-gradients-even",
            text: Localized(
                en: "At initialization Pre-LN's block 2 gets between 0.6 and 1.2 times the gradient of its block 1, with layer norm and with RMSNorm.",
                de: "Bei der Initialisierung bekommt Block 2 bei Pre-LN das 0,6- bis 1,2-Fache des Gradienten von Block 1, mit Layer Norm und mit RMSNorm."),
            step: 0
        ) { engine, seed in
            let ratios = [Engine.pre, Engine.preRMS].map { plan in
                let norms = engine.initialGradientNorms(plan, seed: seed)
                return norms[norms.count - 1] / norms[0]
            }
            return Verdict(holds: ratios.allSatisfy { (0.6...1.2).contains($0) }, measured: Localized(
                en: "block 2 / block 1: Pre \(MeasuredNumber.short(ratios[0]))×, Pre-RMS \(MeasuredNumber.short(ratios[1]))×",
                de: "Block 2 / Block 1: Pre \(MeasuredNumber.short(ratios[0], .de))×, Pre-RMS \(MeasuredNumber.short(ratios[1], .de))×"))
        },
        .on(Engine.self, id: "warmup-holds-logits-down-while-it-lasts",
            text: Localized(
                en: "Over steps 1–100, while the warm-up lasts, Post+W's largest attention logit stays below Post's.",
                de: "In den Schritten 1–100, solange das Warm-up dauert, bleibt das größte Attention-Logit von Post+W unter dem von Post."),
            step: Engine.warmupSteps
        ) { engine, seed in
            let peak = { (plan: Int) in engine.peakLogit(plan, steps: 1...Engine.warmupSteps, seed: seed) }
            return Verdict(holds: peak(Engine.postWarmup) < peak(Engine.post), measured: listed([Engine.post, Engine.postWarmup], peak))
        },
        .on(Engine.self, id: "post-ln-logits-grow",
            text: Localized(
                en: "Without QK norm, Post-LN's largest attention logit grows to at least 3 times its value at step 1.",
                de: "Ohne QK-Norm wächst das größte Attention-Logit bei Post-LN auf mindestens das Dreifache seines Werts in Schritt 1."),
            step: judgedAt
        ) { engine, seed in
            let first = engine.firstLogit(Engine.post, seed: seed), peak = engine.peakLogit(Engine.post, seed: seed)
            return Verdict(holds: peak >= 3 * first, measured: Localized(
                en: "Post: step 1 \(MeasuredNumber.short(first)), peak \(MeasuredNumber.short(peak))",
                de: "Post: Schritt 1 \(MeasuredNumber.short(first, .de)), Höchstwert \(MeasuredNumber.short(peak, .de))"))
        },
        .on(Engine.self, id: "qk-norm-bounds-logits",
            text: Localized(
                en: "With QK norm the largest attention logit stays below 10 in both placements; without it Post-LN's peak is at least 5 times as high as with it.",
                de: "Mit QK-Norm bleibt das größte Attention-Logit bei beiden Platzierungen unter 10; ohne sie steigt es bei Post-LN mindestens 5-mal so hoch wie mit ihr."),
            step: judgedAt
        ) { engine, seed in
            let peaks = [Engine.postQK, Engine.preQK, Engine.post].map { engine.peakLogit($0, seed: seed) }
            return Verdict(
                holds: peaks[0] < 10 && peaks[1] < 10 && peaks[2] >= 5 * peaks[0],
                measured: listed([Engine.postQK, Engine.preQK, Engine.post]) { engine.peakLogit($0, seed: seed) })
        },
        .on(Engine.self, id: "qk-norm-lowers-loss",
            text: Localized(
                en: "At step 600 (mean of steps 501–600) each QK-norm run's loss is below that of the same placement without it.",
                de: "Bei Schritt 600 (Mittel der Schritte 501–600) liegt der Verlust jedes Laufs mit QK-Norm unter dem derselben Platzierung ohne sie."),
            step: judgedAt
        ) { engine, seed in
            let loss = { (plan: Int) in engine.recentLoss(plan, window: lossWindow, seed: seed) }
            return Verdict(
                holds: loss(Engine.postQK) < loss(Engine.post) && loss(Engine.preQK) < loss(Engine.pre),
                measured: listed([Engine.post, Engine.postQK, Engine.pre, Engine.preQK], loss))
        },
        .on(Engine.self, id: "warmup-logits-grow-after-it",
            text: Localized(
                en: "Once the full rate is reached Post+W's logits grow too: over steps 101–600 they reach at least 10.",
                de: "Sobald die volle Lernrate erreicht ist, wachsen auch die Logits von Post+W: In den Schritten 101–600 erreichen sie mindestens 10."),
            step: judgedAt
        ) { engine, seed in
            let peak = engine.peakLogit(Engine.postWarmup, steps: (Engine.warmupSteps + 1)...judgedAt, seed: seed)
            return Verdict(holds: peak >= 10, measured: Localized(
                en: "Post+W, steps 101–600: peak \(MeasuredNumber.short(peak))",
                de: "Post+W, Schritte 101–600: Höchstwert \(MeasuredNumber.short(peak, .de))"))
        },
        .on(Engine.self, id: "pre-ln-logits-grow",
            text: Localized(
                en: "Without QK norm Pre-LN's largest attention logit grows as well, to at least 1.5 times its value at step 1.",
                de: "Ohne QK-Norm wächst auch das größte Attention-Logit bei Pre-LN, auf mindestens das 1,5-Fache seines Werts in Schritt 1."),
            step: judgedAt
        ) { engine, seed in
            let first = engine.firstLogit(Engine.pre, seed: seed), peak = engine.peakLogit(Engine.pre, seed: seed)
            return Verdict(holds: peak >= 1.5 * first, measured: Localized(
                en: "Pre: step 1 \(MeasuredNumber.short(first)), peak \(MeasuredNumber.short(peak))",
                de: "Pre: Schritt 1 \(MeasuredNumber.short(first, .de)), Höchstwert \(MeasuredNumber.short(peak, .de))"))
        },
        .on(Engine.self, id: "pre-rmsnorm-below-pre-ln",
            text: Localized(
                en: "Pre-RMS ends with a lower loss than Pre-LN at step 600 (mean of steps 501–600), and with a lower peak attention logit.",
                de: "Pre-RMS endet bei Schritt 600 (Mittel der Schritte 501–600) mit niedrigerem Verlust als Pre-LN und mit niedrigerem Höchstwert des Attention-Logits."),
            step: judgedAt
        ) { engine, seed in
            let loss = { (plan: Int) in engine.recentLoss(plan, window: lossWindow, seed: seed) }
            let peak = { (plan: Int) in engine.peakLogit(plan, seed: seed) }
            let losses = listed([Engine.pre, Engine.preRMS], loss), peaks = listed([Engine.pre, Engine.preRMS], peak)
            return Verdict(
                holds: loss(Engine.preRMS) < loss(Engine.pre) && peak(Engine.preRMS) < peak(Engine.pre),
                measured: Localized(
                    en: "loss: \(losses.en); peak logit: \(peaks.en)", de: "Verlust: \(losses.de); Höchstwert: \(peaks.de)"))
        },
    ]
}

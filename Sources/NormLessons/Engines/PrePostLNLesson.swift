/// Lesson 10, "Transformer-Architekturen": where layer norm sits in a residual block decides
/// how gradients flow at initialization and whether training needs a warm-up (Xiong et al. 2020).
public enum PrePostLNLesson {
    public static let lesson = Lesson(
        id: "pre-post-ln", number: 10, section: "Transformer-Architekturen",
        title: Localized(en: "Pre-LN vs Post-LN", de: "Pre-LN gegen Post-LN"),
        summary: Localized(
            en: "layer norm before or after the residual add: gradients at initialization, and what warm-up does",
            de: "Layer Norm vor oder nach der Residual-Addition: Gradienten bei der Initialisierung, und was Warm-up bewirkt"),
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

                    Oben: die Gradientennorm der Gewichte jedes Blocks bei der Initialisierung, relativ zu Block 1 (A = Post-LN, B = Pre-LN).

                    Drücke die Leertaste: beide werden mit SGD bei derselben Lernrate trainiert, mit und ohne linearen Warm-up (+W).
                    """)),
            LessonPage(
                title: Localized(en: "Gradients at initialization", de: "Gradienten bei der Initialisierung"),
                text: Localized(
                    en: """
                    In Post-LN every gradient on its way to the input passes through every layer norm; in Pre-LN the residual path carries it past them unchanged.

                    Xiong et al. (2020) show that Post-LN's gradients are largest near the output and Pre-LN's stay level. Here, at depth 12: Post-LN's grow toward the output (the last block gets about 1.6× the first's), Pre-LN's do not grow — they even shrink (about 0.4×), because the residual stream h grows with depth and each block's LN divides by it.
                    """,
                    de: """
                    Bei Post-LN läuft jeder Gradient auf dem Weg zur Eingabe durch jede Layer Norm; bei Pre-LN trägt ihn der Residual-Pfad unverändert an ihnen vorbei.

                    Xiong et al. (2020) zeigen: bei Post-LN sind die Gradienten nahe der Ausgabe am größten, bei Pre-LN bleiben sie gleich. Hier, bei Tiefe 12: bei Post-LN wachsen sie zur Ausgabe hin (der letzte Block bekommt etwa das 1,6-Fache des ersten), bei Pre-LN wachsen sie nicht — sie schrumpfen sogar (etwa 0,4×), weil der Residual-Strom h mit der Tiefe wächst und die LN jedes Blocks durch ihn teilt.
                    """)),
            LessonPage(
                title: Localized(en: "Warm-up", de: "Warm-up"),
                text: Localized(
                    en: """
                    Large gradients near the output and full-size steps from the first step can wreck a Post-LN network; a warm-up raises the learning rate from almost 0 to its full value over the first steps (here 100).

                    What happens here: Pre-LN learns at this rate with and without warm-up. Post-LN without warm-up learns at first, then collapses to chance level (loss ≈ ln 10 ≈ 2.3) after a few hundred steps; with warm-up it keeps learning, though far noisier and slower than Pre-LN.

                    This is why LLMs use Pre-LN: it trains at higher rates with less care.
                    """,
                    de: """
                    Große Gradienten nahe der Ausgabe und volle Schritte ab dem ersten Schritt können ein Post-LN-Netz zerstören; ein Warm-up hebt die Lernrate über die ersten Schritte (hier 100) von fast 0 auf ihren vollen Wert.

                    Was hier geschieht: Pre-LN lernt bei dieser Rate mit und ohne Warm-up. Post-LN ohne Warm-up lernt zuerst, fällt dann nach einigen hundert Schritten auf Zufallsniveau zurück (Verlust ≈ ln 10 ≈ 2,3); mit Warm-up lernt es weiter, aber viel unruhiger und langsamer als Pre-LN.

                    Deshalb verwenden LLMs Pre-LN: es trainiert bei höheren Raten mit weniger Vorsicht.
                    """)),
        ],
        makeEngine: { PrePostLNEngine(seeds: $0) })
}

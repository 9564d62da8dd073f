/// Lesson 11's kit: where Pre-LN's gradients go at initialization (step 0), and which runs
/// learn at one learning rate (step 1000) — decided by the lesson's own claims. It says nothing
/// about warm-up preventing a collapse: one seed cannot show that.
enum PrePostLNKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Write down where layer norm sits in a Post-LN block, h ← LN(h + F(h)), and in a Pre-LN block, h ← h + F(LN(h)).",
                de: "Aufschreiben, wo die Layer Norm in einem Post-LN-Block, h ← LN(h + F(h)), und in einem Pre-LN-Block, h ← h + F(LN(h)), sitzt."),
            Localized(
                en: "Read the gradient per block at initialization and explain why Pre-LN's shrinks toward the output: the residual stream grows and each LN divides by it.",
                de: "Den Gradienten pro Block bei der Initialisierung ablesen und erklären, warum er bei Pre-LN zur Ausgabe hin schrumpft: Der Residual-Strom wächst, und jede LN teilt durch ihn."),
            Localized(
                en: "Say what the four runs show at step 1000, and what one run cannot show about warm-up.",
                de: "Sagen, was die vier Läufe bei Schritt 1000 zeigen und was ein einzelner Lauf über das Warm-up nicht zeigen kann."),
        ],
        formula: Localized(
            en: """
            12 residual blocks, F(u) = W2·ReLU(W1·u), width 32, hidden 64:
            Post-LN: h ← LN(h + F(h))      Pre-LN: h ← h + F(LN(h))
            SGD, mini-batch of 32, momentum 0.9, lr = 0.03; with warm-up (+W): lr_t = 0.03·min(1, t/100).
            Top: ‖∂L/∂W‖ of block k / ‖∂L/∂W‖ of block 1, at step 0.
            """,
            de: """
            12 Residual-Blöcke, F(u) = W2·ReLU(W1·u), Breite 32, verborgene Schicht 64:
            Post-LN: h ← LN(h + F(h))      Pre-LN: h ← h + F(LN(h))
            SGD, Mini-Batch aus 32, Momentum 0,9, lr = 0,03; mit Warm-up (+W): lr_t = 0,03·min(1, t/100).
            Oben: ‖∂L/∂W‖ von Block k / ‖∂L/∂W‖ von Block 1, bei Schritt 0.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Pre-LN at initialization: how large is block 12's gradient compared with block 1's?",
                    de: "Pre-LN bei der Initialisierung: Wie groß ist der Gradient von Block 12 im Vergleich zu dem von Block 1?"),
                answers: [
                    Localized(en: "larger: it is closest to the loss", de: "größer: Er liegt am nächsten am Verlust"),
                    Localized(en: "smaller: each LN divides by a growing h", de: "kleiner: Jede LN teilt durch ein wachsendes h"),
                    Localized(en: "the same: the residual path is the identity", de: "gleich: Der Residual-Pfad ist die Identität"),
                ],
                answer: 1, when: ["pre-ln-gradients-shrink-toward-output"],
                explanation: Localized(
                    en: "In Pre-LN every block adds its output to h: the residual stream grows with depth, and each block's LN divides by it. So the deep blocks near the output get a smaller gradient on their weights than block 1 (page 2). Post-LN normalizes h after every add, and its block 12 gets relatively more.",
                    de: "Bei Pre-LN addiert jeder Block seine Ausgabe zu h: Der Residual-Strom wächst mit der Tiefe, und die LN jedes Blocks teilt durch ihn. So bekommen die tiefen Blöcke nahe der Ausgabe einen kleineren Gradienten auf ihre Gewichte als Block 1 (Seite 2). Post-LN normalisiert h nach jeder Addition, und sein Block 12 bekommt relativ mehr.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Same learning rate 0.03, 1000 steps, with and without warm-up. What does held-out accuracy show?",
                    de: "Dieselbe Lernrate 0,03, 1000 Schritte, mit und ohne Warm-up. Was zeigt die Genauigkeit auf zurückgehaltenen Daten?"),
                answers: [
                    Localized(
                        en: "Post-LN with warm-up catches up; only Post-LN without it is behind",
                        de: "Post-LN mit Warm-up holt auf; nur Post-LN ohne Warm-up bleibt zurück"),
                    Localized(
                        en: "Pre-LN needs the warm-up too: without it, it stays under 90%",
                        de: "Auch Pre-LN braucht das Warm-up: Ohne es bleibt es unter 90 %"),
                    Localized(
                        en: "both Pre-LN runs over 90%, both Post-LN runs below both of them",
                        de: "beide Pre-LN-Läufe über 90 %, beide Post-LN-Läufe unter beiden"),
                    Localized(
                        en: "Post-LN is ahead: its larger gradients near the output learn faster",
                        de: "Post-LN liegt vorn: Seine größeren Gradienten nahe der Ausgabe lernen schneller"),
                ],
                answer: 2, when: ["pre-ln-learns-without-warmup", "post-ln-behind-with-or-without-warmup"],
                explanation: Localized(
                    en: "Where layer norm sits decides here, not the warm-up: Pre-LN learns at this rate either way, Post-LN stays behind either way. Xiong et al. (2020) found that Post-LN Transformers need a warm-up; this toy does not show that, and one run that collapses long after the warm-up cannot show what the warm-up prevented.",
                    de: "Hier entscheidet die Platzierung der Layer Norm, nicht das Warm-up: Pre-LN lernt bei dieser Rate so oder so, Post-LN bleibt so oder so zurück. Xiong et al. (2020) fanden, dass Post-LN-Transformer ein Warm-up brauchen; dieses Spielzeugbeispiel zeigt das nicht, und ein Lauf, der lange nach dem Warm-up einbricht, kann nicht zeigen, was das Warm-up verhindert hat.")),
        ],
        discussion: [
            Localized(
                en: "In Post-LN every gradient passes through every layer norm on its way to the input; in Pre-LN the residual path carries it past them. Which placement would you expect to tolerate more depth, and why?",
                de: "Bei Post-LN läuft jeder Gradient auf dem Weg zur Eingabe durch jede Layer Norm; bei Pre-LN trägt ihn der Residual-Pfad an ihnen vorbei. Welche Platzierung sollte mehr Tiefe vertragen, und warum?"),
            Localized(
                en: "A Post-LN run collapses to loss ≈ ln 10 hundreds of steps after its warm-up ended. What would you need to run to say whether the warm-up delays or prevents such a collapse?",
                de: "Ein Post-LN-Lauf fällt Hunderte Schritte nach dem Ende seines Warm-ups auf einen Verlust ≈ ln 10 zurück. Was müsstest du laufen lassen, um zu sagen, ob das Warm-up einen solchen Einbruch verzögert oder verhindert?"),
            Localized(
                en: "Pre-LN trains here without warm-up, yet large Pre-LN language models still use one. What else could the warm-up be good for?",
                de: "Pre-LN trainiert hier ohne Warm-up, und trotzdem verwenden große Pre-LN-Sprachmodelle eines. Wofür könnte das Warm-up sonst gut sein?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Open the lesson on another seed: normtui lesson 11 --seed 3. In the top chart, does Post-LN's gradient (A) grow from block to block, as in Xiong et al.? Then check page 2's three statements on that seed: normtui lesson 11 --check --seed 3 --seeds 1.",
                de: "Öffne die Lektion mit einem anderen Seed: normtui lesson 11 --seed 3. Wächst im oberen Diagramm der Gradient von Post-LN (A) von Block zu Block, wie bei Xiong et al.? Prüfe dann die drei Aussagen von Seite 2 auf diesem Seed: normtui lesson 11 --check --seed 3 --seeds 1."),
            hint: Localized(
                en: "The chart is relative to block 1, and the line under it gives block 12 / block 1 for both. Page 2's statements are about block 12 against block 1, not about every step in between.",
                de: "Das Diagramm ist relativ zu Block 1, und die Zeile darunter nennt Block 12 / Block 1 für beide. Die Aussagen von Seite 2 betreffen Block 12 gegenüber Block 1, nicht jeden Schritt dazwischen.")))
}

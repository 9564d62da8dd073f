/// Lesson 12's kit: where the gradients are at initialization and what QK norm does to the
/// attention logits and the loss — decided by the lesson's claims at steps 0 and 600.
enum TransformerKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Draw a Transformer block with its two residual branches, self-attention and MLP, and put the normalization where Post-LN and where Pre-LN has it.",
                de: "Einen Transformer-Block mit seinen zwei Residual-Zweigen, Self-Attention und MLP, zeichnen und die Normalisierung dort eintragen, wo Post-LN und wo Pre-LN sie hat."),
            Localized(
                en: "Read the attention logit q·k/√d_h and explain why it can grow without bound while a head learns to attend sharply, and why QK norm bounds it.",
                de: "Das Attention-Logit q·k/√d_h lesen und erklären, warum es ohne Grenze wachsen kann, während ein Kopf lernt, scharf hinzusehen, und warum QK-Norm es begrenzt."),
            Localized(
                en: "Tell what this toy shows of Xiong et al. (2020) and Dehghani et al. (2023), and what it does not.",
                de: "Sagen, was dieses Spielzeugbeispiel von Xiong et al. (2020) und Dehghani et al. (2023) zeigt und was nicht."),
        ],
        formula: Localized(
            en: """
            Tokens: h₀ = E[x] + P[t], 8 digits per sequence, width D = 32. Per block, N = layer norm (or RMSNorm) over the 32 values of each token:
            Post-LN: h₁ = N(h + Attn(h)), h₂ = N(h₁ + MLP(h₁)).  Pre-LN: h₁ = h + Attn(N(h)), h₂ = h₁ + MLP(N(h₁)), and one more N before the output head.
            Attention with 4 heads of d_h = 8: logits S = q·kᵀ/√8, P = softmax(S), output P·v. QK norm: q, k ← LN(q), LN(k) over the 8 values of each head, so |S| ≤ √8 ≈ 2.8 while γ = 1, β = 0.
            MLP(u) = W₂·ReLU(W₁·u), 32 → 64 → 32. Loss: cross-entropy of the sorted digit at each of the 8 positions.
            SGD, lr 0.3, momentum 0.9, 32 sequences per step; Post+W: lr × min(1, step/100). Gradients at initialization averaged over 4 batches; training judged at step 600.
            """,
            de: """
            Tokens: h₀ = E[x] + P[t], 8 Ziffern je Folge, Breite D = 32. In jedem Block ist N eine Layer Norm (oder RMSNorm) über die 32 Werte jedes Tokens:
            Post-LN: h₁ = N(h + Attn(h)), h₂ = N(h₁ + MLP(h₁)).  Pre-LN: h₁ = h + Attn(N(h)), h₂ = h₁ + MLP(N(h₁)), dazu ein weiteres N vor dem Ausgabekopf.
            Attention mit 4 Köpfen zu d_h = 8: Logits S = q·kᵀ/√8, P = softmax(S), Ausgabe P·v. QK-Norm: q, k ← LN(q), LN(k) über die 8 Werte jedes Kopfes, also |S| ≤ √8 ≈ 2,8, solange γ = 1 und β = 0 sind.
            MLP(u) = W₂·ReLU(W₁·u), 32 → 64 → 32. Verlust: Kreuzentropie der sortierten Ziffer an jeder der 8 Positionen.
            SGD, Lernrate 0,3, Momentum 0,9, 32 Folgen je Schritt; Post+W: Lernrate × min(1, Schritt/100). Gradienten bei der Initialisierung über 4 Batches gemittelt; das Training wird bei Schritt 600 geprüft.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Same initial weights, two placements of the normalization. Before the first step, which gets larger weight gradients?",
                    de: "Dieselben Startgewichte, zwei Platzierungen der Normalisierung. Welche bekommt vor dem ersten Schritt die größeren Gewichtsgradienten?"),
                answers: [
                    Localized(en: "Post-LN, in both blocks", de: "Post-LN, in beiden Blöcken"),
                    Localized(en: "Pre-LN, in both blocks", de: "Pre-LN, in beiden Blöcken"),
                    Localized(en: "neither: same weights, same gradients", de: "keine: gleiche Gewichte, gleiche Gradienten"),
                ],
                answer: 0, when: ["post-ln-larger-gradients-at-init"],
                explanation: Localized(
                    en: "In Pre-LN the gradient reaches every branch through the last layer norm before the output head, which divides by the size of the whole residual stream: the embedding plus every branch's output. That sum is larger than one normalized token, so every block's gradient is scaled down — by about 1/√L in Xiong et al. (2020), L the number of layers. In Post-LN the stream is normalized after every add and no such sum divides the gradient: the large gradients Xiong et al. blame for Post-LN's need of a warm-up.",
                    de: "Bei Pre-LN erreicht der Gradient jeden Zweig durch die letzte Layer Norm vor dem Ausgabekopf, und die teilt durch die Größe des ganzen Residual-Stroms: die Einbettung plus die Ausgabe jedes Zweigs. Diese Summe ist größer als ein normiertes Token, also wird der Gradient jedes Blocks verkleinert — bei Xiong et al. (2020) um etwa den Faktor 1/√L (L: Zahl der Schichten). Bei Post-LN wird der Strom nach jeder Addition normiert, und keine solche Summe teilt den Gradienten: Das sind die großen Gradienten, die Xiong et al. dafür verantwortlich machen, dass Post-LN ein Warm-up braucht.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Post-LN trains at lr 0.3 without and with QK norm. What happens to the largest attention logit up to step 600?",
                    de: "Post-LN trainiert bei Lernrate 0,3 ohne und mit QK-Norm. Was geschieht bis Schritt 600 mit dem größten Attention-Logit?"),
                answers: [
                    Localized(
                        en: "it stays the same in both: layer norm already normalizes every token",
                        de: "es bleibt bei beiden gleich: Die Layer Norm normiert ja schon jedes Token"),
                    Localized(
                        en: "with QK norm it stays below 10; without it climbs at least 5 times as high",
                        de: "mit QK-Norm bleibt es unter 10; ohne sie steigt es mindestens 5-mal so hoch"),
                    Localized(
                        en: "it grows in both alike: sorting needs sharp attention",
                        de: "es wächst bei beiden gleich stark: Sortieren braucht scharfe Attention"),
                ],
                answer: 1, when: ["qk-norm-bounds-logits"],
                explanation: Localized(
                    en: "The layer norm of the block normalizes the token, not q and k: W_q and W_k can still grow, and with them q·k. QK norm normalizes each head's q and k themselves, so a logit is at most √d_h times the product of the learned scales γ — it can only grow as fast as γ does.",
                    de: "Die Layer Norm des Blocks normiert das Token, nicht q und k: W_q und W_k können weiter wachsen und mit ihnen q·k. QK-Norm normiert q und k jedes Kopfes selbst, also ist ein Logit höchstens das √d_h-Fache des Produkts der gelernten Skalen γ — es kann nur so schnell wachsen wie γ.")),
        ],
        discussion: [
            Localized(
                en: "To sort, a head must put nearly all its weight on one key. Why does that push the logits up, and why is a softmax whose logits are in the hundreds hard to train further?",
                de: "Zum Sortieren muss ein Kopf fast sein ganzes Gewicht auf einen Key legen. Warum treibt das die Logits nach oben, und warum lässt sich ein Softmax mit Logits im Hunderterbereich schwer weitertrainieren?"),
            Localized(
                en: "Pre-LN's logits can grow here too, and RMSNorm does better than layer norm in the same place. What would you have to change in the experiment to find out why?",
                de: "Auch bei Pre-LN können die Logits hier wachsen, und RMSNorm schneidet an derselben Stelle besser ab als Layer Norm. Was müsstest du am Experiment ändern, um herauszufinden, warum?"),
            Localized(
                en: "The warm-up keeps Post-LN's logits lower but not reliably its loss. What does a warm-up change, and what can it not change once the full learning rate is reached?",
                de: "Das Warm-up hält die Logits bei Post-LN niedriger, den Verlust aber nicht verlässlich. Was ändert ein Warm-up, und was kann es nicht mehr ändern, sobald die volle Lernrate erreicht ist?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                See why a normalized head bounds the logit. Normalize one head's query q = [3, −1, 0, 2] with layer norm: echo '{"variant":"layer","shape":[1,4],"x":[3,-1,0,2]}' | normtui compute --input - . Check that the y you get has length √4 = 2 (up to ε). What is the largest q·k/√4 two such vectors can give?
                """,
                de: """
                Sieh dir an, warum ein normierter Kopf das Logit begrenzt. Normiere die Query q = [3, −1, 0, 2] eines Kopfes mit Layer Norm: echo '{"variant":"layer","shape":[1,4],"x":[3,-1,0,2]}' | normtui compute --input - --lang de. Prüfe, dass das y, das du bekommst, die Länge √4 = 2 hat (bis auf ε). Wie groß kann q·k/√4 für zwei solche Vektoren höchstens werden?
                """),
            hint: Localized(
                en: "Layer norm gives mean 0 and variance 1 over the d values, so Σ y² = d and |y| = √d. By Cauchy–Schwarz q·k ≤ |q|·|k| = d, so q·k/√d ≤ √d: 2 here, √8 ≈ 2.8 in the lesson's heads.",
                de: "Layer Norm liefert Mittelwert 0 und Varianz 1 über die d Werte, also Σ y² = d und |y| = √d. Nach Cauchy-Schwarz ist q·k ≤ |q|·|k| = d, also q·k/√d ≤ √d: hier 2, in den Köpfen der Lektion √8 ≈ 2,8.")))
}

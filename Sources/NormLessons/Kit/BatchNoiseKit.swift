/// Lesson 8's kit: how the noise of the batch mean scales with N, and whether the noisiest
/// batches generalize better — decided by the lesson's claims at step 600.
enum BatchNoiseKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Predict by how much the spread of the batch mean falls when the batch grows fourfold (1/√N), and check it in the column × √N.",
                de: "Vorhersagen, um wie viel die Streuung des Batch-Mittelwerts fällt, wenn der Batch viermal so groß wird (1/√N), und es an der Spalte × √N prüfen."),
            Localized(
                en: "Explain why under Batch Norm the same image gets a different output in every mini-batch, and under Instance Norm not.",
                de: "Erklären, warum dasselbe Bild mit Batch Norm in jedem Mini-Batch eine andere Ausgabe bekommt und mit Instance Norm nicht."),
            Localized(
                en: "Tell a small gap between training and held-out accuracy that comes from good generalization from one that comes from a network that has learned less.",
                de: "Eine kleine Lücke zwischen der Genauigkeit auf den Trainingsbildern und auf den zurückgehaltenen Bildern, die von guter Generalisierung kommt, von einer unterscheiden, die von einem Netz kommt, das weniger gelernt hat."),
        ],
        formula: Localized(
            en: """
            Batch Norm in layer 1, per channel c over the mini-batch of N images and their 8×8 positions: μ_B = mean of the N·64 values, σ_B² their variance, y = γ·(x − μ_B)/√(σ_B² + ε) + β, ε = 10⁻⁵.
            The noise: the standard deviation of μ_B over 16 random batches, in units of the channel's σ, about ∝ 1/√N: from N = 4 to 16 to 64, ÷ 2 each time.
            Training: N = 4, 16, 64, lr 0.05, momentum 0.9, a measurement every 50 steps; the claims about accuracy average the measurements of steps 300–600. Images seen after 600 steps: 600·4 = 2400 at N = 4, sixteen times as many at N = 64.
            """,
            de: """
            Batch Norm in Schicht 1, je Kanal c über den Mini-Batch aus N Bildern und ihre 8×8 Positionen: μ_B = Mittelwert der N·64 Werte, σ_B² ihre Varianz, y = γ·(x − μ_B)/√(σ_B² + ε) + β, ε = 10⁻⁵.
            Das Rauschen: die Standardabweichung von μ_B über 16 zufällige Batches, in σ des Kanals, etwa ∝ 1/√N: von N = 4 über 16 zu 64 jedes Mal ÷ 2.
            Training: N = 4, 16, 64, Lernrate 0,05, Momentum 0,9, eine Messung alle 50 Schritte; die Behauptungen zur Genauigkeit mitteln die Messungen der Schritte 300–600. Gesehene Bilder nach 600 Schritten: 600·4 = 2400 bei N = 4, sechzehnmal so viele bei N = 64.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Three Batch Norm networks at N = 4, 16 and 64. Four times the batch: what happens to the spread of the batch mean μ_B from batch to batch?",
                    de: "Drei Netze mit Batch Norm bei N = 4, 16 und 64. Viermal so große Batches: Was geschieht mit der Streuung des Batch-Mittelwerts μ_B von Batch zu Batch?"),
                answers: [
                    Localized(
                        en: "it stays the same: μ_B is an unbiased estimate at every N",
                        de: "sie bleibt gleich: Der Batch-Mittelwert ist bei jedem N erwartungstreu"),
                    Localized(en: "it halves (1/√N)", de: "sie halbiert sich (1/√N)"),
                    Localized(en: "it falls to a quarter (1/N)", de: "sie fällt auf ein Viertel (1/N)"),
                    Localized(
                        en: "it grows: more images bring more different values into the batch",
                        de: "sie wächst: Mehr Bilder bringen mehr verschiedene Werte in den Batch"),
                ],
                answer: 1, when: ["noise-falls-as-one-over-root-n"],
                explanation: Localized(
                    en: "μ_B is a mean over N images: its standard deviation falls like 1/√N, as for any mean of independent samples. Four times the batch, half the spread — the column × √N stays about the same. Unbiased only means it is right on average, not that it does not scatter. The spread of σ_B² falls too.",
                    de: "μ_B ist ein Mittelwert über N Bilder: Seine Standardabweichung fällt wie 1/√N, wie bei jedem Mittelwert unabhängiger Stichproben. Viermal so große Batches, halb so viel Streuung — die Spalte × √N bleibt etwa gleich. Erwartungstreu heißt nur, dass der Batch-Mittelwert im Mittel richtig liegt, nicht, dass er nicht streut. Die Streuung von σ_B² fällt ebenfalls.")),
            PredictQuestion(
                prompt: Localized(
                    en: "N = 4 has the noisiest batch statistics. Averaged over steps 300–600, how does it do against N = 64?",
                    de: "N = 4 hat die verrauschtesten Batch-Statistiken. Wie schneidet es im Mittel über die Schritte 300–600 gegen N = 64 ab?"),
                answers: [
                    Localized(
                        en: "better on the held-out images: the noise regularizes",
                        de: "besser auf den zurückgehaltenen Bildern: Das Rauschen regularisiert"),
                    Localized(
                        en: "within 5 points of N = 64 on the held-out images",
                        de: "auf den zurückgehaltenen Bildern höchstens 5 Punkte von N = 64 entfernt"),
                    Localized(
                        en: "more than 5 points behind, on the held-out and on the training images: it has learned less",
                        de: "mehr als 5 Punkte zurück, auf den zurückgehaltenen und auf den Trainingsbildern: Es hat weniger gelernt"),
                    Localized(
                        en: "more than 5 points behind on the held-out images, but not on the training images: it overfits",
                        de: "mehr als 5 Punkte zurück auf den zurückgehaltenen Bildern, aber nicht auf den Trainingsbildern: Es ist überangepasst"),
                ],
                claimIDs: ["small-batches-behind-on-held-out", "small-batches-behind-on-training"],
                explanation: Localized(
                    en: "The noise does regularize (Luo et al. 2019), but a regularizer helps only where a network overfits — and on these digits even N = 64 barely does. At equal steps N = 4 has also seen 16 times fewer images, with noisier steps: it is behind on the training images too.",
                    de: "Das Rauschen regularisiert zwar (Luo et al. 2019), aber ein Regularisierer hilft nur, wo ein Netz überanpasst — und auf diesen Ziffern tut das selbst N = 64 kaum. Nach gleich vielen Schritten hat N = 4 außerdem sechzehnmal weniger Bilder gesehen, mit verrauschteren Schritten: Es liegt auch auf den Trainingsbildern zurück.")
            ) { held in
                // Behind on the held-out images decides c) or d); whether it is behind on the
                // training images too tells them apart. Not behind: the claims say no more.
                guard held["small-batches-behind-on-held-out"] == true else { return nil }
                return held["small-batches-behind-on-training"] == true ? 2 : 3
            },
        ],
        discussion: [
            Localized(
                en: "After 600 steps N = 4 has seen 16 times fewer images than N = 64. Is the comparison fair? Design a fairer one, and say which question each design answers.",
                de: "Nach 600 Schritten hat N = 4 sechzehnmal weniger Bilder gesehen als N = 64. Ist der Vergleich fair? Entwirf einen faireren und sag, welche Frage jeder Entwurf beantwortet."),
            Localized(
                en: "The glossary says the noise of the batch statistics promotes generalization. On these digits it does not. What would a task need for the noise to help, and how would you see it in the gap column?",
                de: "Das Glossar sagt, das Rauschen der Batch-Statistiken fördere die Generalisierungsfähigkeit. Auf diesen Ziffern tut es das nicht. Was müsste eine Aufgabe mitbringen, damit das Rauschen hilft, und woran würdest du es in der Spalte „Lücke“ sehen?"),
            Localized(
                en: "A single measurement of N = 4 jumps by several points from one to the next. Why do the claims compare means over steps 300–600, and what could go wrong with one step?",
                de: "Eine einzelne Messung von N = 4 springt von einer zur nächsten um mehrere Punkte. Warum vergleichen die Behauptungen Mittelwerte über die Schritte 300–600, und was könnte bei einem einzelnen Schritt schiefgehen?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Work out the noise by hand, with image A = [1, 3] (one channel, 1×2 positions) in two mini-batches of two images each. Run echo '{"variant":"batch","shape":[2,1,1,2],"x":[1,3,5,7]}' | normtui compute --input - and the same with "x":[1,3,-1,1]. How does A's output change with its partner? Then run both with "variant":"instance".
                """,
                de: """
                Rechne das Rauschen von Hand nach, mit Bild A = [1, 3] (ein Kanal, 1×2 Positionen) in zwei Mini-Batches aus je zwei Bildern. Führe echo '{"variant":"batch","shape":[2,1,1,2],"x":[1,3,5,7]}' | normtui compute --input - --lang de aus und dasselbe mit "x":[1,3,-1,1]. Wie ändert sich die Ausgabe von A mit seinem Partner? Führe dann beide mit "variant":"instance" aus.
                """),
            hint: Localized(
                en: "Batch Norm takes μ and σ² from all four values, so the partner image moves them, and with them A's output. Instance Norm takes them from A's two values alone.",
                de: "Batch Norm nimmt μ und σ² aus allen vier Werten, das Partnerbild verschiebt sie also und mit ihnen die Ausgabe von A. Instance Norm nimmt sie allein aus den zwei Werten von A.")))
}

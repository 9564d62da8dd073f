/// Lesson 4's kit: after which layer every picture has σ = 1 (the claims on the pictures before
/// training), and which network is ahead at the end (the claim at 800).
enum InstanceStyleKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say over which values Instance Norm computes μ and σ (one image, one channel, its 8×8 positions), and why that removes an image's contrast and brightness.",
                de: "Sagen, über welche Werte Instance Norm μ und σ berechnet (ein Bild, ein Kanal, seine 8×8 Positionen), und warum das Kontrast und Helligkeit eines Bildes entfernt."),
            Localized(
                en: "Explain why Batch Norm leaves the ratio of the contrasts between images exactly as it was.",
                de: "Erklären, warum Batch Norm das Verhältnis der Kontraste zwischen den Bildern genau so lässt, wie es war."),
            Localized(
                en: "Tell Instance, Group and Layer Norm apart by what they leave of the contrast in one channel.",
                de: "Instance, Group und Layer Norm danach unterscheiden, was sie in einem Kanal vom Kontrast übrig lassen."),
        ],
        formula: Localized(
            en: """
            Each image is s·x + b, contrast s = 0.2…5, brightness b = −3…+3; the first 3×3 convolution makes it about s·conv(x) + b·Σw.
            Instance Norm per image n and channel c, over its 8×8 = 64 positions: y = (x − μ_nc)/√(σ_nc² + ε), ε = 10⁻⁵; μ_nc and σ_nc carry s and b along, so they cancel.
            Batch Norm: μ_c and σ_c over the mini-batch of 32 images and their positions. Group Norm: 4 groups of 4 of the 16 channels, per image. Layer Norm: all 16 channels, per image.
            """,
            de: """
            Jedes Bild ist s·x + b, Kontrast s = 0,2…5, Helligkeit b = −3…+3; die erste 3×3-Faltung macht daraus etwa s·conv(x) + b·Σw.
            Instance Norm pro Bild n und Kanal c, über seine 8×8 = 64 Positionen: y = (x − μ_nc)/√(σ_nc² + ε), ε = 10⁻⁵; μ_nc und σ_nc tragen s und b mit, sodass sich s und b aufheben.
            Batch Norm: μ_c und σ_c über den Mini-Batch aus 32 Bildern und ihre Positionen. Group Norm: 4 Gruppen aus je 4 der 16 Kanäle, pro Bild. Layer Norm: alle 16 Kanäle, pro Bild.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Each image shows a shape, with its own contrast and brightness. After which layers does every image have σ = 1 in the channel shown?",
                    de: "Jedes Bild zeigt eine Form, mit eigenem Kontrast und eigener Helligkeit. Nach welchen Schichten hat jedes Bild im gezeigten Kanal σ = 1?"),
                answers: [
                    Localized(en: "Batch Norm and Instance Norm", de: "Batch Norm und Instance Norm"),
                    Localized(en: "only Instance Norm", de: "nur Instance Norm"),
                    Localized(en: "Instance, Group and Layer Norm: all three work per image", de: "Instance, Group und Layer Norm: Alle drei arbeiten pro Bild"),
                    Localized(en: "all four", de: "alle vier"),
                ],
                answer: 1, when: ["in-mean-0-std-1", "bn-keeps-contrast-ratio", "group-layer-remove-most"],
                explanation: Localized(
                    en: "Instance Norm divides each image's channel by its own σ: s cancels. Batch Norm's σ is shared by the whole mini-batch: every image is scaled alike, and the ratio of their contrasts stays. Group and Layer Norm divide by one σ per image over several channels, which mixes this channel with the others: its σ does not come out 1.",
                    de: "Instance Norm teilt den Kanal jedes Bildes durch sein eigenes σ: s hebt sich auf. Bei Batch Norm teilt sich der ganze Mini-Batch ein σ: Alle Bilder werden gleich skaliert, und das Verhältnis ihrer Kontraste bleibt. Group und Layer Norm teilen pro Bild durch ein σ über mehrere Kanäle, das diesen Kanal mit den anderen vermischt: Sein σ wird nicht 1.")),
            PredictQuestion(
                prompt: Localized(
                    en: "A Batch Norm and an Instance Norm network train on these images. Which is ahead on held-out images on average over steps 600–800?",
                    de: "Ein Batch-Norm- und ein Instance-Norm-Netz trainieren auf diesen Bildern. Welches liegt auf zurückgehaltenen Bildern im Mittel über die Schritte 600–800 vorn?"),
                answers: [
                    Localized(en: "Batch Norm: shared statistics are steadier", de: "Batch Norm: Gemeinsame Statistiken sind stabiler"),
                    Localized(en: "neither: by then both are near 100%", de: "keines: Bis dahin liegen beide nahe 100 %"),
                    Localized(en: "Instance Norm: it has no style to undo", de: "Instance Norm: Das Netz muss keinen Stil rückgängig machen"),
                ],
                answer: 2, when: ["in-ahead-on-average-from-600"],
                explanation: Localized(
                    en: "At first Batch Norm is often ahead. Later the Instance Norm network, which removes each image's contrast in every normalized layer, stays above 95 %, while the Batch Norm network's accuracy, measured in eval mode with running statistics over images of very different contrast, jumps about more.",
                    de: "Anfangs liegt oft Batch Norm vorn. Später bleibt das Instance-Norm-Netz, das in jeder normalisierten Schicht den Kontrast jedes Bildes entfernt, über 95 %, während die Genauigkeit des Batch-Norm-Netzes, gemessen im Inferenzmodus mit laufenden Statistiken über Bilder sehr unterschiedlichen Kontrasts, stärker schwankt.")),
        ],
        discussion: [
            Localized(
                en: "Instance Norm removes every feature map's μ and σ, not only the style. What could they have told the network about the content (think of a filter that responds to a ring)? Could that explain the slower start?",
                de: "Instance Norm entfernt μ und σ jeder Feature-Map, nicht nur den Stil. Was könnten sie dem Netz über den Inhalt verraten haben (denk an einen Filter, der auf einen Ring anspricht)? Könnte das den langsameren Start erklären?"),
            Localized(
                en: "In training Batch Norm's μ and σ come from a mini-batch of 32 images with contrast ×0.2 to ×5 and change with every mini-batch; in eval mode it uses running statistics instead. Why might the Batch Norm network's held-out accuracy jump about?",
                de: "Im Training stammen μ und σ von Batch Norm aus einem Mini-Batch von 32 Bildern mit Kontrast ×0,2 bis ×5 und ändern sich mit jedem Mini-Batch; im Inferenzmodus verwendet Batch Norm stattdessen laufende Statistiken. Warum könnte die Genauigkeit des Batch-Norm-Netzes auf zurückgehaltenen Daten deshalb schwanken?"),
            Localized(
                en: "For which tasks would removing each image's brightness and contrast be wrong (think of day and night photos, or X-ray images)?",
                de: "Für welche Aufgaben wäre es falsch, Helligkeit und Kontrast jedes Bildes zu entfernen (denk an Tag- und Nachtfotos oder Röntgenbilder)?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Two 2×2 images, the second 5 × the first + 3:
                echo '{"variant": "instance", "shape": [2, 1, 2, 2], "x": [0, 1, 2, 3, 3, 8, 13, 18]}' | normtui compute --input -
                Compare the two images' y, then run it again with "batch". What is the same, and what not?
                """,
                de: """
                Zwei 2×2-Bilder, das zweite ist 5 × das erste + 3:
                echo '{"variant": "instance", "shape": [2, 1, 2, 2], "x": [0, 1, 2, 3, 3, 8, 13, 18]}' | normtui compute --input -
                Vergleiche y der beiden Bilder, dann führe es noch einmal mit "batch" aus. Was ist gleich, was nicht?
                """),
            hint: Localized(
                en: "Per image, μ₂ = 5·μ₁ + 3 and σ₂ = 5·σ₁, so (x − μ)/σ is the same for both. Batch Norm has one μ and σ for both images: the second keeps 5 times the spread of the first.",
                de: "Pro Bild gilt μ₂ = 5·μ₁ + 3 und σ₂ = 5·σ₁, also ist (x − μ)/σ für beide gleich. Batch Norm hat ein μ und ein σ für beide Bilder: Das zweite behält die 5-fache Streuung des ersten.")))
}

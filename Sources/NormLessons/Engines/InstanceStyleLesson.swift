/// Lesson 4, "Instance Normalization — Stil-Transfer": normalizing each image's feature map by
/// its own μ and σ removes the image's contrast and brightness, its "style"; batch norm, whose
/// statistics the whole batch shares, leaves them in (Ulyanov et al. 2016).
public enum InstanceStyleLesson {
    public static let lesson = Lesson(
        id: "instance-style", number: 4, section: "Instance Normalization — Stil-Transfer",
        title: Localized(en: "Instance Norm removes contrast and brightness", de: "Instance Norm entfernt Kontrast und Helligkeit"),
        summary: Localized(
            en: "images of varying contrast and brightness: instance norm removes it per image, batch norm does not",
            de: "Bilder mit wechselndem Kontrast und wechselnder Helligkeit: Instance Norm entfernt sie pro Bild, Batch Norm nicht"),
        pages: [
            LessonPage(
                title: Localized(en: "What to look at", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Simple shapes (the class), each image with its own contrast (×0.2…5) and brightness (−3…+3): its "style".

                    Top: four images, and one channel of the first convolution's output for them — before normalization, after Batch Norm, after Instance Norm (v: Group, Layer). One grey scale per row, so a weak image looks pale.

                    Under each picture: μ/σ of that picture. After Instance Norm every picture has μ = 0 and σ = 1; after Batch Norm the contrast differences are all still there.
                    """,
                    de: """
                    Die Bilder zeigen einfache Formen (die Klasse); jedes hat einen eigenen Kontrast (×0,2…5) und eine eigene Helligkeit (−3…+3): seinen „Stil“.

                    Oben stehen vier Bilder und für sie ein Kanal der Ausgabe der ersten Faltung — vor der Normalisierung, nach Batch Norm, nach Instance Norm (v: Group, Layer). Jede Zeile hat eine gemeinsame Grauskala, ein kontrastschwaches Bild wirkt also blass.

                    Unter jedem Bild steht μ/σ dieses Bildes. Nach Instance Norm hat jedes Bild μ = 0 und σ = 1; nach Batch Norm sind alle Kontrastunterschiede noch vorhanden.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    A convolution is linear: an image s·x + b gives a feature map of about s·conv(x) + b·Σw. Instance Norm subtracts from each image's map its own μ and divides by its own σ — s and b cancel, up to the zero padding at the border.

                    Batch Norm's μ and σ are shared by the whole batch: it shifts and scales every image alike, so the ratio of contrasts stays exactly as it was (the same max/min before and after).

                    Group and Layer Norm also normalize per image, but over several channels at once: they remove part of the contrast, not all of it per channel — they shrink the max/min of σ, but leave it above 1.2.
                    """,
                    de: """
                    Eine Faltung ist linear: Aus einem Bild s·x + b wird eine Feature-Map von etwa s·conv(x) + b·Σw. Instance Norm zieht von der Feature-Map jedes Bildes ihr eigenes μ ab und teilt durch ihr eigenes σ — s und b heben sich auf, bis auf den Einfluss des Zero-Paddings am Rand.

                    Bei Batch Norm teilt sich der ganze Batch dieselben μ und σ: Alle Bilder werden gleich verschoben und skaliert, das Verhältnis der Kontraste bleibt also genau, wie es war (vorher und nachher dasselbe max/min).

                    Group und Layer Norm normalisieren ebenfalls pro Bild, aber über mehrere Kanäle zugleich: Sie entfernen einen Teil des Kontrasts, pro Kanal aber nicht alles — sie verkleinern das max/min von σ, es bleibt aber über 1,2.
                    """)),
            LessonPage(
                title: Localized(en: "Style transfer", de: "Stil-Transfer"),
                text: Localized(
                    en: """
                    Ulyanov et al. (2016) replaced Batch Norm by Instance Norm in style-transfer networks: the contrast of the content image is "style" the network should not have to undo. Removing it per image keeps the content — the layout of the shapes — and drops the style.

                    Press space: a Batch Norm and an Instance Norm network train on this data; the bottom line shows their held-out accuracy (eval mode, every 25 steps). Which one is ahead in the first few hundred steps depends on the seed (Batch Norm on most). From step 600 to 800 Instance Norm stays above 95% and is ahead on average, while Batch Norm, with running statistics over images of very different contrast, jumps about more.
                    """,
                    de: """
                    Ulyanov et al. (2016) ersetzten in Stil-Transfer-Netzen Batch Norm durch Instance Norm: Der Kontrast des Inhaltsbildes ist „Stil“, und das Netz soll ihn nicht erst selbst rückgängig machen müssen. Entfernt man ihn pro Bild, bleibt der Inhalt — die Lage der Formen — erhalten, und der Stil fällt weg.

                    Drücke die Leertaste: Ein Batch-Norm- und ein Instance-Norm-Netz trainieren auf diesen Daten; die unterste Zeile zeigt ihre Genauigkeit auf zurückgehaltenen Testdaten (Inferenzmodus, alle 25 Schritte). Welches Netz in den ersten paar hundert Schritten vorn liegt, hängt vom Seed ab (meist Batch Norm). Von Schritt 600 bis 800 bleibt Instance Norm über 95 % und liegt im Mittel vorn, während Batch Norm, mit laufenden Statistiken über Bilder sehr unterschiedlichen Kontrasts, stärker schwankt.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { InstanceStyleEngine(seeds: $0) })

    /// Pages 1 and 2 on the pictures before training (channel 0 of the held-out batch), and
    /// page 3 on the held-out accuracy of the two networks (evaluated every 25 steps).
    static let claims: [Claim] = [
        .on(InstanceStyleEngine.self, id: "in-mean-0-std-1", text: Localized(
                en: "After Instance Norm every picture has μ = 0 and σ = 1.",
                de: "Nach Instance Norm hat jedes Bild μ = 0 und σ = 1."),
            step: 0
        ) { engine, seed in
            let statistics = engine.planes(seed: seed).after[.instance]!.statistics
            let mean = statistics.map { abs($0.mean) }.max() ?? .nan, std = statistics.map { abs($0.std - 1) }.max() ?? .nan
            return Verdict(holds: mean < 1e-3 && std < 1e-3, measured: Localized(
                en: "largest |μ| \(MeasuredNumber.short(mean)), largest |σ − 1| \(MeasuredNumber.short(std))",
                de: "größtes |μ| \(MeasuredNumber.short(mean, .de)), größtes |σ − 1| \(MeasuredNumber.short(std, .de))"))
        },
        .on(InstanceStyleEngine.self, id: "bn-keeps-contrast-ratio", text: Localized(
                en: "After Batch Norm the contrast differences are all still there: the same max/min of σ before and after.",
                de: "Nach Batch Norm sind alle Kontrastunterschiede noch vorhanden: Das max/min von σ ist vorher und nachher dasselbe."),
            step: 0
        ) { engine, seed in
            let (_, before, after) = engine.planes(seed: seed)
            let ratio = InstanceStyleEngine.spread(before), batch = InstanceStyleEngine.spread(after[.batch]!)
            return Verdict(holds: abs(batch / ratio - 1) < 1e-4, measured: Localized(
                en: "σ max/min: before ×\(MeasuredNumber.short(ratio)), after Batch Norm ×\(MeasuredNumber.short(batch))",
                de: "σ max/min: vorher ×\(MeasuredNumber.short(ratio, .de)), nach Batch Norm ×\(MeasuredNumber.short(batch, .de))"))
        },
        .on(InstanceStyleEngine.self, id: "group-layer-remove-most", text: Localized(
                en: "Group and Layer Norm remove part of the contrast, not all of it per channel: they shrink the max/min of σ, but leave it above 1.2.",
                de: "Group und Layer Norm entfernen einen Teil des Kontrasts, pro Kanal aber nicht alles: Sie verkleinern das max/min von σ, es bleibt aber über 1,2."),
            step: 0
        ) { engine, seed in
            let (_, before, after) = engine.planes(seed: seed)
            let ratio = InstanceStyleEngine.spread(before)
            let group = InstanceStyleEngine.spread(after[.group]!), layer = InstanceStyleEngine.spread(after[.layer]!)
            return Verdict(holds: [group, layer].allSatisfy { $0 < ratio && $0 > 1.2 }, measured: Localized(
                en: "σ max/min: before ×\(MeasuredNumber.short(ratio)), Group ×\(MeasuredNumber.short(group)), Layer ×\(MeasuredNumber.short(layer))",
                de: "σ max/min: vorher ×\(MeasuredNumber.short(ratio, .de)), Group ×\(MeasuredNumber.short(group, .de)), Layer ×\(MeasuredNumber.short(layer, .de))"))
        },
        .on(InstanceStyleEngine.self, id: "in-above-95-from-600", text: Localized(
                en: "From step 600 to 800 Instance Norm's held-out accuracy stays above 95%.",
                de: "Von Schritt 600 bis 800 bleibt die Genauigkeit von Instance Norm auf zurückgehaltenen Daten über 95 %."),
            step: 800
        ) { engine, seed in
            let lowest = late(engine, 1, seed: seed).min() ?? 0
            return Verdict(holds: lowest > 0.95, measured: Localized(
                en: "Instance Norm at its lowest: \(MeasuredNumber.percent(lowest))",
                de: "Instance Norm am niedrigsten: \(MeasuredNumber.percent(lowest, .de))"))
        },
        .on(InstanceStyleEngine.self, id: "in-ahead-on-average-from-600", text: Localized(
                en: "From step 600 to 800 Instance Norm is ahead of Batch Norm on average.",
                de: "Von Schritt 600 bis 800 liegt Instance Norm im Mittel vor Batch Norm."),
            step: 800
        ) { engine, seed in
            let batch = mean(late(engine, 0, seed: seed)), instance = mean(late(engine, 1, seed: seed))
            return Verdict(holds: instance > batch, measured: accuracies(batch, instance, prefix: Localized(en: "mean: ", de: "Mittel: ")))
        },
        .on(InstanceStyleEngine.self, id: "bn-jumps-more-from-600", text: Localized(
                en: "From step 600 to 800 Batch Norm's held-out accuracy jumps about more than Instance Norm's.",
                de: "Von Schritt 600 bis 800 schwankt die Genauigkeit von Batch Norm auf zurückgehaltenen Daten stärker als die von Instance Norm."),
            step: 800
        ) { engine, seed in
            let batch = span(late(engine, 0, seed: seed)), instance = span(late(engine, 1, seed: seed))
            return Verdict(holds: batch > instance, measured: Localized(
                en: "highest − lowest: Batch Norm \(MeasuredNumber.percent(batch)), Instance Norm \(MeasuredNumber.percent(instance))",
                de: "höchste − niedrigste: Batch Norm \(MeasuredNumber.percent(batch, .de)), Instance Norm \(MeasuredNumber.percent(instance, .de))"))
        },
    ]

    /// Run `index`'s held-out accuracies evaluated at steps 600 to 800.
    private static func late(_ engine: InstanceStyleEngine, _ index: Int, seed: Int) -> [Double] {
        engine.heldOutAccuracies(index, seed: seed).filter { (600...800).contains($0.step) }.map(\.accuracy)
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Highest minus lowest.
    private static func span(_ values: [Double]) -> Double {
        (values.max() ?? .nan) - (values.min() ?? .nan)
    }

    private static func accuracies(_ batch: Double, _ instance: Double, prefix: Localized = Localized(en: "", de: "")) -> Localized {
        Localized(
            en: "\(prefix.en)Batch Norm \(MeasuredNumber.percent(batch)), Instance Norm \(MeasuredNumber.percent(instance))",
            de: "\(prefix.de)Batch Norm \(MeasuredNumber.percent(batch, .de)), Instance Norm \(MeasuredNumber.percent(instance, .de))")
    }
}

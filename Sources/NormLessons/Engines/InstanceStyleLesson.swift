/// Lesson 9, "Instance Normalization — Stil-Transfer": normalizing each image's feature map by
/// its own μ and σ removes the image's contrast and brightness, its "style"; batch norm, whose
/// statistics the whole batch shares, leaves them in (Ulyanov et al. 2016).
public enum InstanceStyleLesson {
    public static let lesson = Lesson(
        id: "instance-style", number: 9, section: "Instance Normalization — Stil-Transfer",
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
                    Einfache Formen (die Klasse), jedes Bild mit eigenem Kontrast (×0,2…5) und eigener Helligkeit (−3…+3): sein „Stil“.

                    Oben: vier Bilder und ein Kanal der Ausgabe der ersten Faltung für sie — vor der Normalisierung, nach Batch Norm, nach Instance Norm (v: Group, Layer). Eine Grauskala je Reihe, ein schwaches Bild wirkt also blass.

                    Unter jedem Bild: μ/σ dieses Bildes. Nach Instance Norm hat jedes Bild μ = 0 und σ = 1; nach Batch Norm sind die Kontrastunterschiede alle noch da.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    A convolution is linear: an image s·x + b gives a feature map of about s·conv(x) + b·Σw. Instance Norm divides each image's map by its own σ and subtracts its own μ — s and b cancel, up to the zero padding at the border.

                    Batch Norm's μ and σ are shared by the whole batch: it shifts and scales every image alike, so the ratio of contrasts stays exactly as it was (the same max/min before and after).

                    Group and Layer Norm also normalize per image, but over several channels at once: they remove most of the contrast, not all of it per channel.
                    """,
                    de: """
                    Eine Faltung ist linear: aus einem Bild s·x + b wird eine Feature-Map von etwa s·conv(x) + b·Σw. Instance Norm teilt die Map jedes Bildes durch ihr eigenes σ und zieht ihr eigenes μ ab — s und b heben sich auf, bis auf das Zero-Padding am Rand.

                    Die μ und σ von Batch Norm teilt sich die ganze Batch: alle Bilder werden gleich verschoben und skaliert, das Verhältnis der Kontraste bleibt genau, wie es war (dasselbe max/min vorher und nachher).

                    Group und Layer Norm normalisieren ebenfalls pro Bild, aber über mehrere Kanäle zugleich: sie entfernen den größten Teil des Kontrasts, nicht aber pro Kanal alles.
                    """)),
            LessonPage(
                title: Localized(en: "Style transfer", de: "Stil-Transfer"),
                text: Localized(
                    en: """
                    Ulyanov et al. (2016) replaced Batch Norm by Instance Norm in style-transfer networks: the contrast of the content image is "style" the network should not have to undo. Removing it per image keeps the content — the layout of the shapes — and drops the style.

                    Press space: a Batch Norm and an Instance Norm network train on this data. Both learn it; the bottom line shows their held-out accuracy (eval mode) as they go — Batch Norm's, with running statistics over images of very different contrast, jumps about more.
                    """,
                    de: """
                    Ulyanov et al. (2016) ersetzten in Stil-Transfer-Netzen Batch Norm durch Instance Norm: der Kontrast des Inhaltsbildes ist „Stil“, den das Netz nicht erst rückgängig machen soll. Entfernt man ihn pro Bild, bleibt der Inhalt — die Lage der Formen — und der Stil fällt weg.

                    Drücke die Leertaste: ein Batch-Norm- und ein Instance-Norm-Netz trainieren auf diesen Daten. Beide lernen sie; die unterste Zeile zeigt ihre Genauigkeit auf zurückgehaltenen Daten (Eval-Modus) im Verlauf — die von Batch Norm, mit laufenden Statistiken über Bilder sehr verschiedenen Kontrasts, springt stärker.
                    """)),
        ],
        makeEngine: { InstanceStyleEngine(seeds: $0) })
}

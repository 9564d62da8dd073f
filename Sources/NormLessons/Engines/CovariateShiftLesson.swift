import NormMath

/// Lesson 2, "Reduzierung der internen Kovariatverschiebung": the distribution of one unit's
/// input over training, with and without batch norm — the 15th, 50th and 85th percentiles as
/// Ioffe & Szegedy (2015, Fig. 1) plot them, and the histograms over time.
public enum CovariateShiftLesson {
    public static let lesson = Lesson(
        id: "covariate-shift", number: 2, section: "Reduzierung der internen Kovariatverschiebung",
        title: Localized(en: "Internal covariate shift", de: "Interne Kovariatverschiebung"),
        summary: Localized(
            en: "one unit's input distribution over training: percentiles and histograms, with and without batch norm",
            de: "die Eingabeverteilung einer Einheit im Training: Perzentile und Histogramme, mit und ohne Batch Norm"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Two copies of one network (same seed, data, initial weights, lr 0.05), one with Batch Norm, one without. Each column follows one channel of layer 3: the values its ReLU receives on a fixed batch of held-out images.

                    Top: the 15th, 50th and 85th percentile over the steps (Ioffe & Szegedy 2015, Fig. 1). Below: the histogram every 10 steps, oldest at the top.

                    Press space and watch the bottom line of each column: how much wider the middle 70% has become since the start.
                    """,
                    de: """
                    Zwei Kopien eines Netzes (gleicher Seed, gleiche Daten und Startgewichte, Lernrate 0,05), eine mit Batch Norm, eine ohne. Jede Spalte verfolgt einen Kanal von Schicht 3: die Werte, die seine ReLU auf einem festen Batch zurückgehaltener Bilder bekommt.

                    Oben: das 15., 50. und 85. Perzentil über die Schritte (Ioffe & Szegedy 2015, Abb. 1). Darunter: das Histogramm alle 10 Schritte, das älteste oben.

                    Drücke die Leertaste und beobachte die unterste Zeile jeder Spalte: um wie viel breiter die mittleren 70 % seit dem Start geworden sind.
                    """)),
            LessonPage(
                title: Localized(en: "What happens", de: "Was passiert"),
                text: Localized(
                    en: """
                    Without normalization, every update of layers 1 and 2 changes what layer 3 receives: in 300 steps the middle 70% of this channel's input becomes about 30 times wider. Layer 3 has to keep re-adapting to a moving input — the internal covariate shift.

                    With Batch Norm the input of the ReLU is (x − μ)/σ·γ + β: its location and width are set by γ and β alone. They learn too, so the distribution still moves — here about 3× wider in 300 steps — but slowly, and only where the loss asks for it.
                    """,
                    de: """
                    Ohne Normalisierung ändert jedes Update der Schichten 1 und 2, was Schicht 3 bekommt: in 300 Schritten werden die mittleren 70 % der Eingabe dieses Kanals etwa 30-mal breiter. Schicht 3 muss sich ständig an eine wandernde Eingabe anpassen — die interne Kovariatverschiebung.

                    Mit Batch Norm ist die Eingabe der ReLU (x − μ)/σ·γ + β: Lage und Breite bestimmen allein γ und β. Auch sie lernen, die Verteilung bewegt sich also noch — hier in 300 Schritten etwa 3-mal breiter —, aber langsam, und nur wo der Verlust es verlangt.
                    """)),
            LessonPage(
                title: Localized(en: "Keys and caveats", de: "Tasten und Vorbehalte"),
                text: Localized(
                    en: """
                    [ and ] choose the layer, c and C the channel; the curves then start again from the current step.

                    Layer 1 barely shifts in either network: its input is the images, which do not change. The shift builds up with depth.

                    Reducing internal covariate shift was the original explanation of Batch Norm (Ioffe & Szegedy 2015). Santurkar et al. (2018) showed that networks train well even when noise is injected after Batch Norm to shift the distributions again — the smoother landscape (lesson 3) may matter more.
                    """,
                    de: """
                    [ und ] wählen die Schicht, c und C den Kanal; die Kurven beginnen dann beim aktuellen Schritt neu.

                    Schicht 1 verschiebt sich in beiden Netzen kaum: ihre Eingabe sind die Bilder, und die ändern sich nicht. Die Verschiebung wächst mit der Tiefe.

                    Die Reduzierung der internen Kovariatverschiebung war die ursprüngliche Erklärung für Batch Norm (Ioffe & Szegedy 2015). Santurkar et al. (2018) zeigten, dass Netze auch dann gut trainieren, wenn nach Batch Norm Rauschen die Verteilungen wieder verschiebt — die glattere Landschaft (Lektion 3) wiegt vielleicht schwerer.
                    """)),
        ],
        makeEngine: { CovariateShiftEngine(seeds: $0) })
}

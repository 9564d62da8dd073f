/// Lesson 11, "Normalizer-Free Networks": no normalization layer at all, made trainable at a
/// large learning rate by adaptive gradient clipping and a careful initialization (Brock et
/// al. 2021) — measured against batch norm and against a plain network.
public enum NormalizerFreeLesson {
    public static let lesson = Lesson(
        id: "normalizer-free", number: 11, section: "Normalizer-Free Networks",
        title: Localized(en: "Normalizer-free: AGC and careful init", de: "Normalizer-Free: AGC und sorgfältige Initialisierung"),
        summary: Localized(
            en: "no normalization, with adaptive gradient clipping and a unit-variance init, against batch norm and a plain net",
            de: "keine Normalisierung, mit adaptivem Gradient-Clipping und Einheitsvarianz-Initialisierung, gegen Batch Norm und ein Netz ohne alles"),
        pages: [
            LessonPage(
                title: Localized(en: "What to do", de: "Was tun"),
                text: Localized(
                    en: """
                    Press space. Four copies of a 6-block conv net — same seed, same batches — train on the digits at a large learning rate (0.2):

                    • Batch Norm;
                    • no normalization;
                    • no normalization + AGC, adaptive gradient clipping;
                    • NF: AGC after a careful initialization that scales every block to σ = 1 on a first batch.

                    The table shows the mean loss of the last 25 steps and the latest held-out accuracy.
                    """,
                    de: """
                    Drücke die Leertaste. Vier Kopien eines Faltungsnetzes mit 6 Blöcken — gleicher Seed, gleiche Batches — trainieren mit großer Lernrate (0,2) auf den Ziffern:

                    • Batch Norm;
                    • ohne Normalisierung;
                    • ohne Normalisierung + AGC, adaptives Gradient-Clipping;
                    • NF: AGC nach einer sorgfältigen Initialisierung, die jeden Block auf einer ersten Batch auf σ = 1 skaliert.

                    Die Tabelle zeigt den mittleren Verlust der letzten 25 Schritte und die letzte Genauigkeit auf zurückgehaltenen Daten.
                    """)),
            LessonPage(
                title: Localized(en: "Adaptive gradient clipping", de: "Adaptives Gradient-Clipping"),
                text: Localized(
                    en: """
                    Normalization keeps every step small relative to the weights: scaling W by k scales its gradient by 1/k. Without it, one large step can blow a layer up or kill its ReLUs — the plain network here dies at once and stays at chance (10%).

                    AGC (Brock et al. 2021) restores the bound by hand: for every unit i (one output's row of weights), if ‖G_i‖/‖W_i‖ > λ, the gradient is scaled down to ‖G_i‖ = λ·‖W_i‖. No step then changes a unit by more than lr·λ of its size.

                    "clipped" is the share of units clipped at the last step.
                    """,
                    de: """
                    Normalisierung hält jeden Schritt klein im Verhältnis zu den Gewichten: skaliert man W mit k, skaliert der Gradient mit 1/k. Ohne sie kann ein großer Schritt eine Schicht explodieren lassen oder ihre ReLUs abtöten — das Netz ohne alles stirbt hier sofort und bleibt auf Zufallsniveau (10 %).

                    AGC (Brock et al. 2021) stellt die Schranke von Hand her: für jede Einheit i (die Gewichtszeile eines Ausgangs) wird der Gradient, wenn ‖G_i‖/‖W_i‖ > λ, auf ‖G_i‖ = λ·‖W_i‖ verkleinert. Kein Schritt ändert dann eine Einheit um mehr als lr·λ ihrer Größe.

                    „gekappt“ ist der Anteil der im letzten Schritt gekappten Einheiten.
                    """)),
            LessonPage(
                title: Localized(en: "What happens here", de: "Was hier geschieht"),
                text: Localized(
                    en: """
                    Both clipped networks train where the plain one dies, and reach the 90s in held-out accuracy — but stay behind Batch Norm, and noisier.

                    At this rate almost every unit is clipped at almost every step: AGC works here as a per-unit normalized step. The careful initialization changes little on this shallow net — compare the two AGC rows; the clipping does the work.

                    The glossary's promise, "careful initialization and scaling as a replacement" with fewer operations per step, holds in part: trainable without normalization, not yet as good.
                    """,
                    de: """
                    Beide gekappten Netze trainieren, wo das Netz ohne alles stirbt, und erreichen über 90 % auf zurückgehaltenen Daten — bleiben aber hinter Batch Norm zurück und sind unruhiger.

                    Bei dieser Rate wird fast jede Einheit in fast jedem Schritt gekappt: AGC wirkt hier wie ein pro Einheit normierter Schritt. Die sorgfältige Initialisierung ändert bei diesem flachen Netz wenig — vergleiche die beiden AGC-Zeilen; die Arbeit macht das Clipping.

                    Das Versprechen des Glossars, „sorgfältige Initialisierung und Skalierung als Ersatz“ mit weniger Rechenschritten, hält hier zum Teil: ohne Normalisierung trainierbar, aber noch nicht so gut.
                    """)),
        ],
        makeEngine: { NormalizerFreeEngine(seeds: $0) })
}

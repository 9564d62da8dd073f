/// Lesson 20's kit: choosing a variant from the architecture, the data and the batch size —
/// each answer decided by the row of the table that the question is about.
enum WhichNormKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Choose a normalization for a given architecture, data and batch size, and name the lesson whose result supports the choice.",
                de: "Passend zu Architektur, Daten und Batch-Größe eine Normalisierung wählen und die Lektion nennen, deren Ergebnis die Wahl stützt."),
            Localized(
                en: "Tell a recommendation backed by a measured result from a rule of thumb, and say what a toy result does not show.",
                de: "Eine Empfehlung, die auf einem gemessenen Ergebnis beruht, von einer Faustregel unterscheiden und benennen, was das Ergebnis eines Spielzeugbeispiels nicht zeigt."),
        ],
        formula: Localized(
            en: """
            What decides: which elements share μ and σ² (lesson 1) — over the mini-batch (Batch Norm), over a sample's channels (Layer Norm, RMSNorm without μ), over groups of channels (Group Norm), over one channel of one sample (Instance Norm), over one window of a series (RevIN).
            A row holds on a seed when every claim it cites holds there: the table runs lessons 7, 3, 10, 11, 12, 5, 4, 18, 19 and 16 on the lesson's seed, each up to its cited claims.
            """,
            de: """
            Entscheidend ist, über welche Elemente μ und σ² gemeinsam berechnet werden (Lektion 1): über den Mini-Batch (Batch Norm), über die Kanäle eines Samples (Layer Norm, RMSNorm ohne μ), über Gruppen von Kanälen (Group Norm), über einen Kanal eines Samples (Instance Norm), über ein Fenster einer Zeitreihe (RevIN).
            Eine Zeile gilt für einen Seed, wenn jede Aussage, die sie zitiert, dort gilt: Die Tabelle lässt die Lektionen 7, 3, 10, 11, 12, 5, 4, 18, 19 und 16 mit dem Seed dieser Lektion laufen, jede bis zu den zitierten Aussagen.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "Only 2 images of a segmentation network fit on a GPU, and the last mini-batch of each epoch holds just one. Which normalization do you use?",
                    de: "Bei einem Segmentierungsnetz passen nur 2 Bilder auf eine GPU, und am Ende jeder Epoche bleibt ein Mini-Batch mit nur einem Bild. Welche Normalisierung nimmst du?"),
                answers: [
                    Localized(en: "Batch Norm: it is the standard for CNNs", de: "Batch Norm: Sie ist der Standard für CNNs"),
                    Localized(
                        en: "Group Norm: its statistics do not depend on the batch",
                        de: "Group Norm: Ihre Statistiken hängen nicht vom Batch ab"),
                    Localized(en: "it makes no difference at this size", de: "bei dieser Größe macht es keinen Unterschied"),
                ],
                answer: 1, when: ["cnn-tiny-batch"],
                explanation: Localized(
                    en: "With one image per mini-batch, Batch Norm's μ and σ² come from that image alone in training, and its running statistics do not match them in eval mode: lesson 3's sweep shows the collapse at N = 1, while Group Norm computes the same statistics at every batch size.",
                    de: "Mit einem Bild im Mini-Batch kommen μ und σ² von Batch Norm im Training nur aus diesem Bild, und im Inferenzmodus passen die laufenden Statistiken nicht dazu: Der Sweep in Lektion 3 zeigt den Einbruch bei N = 1, während Group Norm bei jeder Batch-Größe dieselben Statistiken berechnet.")),
            PredictQuestion(
                prompt: Localized(
                    en: "A forecaster is trained on last year's sales; this year the level is higher and the swings are wider. What helps most?",
                    de: "Ein Prognosemodell wird mit den Verkaufszahlen des Vorjahres trainiert; in diesem Jahr ist das Niveau höher und die Schwankungen sind größer. Was hilft am meisten?"),
                answers: [
                    Localized(en: "Batch Norm over the mini-batch of windows", de: "Batch Norm über den Mini-Batch der Fenster"),
                    Localized(
                        en: "RevIN: take each window's level and scale off, and put them back on the forecast",
                        de: "RevIN: Niveau und Skala jedes Fensters herausnehmen und danach wieder auf die Vorhersage anwenden"),
                    Localized(
                        en: "standardizing with last year's mean and standard deviation is enough",
                        de: "es reicht, mit Mittelwert und Standardabweichung des Vorjahres zu standardisieren"),
                ],
                answer: 1, when: ["time-series"],
                explanation: Localized(
                    en: "Last year's statistics are one fixed shift and scale: the new level is still new to the network. RevIN uses each window's own μ and σ, so the network sees only the window's shape; lesson 18 measures the smaller error under the shift.",
                    de: "Die Statistiken des Vorjahres sind eine feste Verschiebung und Skalierung: Das neue Niveau kennt das Netz trotzdem nicht. RevIN nutzt das eigene μ und σ jedes Fensters, das Netz sieht also nur die Form des Fensters; Lektion 18 misst nach der Verschiebung den kleineren Fehler.")),
        ],
        discussion: [
            Localized(
                en: "Each row rests on one toy problem. What would you want to see before trusting a row for your own network — and which lesson comes closest to it?",
                de: "Jede Zeile beruht auf einem Spielzeugbeispiel. Was würdest du sehen wollen, bevor du einer Zeile für dein eigenes Netz vertraust — und welche Lektion kommt dem am nächsten?"),
            Localized(
                en: "The table has no row for a network that uses two variants at once. Where do networks combine them (e.g. AdaIN: instance norm with the style's μ and σ; RMSNorm on q and k inside attention), and what does each part do?",
                de: "Die Tabelle hat keine Zeile für ein Netz, das zwei Varianten zugleich nutzt. Wo kombinieren Netze sie (z. B. AdaIN: Instance Norm mit μ und σ des Stils; RMSNorm auf q und k in der Attention), und was leistet jeder Teil?"),
            Localized(
                en: "Lesson 16's row says a network without normalization trains — behind Batch Norm here. When would you still choose it?",
                de: "Die Zeile zu Lektion 16 sagt: Ein Netz ohne Normalisierung trainiert, bleibt hier aber hinter Batch Norm zurück. Wann würdest du es trotzdem wählen?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Pick one row, press Enter to open its lesson, and find on that lesson's last page the claim the row cites. Then run the same check on five seeds in a shell: normtui lesson NAME --check --seeds 5. On how many seeds does it hold?",
                de: "Wähle eine Zeile, öffne ihre Lektion mit Enter und suche auf deren letzter Seite die Aussage, die die Zeile zitiert. Führe dann in einer Shell dieselbe Prüfung für fünf Seeds aus: normtui lesson NAME --check --seeds 5 --lang de. Bei wie vielen Seeds gilt sie?"),
            hint: Localized(
                en: "NAME is the lesson's id, shown by normtui lessons (e.g. batch-size for lesson 3). The table here runs one seed; --check runs each seed alone and prints how many held.",
                de: "NAME ist die Kennung der Lektion, wie sie normtui lessons auflistet (z. B. batch-size für Lektion 3). Die Tabelle hier läuft mit einem Seed; --check lässt jeden Seed einzeln laufen und zeigt, bei wie vielen die Aussage galt.")))
}

/// Lesson 20, "Hauptvarianten — Die Wahl der geeigneten Variante": the closing decision table.
/// Every row rests on claims of another lesson, run here on the lesson's seed.
public enum WhichNormLesson {
    public static let lesson = Lesson(
        id: "which-norm", number: 20, section: "Hauptvarianten: Wahl der Variante",
        title: Localized(en: "Which norm when?", de: "Welche Normalisierung wann?"),
        summary: Localized(
            en: "a decision table — architecture, data and batch size → variant — each row backed by another lesson's claims, run and checked here; Enter opens that lesson",
            de: "eine Entscheidungstabelle — Architektur, Daten und Batch-Größe → Variante —, jede Zeile gestützt auf Aussagen einer anderen Lektion, die hier nachgerechnet und geprüft werden; Enter öffnet die jeweilige Lektion"),
        pages: [
            LessonPage(
                title: Localized(en: "The table", de: "Die Tabelle"),
                text: Localized(
                    en: """
                    The glossary ends its list of variants with: the right choice depends on the network's architecture, the data and the training resources. The table makes that concrete: each row is a situation, the variant to reach for, and the lesson that shows why.

                    A row is not an opinion. It cites claims of its lesson — the same predicates that lesson's last page and normtui lesson NAME --check judge. Press space: the lessons run here, one after another on this seed, each only as far as the claims the table needs, and each row gets ✓ once its claims hold (✗ and the numbers if one does not).

                    [ and ] choose a row; Enter opens its lesson, to see the result for yourself.
                    """,
                    de: """
                    Das Glossar schließt seine Liste der Varianten mit dem Satz: „Die Wahl der geeigneten Variante hängt von der Netzwerkarchitektur, den Datencharakteristika und Trainingsressourcen ab.“ Die Tabelle macht das konkret: Jede Zeile nennt eine Situation, die Variante, zu der du dann greifst, und die Lektion, die zeigt, warum.

                    Eine Zeile ist keine Meinung. Sie zitiert Aussagen ihrer Lektion — dieselben Prüfungen, die auch die letzte Seite der Lektion und normtui lesson NAME --check auswerten. Drücke die Leertaste: Die Lektionen laufen hier nacheinander mit diesem Seed, jede nur bis zu den Aussagen, die die Tabelle braucht, und jede Zeile bekommt ein ✓, sobald ihre Aussagen gelten (ein ✗ und die Zahlen, falls eine nicht gilt).

                    Mit [ und ] wählst du eine Zeile; Enter öffnet ihre Lektion, damit du dir das Ergebnis selbst ansehen kannst.
                    """)),
            LessonPage(
                title: Localized(en: "Reading the rows", de: "Die Zeilen lesen"),
                text: Localized(
                    en: """
                    Architecture: convolutional networks on images with large enough mini-batches use Batch Norm (lesson 7: with it the network trains at a learning rate where without normalization it stays at chance). Recurrent networks take Layer Norm: per sample and time step, where batch statistics would mix padding into every step (lesson 10). Transformers take Layer Norm before each block, Pre-LN (lesson 11), with QK norm where the attention logits grow (lesson 12), and large language models often its cheaper sibling RMSNorm (lesson 5: it learns like layer norm without the mean).

                    Resources: where only one or two images fit on a device, Batch Norm's statistics fail and Group Norm does not (lesson 3, Wu & He 2018).

                    Data: where each image's contrast is style, Instance Norm removes it (lesson 4); where a series' level and scale drift, RevIN takes them off and puts them back (lesson 18). Where a graph network is deep, PairNorm keeps the nodes' features apart (lesson 19). Where no statistics across samples are wanted at all, a network also trains with a careful initialization and adaptive gradient clipping (AGC), though behind Batch Norm here (lesson 16).

                    These are toy problems, small enough to run in class: each row says what its lesson shows here; the original papers' results are on the lessons' own pages.
                    """,
                    de: """
                    Architektur: Faltungsnetze für Bilder mit ausreichend großen Mini-Batches nutzen Batch Norm (Lektion 7: Damit trainiert das Netz bei einer Lernrate, bei der es ohne Normalisierung auf Zufallsniveau bleibt). Rekurrente Netze nutzen Layer Norm: je Sample und Zeitschritt, wo Batch-Statistiken die Auffüllung in jeden Schritt mischen würden (Lektion 10). Transformer nutzen Layer Norm vor jedem Block, also Pre-LN (Lektion 11), dazu QK-Norm, wo die Attention-Logits wachsen (Lektion 12), und große Sprachmodelle oft deren günstigere Schwester RMSNorm (Lektion 5: Sie lernt wie Layer Norm, kommt aber ohne den Mittelwert aus).

                    Ressourcen: Wo nur ein oder zwei Bilder auf ein Gerät passen, versagen die Statistiken von Batch Norm, die von Group Norm nicht (Lektion 3, Wu & He 2018).

                    Daten: Wo der Kontrast jedes Bildes Stil ist, entfernt ihn Instance Norm (Lektion 4); wo Niveau und Skala einer Zeitreihe driften, nimmt RevIN sie heraus und bringt sie danach zurück (Lektion 18). Wo ein Graph-Netz tief ist, hält PairNorm die Merkmale der Knoten auseinander (Lektion 19). Wo gar keine Statistik über mehrere Samples hinweg erwünscht ist, lässt sich ein Netz auch mit sorgfältiger Initialisierung und adaptivem Gradient-Clipping (AGC) trainieren; es bleibt hier aber hinter Batch Norm zurück (Lektion 16).

                    Das sind Spielzeugbeispiele, klein genug für den Unterricht: Jede Zeile sagt, was ihre Lektion hier zeigt; die Ergebnisse der Originalarbeiten stehen auf eigenen Seiten der Lektionen.
                    """)),
        ],
        claims: claims,
        makeEngine: { WhichNormEngine(seeds: $0) })

    /// One claim per row: every claim the row cites holds, judged once its lesson has run.
    static let claims: [Claim] = WhichNormTable.rows.enumerated().map { index, row in
        let lessonIndex = WhichNormTable.citedLessons.firstIndex { $0.lesson.id == row.lesson.id } ?? 0
        return .on(
            WhichNormEngine.self, id: row.id,
            text: Localized(
                en: "\(row.situation.en) → \(row.variant.en): lesson \(row.lesson.number)'s claims hold.",
                de: "\(row.situation.de) → \(row.variant.de): Die Aussagen von Lektion \(row.lesson.number) gelten."),
            step: WhichNormEngine.unitsUntilJudged(lessonIndex)
        ) { engine, _ in
            let verdicts = engine.verdicts(row: index)
            let measured = verdicts.compactMap { $0?.measured }
            return Verdict(
                holds: !verdicts.isEmpty && verdicts.allSatisfy { $0?.holds == true },
                measured: Localized(
                    en: measured.map(\.en).joined(separator: "; "),
                    de: measured.map(\.de).joined(separator: "; ")))
        }
    }
}

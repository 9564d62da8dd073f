import NormMath

/// Lesson 19, "Aktueller Forschungsstand — Graph Neural Networks mit spezialisierten
/// Normalisierungsansätzen": over-smoothing in deep graph convolutional networks (Li et al.
/// 2018), and PairNorm (Zhao & Akoglu 2020) against it.
public enum OverSmoothingLesson {
    /// When the claims about training are judged: the accuracies have settled by then.
    static let judgedAt = 200

    public static let lesson = Lesson(
        id: "graphs", number: 19, section: "Graph Neural Networks",
        title: Localized(en: "Graphs: over-smoothing", de: "Graphen: Over-Smoothing"),
        summary: Localized(
            en: "deep graph convolutional networks on a graph with four communities: without normalization the nodes' features collapse with depth, and at depth 16 the accuracy stays below 50%; PairNorm keeps them apart, and the network learns",
            de: "tiefe Graph Convolutional Networks auf einem Graphen mit vier Gemeinschaften: Ohne Normalisierung fallen die Merkmale der Knoten mit der Tiefe zusammen, und bei Tiefe 16 bleibt die Genauigkeit unter 50 %; PairNorm hält sie auseinander, und das Netz lernt"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    A graph of 120 nodes in four communities of 30: two nodes of one community are joined with probability 0.15, of two different ones with 0.02 (a stochastic block model). Each node has 16 features: its community's mean plus as much noise. Five nodes per community are labelled; the network has to find the community of the other 100.

                    A graph convolutional network (GCN) replaces each node's features by a weighted mean over itself and its neighbours, then maps them with a weight matrix. Eight networks learn from the same labels: depth 2, 4, 8 and 16, each once plain and once with PairNorm after every hidden layer; same seed, same initial weights.

                    Press space. The table shows the accuracy on the 100 unlabelled nodes, median and range over the seeds. The chart shows, layer by layer of the depth-16 networks, how far apart the nodes' features point (i switches between the start and now). The last page checks it, on every seed.
                    """,
                    de: """
                    Ein Graph aus 120 Knoten in vier Gemeinschaften zu je 30: Zwei Knoten derselben Gemeinschaft sind mit Wahrscheinlichkeit 0,15 verbunden, zwei aus verschiedenen mit 0,02 (ein stochastisches Blockmodell). Jeder Knoten hat 16 Merkmale: den Mittelwert seiner Gemeinschaft plus ebenso viel Rauschen. Fünf Knoten pro Gemeinschaft sind beschriftet; das Netz soll die Gemeinschaft der übrigen 100 finden.

                    Ein Graph Convolutional Network (GCN) ersetzt die Merkmale jedes Knotens durch einen gewichteten Mittelwert über ihn selbst und seine Nachbarn und bildet sie dann mit einer Gewichtsmatrix ab. Acht Netze lernen aus denselben Beschriftungen: Tiefe 2, 4, 8 und 16, jeweils einmal ohne Normalisierung und einmal mit PairNorm nach jeder verborgenen Schicht; gleicher Seed, gleiche Startgewichte.

                    Drücke die Leertaste. Die Tabelle zeigt die Genauigkeit auf den 100 unbeschrifteten Knoten, Median und Spanne über die Seeds. Das Diagramm zeigt Schicht für Schicht der Netze mit Tiefe 16, wie verschieden die Richtungen sind, in die die Merkmale der Knoten zeigen (i wechselt zwischen Start und jetzt). Die letzte Seite prüft es, bei jedem Seed.
                    """)),
            LessonPage(
                title: Localized(en: "Over-smoothing", de: "Over-Smoothing"),
                text: Localized(
                    en: """
                    One graph convolution (Kipf & Welling 2017) is H' = Â·H·W with Â = D^−½(A + I)D^−½: A joins the neighbours, I keeps each node itself, D counts them. Â averages; applied again and again it makes all nodes alike. Its largest eigenvalue, 1, belongs to the vector √d (d a node's degree + 1), so Âᵏ·H tends to rows that point the same way and differ only in length (Li et al. 2018).

                    The chart measures exactly that: each node's feature vector scaled to length 1, and the mean distance between every two of them — 0 when all point one way, about 1.4 for random directions. At the start, before any training, the plain network's spread at layer 16 is less than a tenth of layer 1's: the collapse is a property of repeated Â, not of training. A network whose last layer sees one direction for every node cannot tell the communities apart. At depth 16 the plain GCN stays below 50% (chance: 25%).
                    """,
                    de: """
                    Eine Graph-Faltung (Kipf & Welling 2017) ist H' = Â·H·W mit Â = D^−½(A + I)D^−½: A verbindet die Nachbarn, I behält jeden Knoten selbst, D zählt sie. Â mittelt; immer wieder angewandt, macht es alle Knoten gleich. Sein größter Eigenwert, 1, gehört zum Vektor √d (d der Grad eines Knotens + 1), also strebt Âᵏ·H gegen Zeilen, die in dieselbe Richtung zeigen und sich nur in der Länge unterscheiden (Li et al. 2018).

                    Genau das misst das Diagramm: den Merkmalsvektor jedes Knotens auf Länge 1 gebracht und den mittleren Abstand zwischen je zweien — 0, wenn alle in eine Richtung zeigen, etwa 1,4 bei zufälligen Richtungen. Schon am Start, vor jedem Training, ist die Streuung des Netzes ohne Normalisierung in Schicht 16 kleiner als ein Zehntel der in Schicht 1: Das Zusammenfallen ist eine Eigenschaft des wiederholten Â, nicht des Trainings. Ein Netz, dessen letzte Schicht für jeden Knoten dieselbe Richtung sieht, kann die Gemeinschaften nicht unterscheiden. Bei Tiefe 16 bleibt das GCN ohne Normalisierung unter 50 % (Zufall: 25 %).
                    """)),
            LessonPage(
                title: Localized(en: "PairNorm", de: "PairNorm"),
                text: Localized(
                    en: """
                    PairNorm (Zhao & Akoglu 2020) normalizes over the nodes of the graph, after each convolution: subtract the mean node, x_i − mean, then divide all nodes by one number, √(mean of ‖x_i‖²). The centring removes the common direction repeated Â drives every node towards; the rescaling keeps the sum of squared distances between all pairs of nodes the same in every layer. No parameters are learned.

                    At the start PairNorm's spread at layer 16 is more than twice the plain network's. At step 200 it is above 1, and above the plain network's. At depth 16 PairNorm's accuracy is at least 25 points above the plain GCN's.

                    What it does not do: make depth pay. At depth 2 the two are within 10 points of each other, and PairNorm's depth-16 network stays below its depth-2 one. The paper, too, finds deep networks with PairNorm ahead of shallow ones only where most nodes' features are missing and have to come from far away; here every node has its features, and two layers already see far enough into its community. The table also shows depths 4 and 8, with their range.
                    """,
                    de: """
                    PairNorm (Zhao & Akoglu 2020) normalisiert über die Knoten des Graphen, nach jeder Graph-Faltung: den mittleren Knoten abziehen, x_i − Mittelwert, dann alle Knoten durch eine Zahl teilen, √(Mittelwert von ‖x_i‖²). Das Zentrieren entfernt die gemeinsame Richtung, in die das wiederholte Â jeden Knoten treibt; das Skalieren hält die Summe der quadrierten Abstände aller Knotenpaare in jeder Schicht gleich. Gelernt wird dabei nichts.

                    Am Start ist die Streuung mit PairNorm in Schicht 16 mehr als doppelt so groß wie ohne Normalisierung. Bei Schritt 200 liegt sie über 1 und über der des Netzes ohne Normalisierung. Bei Tiefe 16 liegt die Genauigkeit mit PairNorm mindestens 25 Prozentpunkte über der des GCN ohne Normalisierung.

                    Was es nicht tut: Tiefe lohnend machen. Bei Tiefe 2 liegen beide weniger als 10 Prozentpunkte auseinander, und das Netz mit PairNorm und Tiefe 16 bleibt unter dem mit Tiefe 2. Auch das Paper findet tiefe Netze mit PairNorm nur dort vor flachen, wo den meisten Knoten die Merkmale fehlen und von weit her kommen müssen; hier hat jeder Knoten seine Merkmale, und zwei Schichten sehen schon weit genug in seine Gemeinschaft. Die Tabelle zeigt auch die Tiefen 4 und 8, mit ihrer Spanne.
                    """)),
        ],
        claims: claims, runsSeveralSeeds: true,
        makeEngine: { OverSmoothingEngine(seeds: $0) })

    static func percent(_ value: Double, _ language: Language) -> String { MeasuredNumber.percent(value, language) }

    static let claims: [Claim] = [
        .on(OverSmoothingEngine.self, id: "plain-features-collapse-at-start",
            text: Localized(
                en: "At the start, the plain network's spread at layer 16 is less than a tenth of layer 1's.",
                de: "Am Start ist die Streuung des Netzes ohne Normalisierung in Schicht 16 kleiner als ein Zehntel der in Schicht 1."),
            step: 0
        ) { engine, seed in
            let spread = engine.spread(normalized: false, initial: true, seed: seed)
            let (first, last) = (spread.first ?? .nan, spread.last ?? .nan)
            return Verdict(
                holds: last < 0.1 * first,
                measured: Localized(
                    en: "layer 1: \(MeasuredNumber.short(first)), layer 16: \(MeasuredNumber.short(last)) (\(percent(last / first, .en)))",
                    de: "Schicht 1: \(MeasuredNumber.short(first, .de)), Schicht 16: \(MeasuredNumber.short(last, .de)) (\(percent(last / first, .de)))"))
        },
        .on(OverSmoothingEngine.self, id: "pairnorm-keeps-spread-at-start",
            text: Localized(
                en: "At the start PairNorm's spread at layer 16 is more than twice the plain network's.",
                de: "Am Start ist die Streuung mit PairNorm in Schicht 16 mehr als doppelt so groß wie ohne Normalisierung."),
            step: 0
        ) { engine, seed in
            let plain = engine.spread(normalized: false, initial: true, seed: seed).last ?? .nan
            let pairNorm = engine.spread(normalized: true, initial: true, seed: seed).last ?? .nan
            return Verdict(
                holds: pairNorm > 2 * plain,
                measured: Localized(
                    en: "layer 16: plain \(MeasuredNumber.short(plain)), PairNorm \(MeasuredNumber.short(pairNorm))",
                    de: "Schicht 16: ohne \(MeasuredNumber.short(plain, .de)), PairNorm \(MeasuredNumber.short(pairNorm, .de))"))
        },
        .on(OverSmoothingEngine.self, id: "pairnorm-keeps-spread-trained",
            text: Localized(
                en: "At step 200 PairNorm's spread at layer 16 is above 1, and above the plain network's.",
                de: "Bei Schritt 200 liegt die Streuung mit PairNorm in Schicht 16 über 1 und über der des Netzes ohne Normalisierung."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.spread(normalized: false, initial: false, seed: seed).last ?? .nan
            let pairNorm = engine.spread(normalized: true, initial: false, seed: seed).last ?? .nan
            return Verdict(
                holds: pairNorm > 1 && pairNorm > plain,
                measured: Localized(
                    en: "layer 16: plain \(MeasuredNumber.short(plain)), PairNorm \(MeasuredNumber.short(pairNorm))",
                    de: "Schicht 16: ohne \(MeasuredNumber.short(plain, .de)), PairNorm \(MeasuredNumber.short(pairNorm, .de))"))
        },
        .on(OverSmoothingEngine.self, id: "plain-deep-network-guesses",
            text: Localized(
                en: "At depth 16 the plain GCN stays below 50% on the unlabelled nodes (chance: 25%).",
                de: "Bei Tiefe 16 bleibt das GCN ohne Normalisierung auf den unbeschrifteten Knoten unter 50 % (Zufall: 25 %)."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.accuracy(depth: 16, normalized: false, seed: seed) ?? .nan
            return Verdict(
                holds: plain < 0.5,
                measured: Localized(en: "depth 16, plain: \(percent(plain, .en))", de: "Tiefe 16, ohne: \(percent(plain, .de))"))
        },
        .on(OverSmoothingEngine.self, id: "pairnorm-wins-at-depth-16",
            text: Localized(
                en: "At depth 16 PairNorm's accuracy is at least 25 points above the plain GCN's.",
                de: "Bei Tiefe 16 liegt die Genauigkeit mit PairNorm mindestens 25 Prozentpunkte über der des GCN ohne Normalisierung."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.accuracy(depth: 16, normalized: false, seed: seed) ?? .nan
            let pairNorm = engine.accuracy(depth: 16, normalized: true, seed: seed) ?? .nan
            return Verdict(
                holds: pairNorm >= plain + 0.25,
                measured: Localized(
                    en: "depth 16: plain \(percent(plain, .en)), PairNorm \(percent(pairNorm, .en))",
                    de: "Tiefe 16: ohne \(percent(plain, .de)), PairNorm \(percent(pairNorm, .de))"))
        },
        .on(OverSmoothingEngine.self, id: "alike-at-depth-2",
            text: Localized(
                en: "At depth 2 the two are within 10 points of each other.",
                de: "Bei Tiefe 2 liegen beide weniger als 10 Prozentpunkte auseinander."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.accuracy(depth: 2, normalized: false, seed: seed) ?? .nan
            let pairNorm = engine.accuracy(depth: 2, normalized: true, seed: seed) ?? .nan
            return Verdict(
                holds: abs(pairNorm - plain) < 0.1,
                measured: Localized(
                    en: "depth 2: plain \(percent(plain, .en)), PairNorm \(percent(pairNorm, .en))",
                    de: "Tiefe 2: ohne \(percent(plain, .de)), PairNorm \(percent(pairNorm, .de))"))
        },
        .on(OverSmoothingEngine.self, id: "depth-does-not-pay",
            text: Localized(
                en: "PairNorm's depth-16 network stays below its depth-2 one.",
                de: "Das Netz mit PairNorm und Tiefe 16 bleibt unter dem mit Tiefe 2."),
            step: judgedAt
        ) { engine, seed in
            let shallow = engine.accuracy(depth: 2, normalized: true, seed: seed) ?? .nan
            let deep = engine.accuracy(depth: 16, normalized: true, seed: seed) ?? .nan
            return Verdict(
                holds: deep < shallow,
                measured: Localized(
                    en: "PairNorm: depth 2 \(percent(shallow, .en)), depth 16 \(percent(deep, .en))",
                    de: "PairNorm: Tiefe 2 \(percent(shallow, .de)), Tiefe 16 \(percent(deep, .de))"))
        },
    ]
}

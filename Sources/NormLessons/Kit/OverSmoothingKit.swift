/// Lesson 19's kit: what repeated averaging over a graph does to the nodes' features, and what
/// PairNorm changes — at depth 16 and at depth 2 — decided by the lesson's claims at the start
/// and at step 200.
enum OverSmoothingKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Explain why repeating Â = D^−½(A + I)D^−½ makes the nodes' features point one way, and why that happens before any training.",
                de: "Erklären, warum wiederholtes Â = D^−½(A + I)D^−½ die Merkmale der Knoten in eine Richtung zeigen lässt, und warum das schon vor jedem Training geschieht."),
            Localized(
                en: "Say over which elements PairNorm takes its statistics — the nodes of one graph — and what its centring and its rescaling each keep.",
                de: "Sagen, über welche Elemente PairNorm seine Statistik nimmt — die Knoten eines Graphen — und was sein Zentrieren und sein Skalieren jeweils bewahren."),
            Localized(
                en: "Tell “normalization lets a deep network learn” apart from “a deeper network is better”, with the accuracy table.",
                de: "Mit der Genauigkeitstabelle „Normalisierung lässt ein tiefes Netz lernen“ von „ein tieferes Netz ist besser“ unterscheiden."),
        ],
        formula: Localized(
            en: """
            Graph: 120 nodes, 4 communities of 30; edge probability 0.15 inside a community, 0.02 between two. Features: 16 per node, the community's mean (standard normal) plus standard normal noise; 5 labelled nodes per community.
            One layer: H' = ReLU(PairNorm(Â·H·W)), Â = D^−½(A + I)D^−½; the last layer Â·H·W + b gives 4 logits. Widths 16 → 16 → … → 4; depth 2, 4, 8, 16.
            PairNorm over the n = 120 nodes: xᶜ_i = x_i − (1/n)·Σ_j x_j, y_i = s·xᶜ_i / √(ε + (1/n)·Σ_j ‖xᶜ_j‖²), s = 1, ε = 10⁻⁶.
            Spread: the mean of ‖u_i − u_j‖ over all pairs of nodes, u_i = h_i/‖h_i‖. Full-batch SGD, lr 0.05, momentum 0.9, cross-entropy on the 20 labelled nodes; judged at step 200.
            """,
            de: """
            Graph: 120 Knoten, 4 Gemeinschaften zu 30; Kantenwahrscheinlichkeit 0,15 innerhalb einer Gemeinschaft, 0,02 zwischen zweien. Merkmale: 16 pro Knoten, der Mittelwert der Gemeinschaft (standardnormal) plus standardnormales Rauschen; 5 beschriftete Knoten pro Gemeinschaft.
            Eine Schicht: H' = ReLU(PairNorm(Â·H·W)), Â = D^−½(A + I)D^−½; die letzte Schicht Â·H·W + b liefert 4 Logits. Breiten 16 → 16 → … → 4; Tiefe 2, 4, 8, 16.
            PairNorm über die n = 120 Knoten: xᶜ_i = x_i − (1/n)·Σ_j x_j, y_i = s·xᶜ_i / √(ε + (1/n)·Σ_j ‖xᶜ_j‖²), s = 1, ε = 10⁻⁶.
            Streuung: der Mittelwert von ‖u_i − u_j‖ über alle Knotenpaare, u_i = h_i/‖h_i‖. SGD über den ganzen Graphen, Lernrate 0,05, Momentum 0,9, Kreuzentropie auf den 20 beschrifteten Knoten; geprüft bei Schritt 200.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "A GCN of 16 layers, before any training: how far apart do the nodes' features point at layer 16, compared with layer 1 — without normalization, and with PairNorm?",
                    de: "Ein GCN mit 16 Schichten, vor jedem Training: Wie weit zeigen die Merkmale der Knoten in Schicht 16 auseinander, verglichen mit Schicht 1 — ohne Normalisierung und mit PairNorm?"),
                answers: [
                    Localized(
                        en: "as far as at layer 1 in both: untrained weights are random, so the directions stay random",
                        de: "in beiden so weit wie in Schicht 1: Untrainierte Gewichte sind zufällig, also bleiben die Richtungen zufällig"),
                    Localized(
                        en: "plain: less than a tenth of layer 1's; PairNorm: more than twice the plain network's",
                        de: "ohne: weniger als ein Zehntel von Schicht 1; mit PairNorm: mehr als doppelt so viel wie ohne"),
                    Localized(
                        en: "both collapse alike: PairNorm only acts once it is trained",
                        de: "beide fallen gleich zusammen: PairNorm wirkt erst, wenn es trainiert ist"),
                ],
                answer: 1, when: ["plain-features-collapse-at-start", "pairnorm-keeps-spread-at-start"],
                explanation: Localized(
                    en: "Every layer multiplies by Â, whether the weights are trained or not, and Â's largest eigenvalue 1 belongs to √d: what is left after many layers points along that one direction. PairNorm has nothing to learn; it subtracts the mean node in every layer, and the mean node is mostly that common direction.",
                    de: "Jede Schicht multipliziert mit Â, ob die Gewichte trainiert sind oder nicht, und Âs größter Eigenwert 1 gehört zu √d: Was nach vielen Schichten übrig bleibt, zeigt in diese eine Richtung. PairNorm hat nichts zu lernen; es zieht in jeder Schicht den mittleren Knoten ab, und der ist vor allem diese gemeinsame Richtung.")),
            PredictQuestion(
                prompt: Localized(
                    en: "After 200 steps: how do the GCNs with PairNorm compare with the plain ones at depth 16, and at depth 2?",
                    de: "Nach 200 Schritten: Wie stehen die GCNs mit PairNorm bei Tiefe 16 und bei Tiefe 2 zu denen ohne Normalisierung?"),
                answers: [
                    Localized(
                        en: "PairNorm wins by 25 points or more at both depths",
                        de: "PairNorm gewinnt bei beiden Tiefen mit 25 Prozentpunkten oder mehr"),
                    Localized(
                        en: "at depth 16 PairNorm leads by 25 points or more; at depth 2 the two are within 10 points",
                        de: "bei Tiefe 16 führt PairNorm mit 25 Prozentpunkten oder mehr; bei Tiefe 2 liegen beide weniger als 10 Prozentpunkte auseinander"),
                    Localized(
                        en: "alike at both depths: normalization does not change what a GCN can learn",
                        de: "bei beiden Tiefen gleich: Normalisierung ändert nicht, was ein GCN lernen kann"),
                ],
                answer: 1, when: ["pairnorm-wins-at-depth-16", "alike-at-depth-2"],
                explanation: Localized(
                    en: "Two layers average over a node's neighbours and theirs: far too few to smooth the communities away, so there is nothing for PairNorm to repair. Sixteen layers are enough to make the plain network's last layer see nearly one direction, and it stays below 50%; PairNorm keeps the nodes apart, and the network learns.",
                    de: "Zwei Schichten mitteln über die Nachbarn eines Knotens und deren Nachbarn: viel zu wenig, um die Gemeinschaften wegzuglätten, also hat PairNorm nichts zu reparieren. Sechzehn Schichten genügen, damit die letzte Schicht des Netzes ohne Normalisierung fast nur eine Richtung sieht, und es bleibt unter 50 %; PairNorm hält die Knoten auseinander, und das Netz lernt.")),
        ],
        discussion: [
            Localized(
                en: "PairNorm takes its statistics over the nodes of one graph, as Batch Norm takes them over the samples of a mini-batch. What happens to a node's output when another node of the graph changes?",
                de: "PairNorm nimmt seine Statistik über die Knoten eines Graphen, so wie Batch Norm über die Beispiele eines Mini-Batches. Was passiert mit der Ausgabe eines Knotens, wenn sich ein anderer Knoten des Graphen ändert?"),
            Localized(
                en: "With PairNorm the depth-16 network learns, but stays below the depth-2 one. When would you want 16 layers on a graph at all?",
                de: "Mit PairNorm lernt das Netz mit Tiefe 16, bleibt aber unter dem mit Tiefe 2. Wann würdest du auf einem Graphen überhaupt 16 Schichten wollen?"),
            Localized(
                en: "Why would Layer Norm, applied to each node alone, not stop over-smoothing?",
                de: "Warum würde Layer Norm, auf jeden Knoten für sich angewandt, das Over-Smoothing nicht aufhalten?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Does training give the plain depth-16 network its spread back? Run normtui lesson graphs --steps 200 --seed 2 | tail -1 (the column names: normtui lesson graphs --steps 1 | head -1) and compare plain_spread_layer_16_initial with plain_spread_layer_16, then plain_16_accuracy. Do the same for seeds 3 and 4. Does the accuracy follow the spread?
                """,
                de: """
                Gibt das Training dem Netz ohne Normalisierung mit Tiefe 16 seine Streuung zurück? Führe normtui lesson graphs --steps 200 --seed 2 | tail -1 aus (die Spaltennamen: normtui lesson graphs --steps 1 | head -1) und vergleiche plain_spread_layer_16_initial mit plain_spread_layer_16, dann plain_16_accuracy. Dasselbe für die Seeds 3 und 4. Folgt die Genauigkeit der Streuung?
                """),
            hint: Localized(
                en: "The spread says that the directions differ, not that they differ by community. The gradient reaching layers 1 to 15 passes through every collapsed layer on its way back.",
                de: "Die Streuung sagt, dass sich die Richtungen unterscheiden, nicht, dass sie sich nach Gemeinschaften unterscheiden. Der Gradient, der die Schichten 1 bis 15 erreicht, läuft auf dem Rückweg durch jede zusammengefallene Schicht.")))
}

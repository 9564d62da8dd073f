/// Lesson 16's kit: what AGC does without any normalization layer at lr 0.2, and how often it
/// clips — decided by the lesson's claims at step 400. The "LSUV init + AGC" run is not an
/// NFNet, and the kit does not call it one.
enum NormalizerFreeKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "State the AGC rule for one unit and compute how far a clipped step can move a unit: lr·λ = 0.2%, with momentum 0.9 up to about 10·lr·λ = 2%.",
                de: "Die AGC-Regel für eine Einheit angeben und ausrechnen, wie weit ein gekappter Schritt eine Einheit bewegen kann: lr·λ = 0,2 %, mit Momentum 0,9 bis zu etwa 10·lr·λ = 2 %."),
            Localized(
                en: "Say what the four networks do at lr 0.2: the plain one is thrown off, both clipped ones train, Batch Norm trains best.",
                de: "Sagen, was die vier Netze bei lr 0,2 tun: Das Netz ohne Normalisierung wird aus der Bahn geworfen, beide gekappten Netze trainieren, das Batch-Norm-Netz trainiert am besten."),
            Localized(
                en: "Tell the LSUV init + AGC run here apart from an NFNet: it lacks Scaled Weight Standardization and scaled residual blocks.",
                de: "Den Lauf LSUV-Init + AGC hier von einem NFNet unterscheiden: Ihm fehlen Scaled Weight Standardization und skalierte Residual-Blöcke."),
        ],
        formula: Localized(
            en: """
            AGC, per unit i (one output's row of weights), λ = 0.01, ε = 10⁻³:
            if ‖G_i‖ / max(‖W_i‖, ε) > λ:  G_i ← λ·max(‖W_i‖, ε)/‖G_i‖ · G_i
            SGD with lr = 0.2, momentum 0.9, 6-block conv net: one step moves a unit by lr·λ = 0.2% of its size, with momentum up to lr·λ/(1 − 0.9) = 2%.
            """,
            de: """
            AGC, pro Einheit i (die Gewichtszeile eines Ausgangs), λ = 0,01, ε = 10⁻³:
            wenn ‖G_i‖ / max(‖W_i‖, ε) > λ:  G_i ← λ·max(‖W_i‖, ε)/‖G_i‖ · G_i
            SGD mit lr = 0,2, Momentum 0,9, Faltungsnetz mit 6 Blöcken: Ein Schritt bewegt eine Einheit um lr·λ = 0,2 % ihrer Größe, mit Momentum bis zu lr·λ/(1 − 0,9) = 2 %.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "lr 0.2, no normalization layer, but AGC with λ = 0.01. Where are the two clipped networks at step 400?",
                    de: "lr 0,2, keine Normalisierungsschicht, aber AGC mit λ = 0,01. Wo stehen die beiden gekappten Netze bei Schritt 400?"),
                answers: [
                    Localized(
                        en: "stuck like the plain network: clipping cannot replace normalization",
                        de: "festgefahren wie das Netz ohne Normalisierung: Clipping ersetzt keine Normalisierung"),
                    Localized(
                        en: "only the LSUV one trains: AGC needs the careful init to get started",
                        de: "nur das mit LSUV trainiert: AGC braucht die sorgfältige Initialisierung zum Start"),
                    Localized(
                        en: "both over 80% held-out accuracy, but with a higher loss than Batch Norm",
                        de: "beide über 80 % Genauigkeit auf zurückgehaltenen Daten, aber mit höherem Verlust als Batch Norm"),
                    Localized(
                        en: "both over 80%, with a loss as low as Batch Norm's or lower",
                        de: "beide über 80 %, mit einem Verlust so niedrig wie bei Batch Norm oder niedriger"),
                ],
                answer: 2, when: ["clipped-networks-train", "batch-norm-lowest-loss"],
                explanation: Localized(
                    en: "AGC bounds every step relative to the unit's own weights, the bound that normalization gives for free; AGC alone, from He-initialized weights, trains too. Batch Norm still trains best. And LSUV + AGC is not an NFNet: NFNets add Scaled Weight Standardization and scaled residual blocks.",
                    de: "AGC begrenzt jeden Schritt im Verhältnis zu den eigenen Gewichten der Einheit, die Schranke, die Normalisierung von selbst mitbringt; AGC allein, von He-initialisierten Gewichten aus, trainiert auch. Das Batch-Norm-Netz trainiert trotzdem am besten. Und LSUV + AGC ist kein NFNet: NFNets fügen Scaled Weight Standardization und skalierte Residual-Blöcke hinzu.")),
            PredictQuestion(
                prompt: Localized(
                    en: "How many units does AGC clip at an average step of the first 400?",
                    de: "Wie viele Einheiten kappt AGC in einem durchschnittlichen Schritt der ersten 400?"),
                answers: [
                    Localized(en: "a few outliers, under 10%", de: "ein paar Ausreißer, unter 10%"),
                    Localized(en: "about half of them", de: "etwa die Hälfte"),
                    Localized(en: "most of them, over 80%", de: "die meisten, über 80%"),
                ],
                answer: 2, when: ["most-units-clipped"],
                explanation: Localized(
                    en: "At lr 0.2 almost every unit's gradient is larger than λ = 1% of its weights, so almost every unit is scaled down to ‖G_i‖ = λ·‖W_i‖: AGC acts nearly as a step normalized per unit, not as a rare emergency brake.",
                    de: "Bei lr 0,2 ist der Gradient fast jeder Einheit größer als λ = 1 % ihrer Gewichte, also wird fast jede Einheit auf ‖G_i‖ = λ·‖W_i‖ verkleinert: AGC wirkt fast wie ein pro Einheit normierter Schritt, nicht wie eine seltene Notbremse.")),
        ],
        discussion: [
            Localized(
                en: "If over 80% of the units are clipped at an average step, what is left of the learning rate 0.2? What sets the step size instead?",
                de: "Wenn in einem durchschnittlichen Schritt über 80 % der Einheiten gekappt werden, was bleibt dann von der Lernrate 0,2? Was bestimmt stattdessen die Schrittweite?"),
            Localized(
                en: "AGC alone, without the LSUV init, trains too, so the \"LSUV init + AGC\" run is no NFNet. What does an NFNet add that this network lacks, and why does a good start not replace it?",
                de: "AGC allein, ohne die LSUV-Initialisierung, trainiert auch; der Lauf „LSUV-Init + AGC“ ist also kein NFNet. Was fügt ein NFNet hinzu, das diesem Netz fehlt, und warum ersetzt ein guter Start das nicht?"),
            Localized(
                en: "The glossary calls careful initialization and scaling a replacement for normalization. After this run, how far would you agree?",
                de: "Das Glossar nennt sorgfältige Initialisierung und Skalierung einen Ersatz für Normalisierung. Wie weit würdest du nach diesem Lauf zustimmen?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Run the lesson to step 400 and write down the clipped share of both AGC networks at steps 100, 200, 300 and 400. Does it fall as the networks learn?",
                de: "Lass die Lektion bis Schritt 400 laufen und notiere den gekappten Anteil beider AGC-Netze bei den Schritten 100, 200, 300 und 400. Sinkt er, während die Netze lernen?"),
            hint: Localized(
                en: "The clipped column is the share at the last step only; the claim averages over all steps. A unit is clipped when ‖G_i‖ > 1% of ‖W_i‖.",
                de: "Die Spalte „gekappt“ zeigt nur den Anteil im letzten Schritt; die Aussage mittelt über alle Schritte. Eine Einheit wird gekappt, wenn ‖G_i‖ > 1 % von ‖W_i‖.")))
}

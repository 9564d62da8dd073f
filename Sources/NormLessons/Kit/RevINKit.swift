/// Lesson 18's kit: which forecaster holds under the jump in level and scale, and whether either
/// beats repeating the last value — decided by the lesson's three claims at step 2000.
enum RevINKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Say which statistics RevIN takes from each input window and gives back to the forecast, and why a new level or scale then reaches the network only as the shape of the window.",
                de: "Sagen, welche Statistiken RevIN jedem Eingabefenster nimmt und der Vorhersage zurückgibt, und warum ein neues Niveau oder eine neue Skala das Netz dann nur als Form des Fensters erreicht."),
            Localized(
                en: "Tell “fits the training period” apart from “holds under a distribution shift” with the two rows of the error table.",
                de: "Mit den zwei Zeilen der Fehlertabelle „passt im Trainingszeitraum“ von „hält einer Verteilungsverschiebung stand“ unterscheiden."),
            Localized(
                en: "Judge both forecasters against a yardstick that needs no learning: repeating the last value.",
                de: "Beide Prognosemodelle an einem Maßstab messen, der kein Lernen braucht: den letzten Wert wiederholen."),
        ],
        formula: Localized(
            en: """
            RevIN on each look-back window of L = 48 values: μ = its mean, σ = √(Var + ε), ε = 10⁻⁵; the network gets x̃ = γ·(x − μ)/σ + β (start: γ = 1, β = 0).
            The network: 48 → 64 ReLU units → 12 values ŷ; the forecast is y = σ·(ŷ − β)/(γ + ε²) + μ, with the same window's μ and σ.
            The data: 8 series of 480 steps, training period t < 336; after it the level jumps by 3 to 5 and the swing grows 2 to 3 times. All standardized by the training period's mean and standard deviation.
            SGD with lr 0.01, momentum 0.9, mini-batches of 32 windows; the error is the mean squared error over the 12 forecast values, judged at step 2000.
            """,
            de: """
            RevIN auf jedem Eingabefenster aus L = 48 Werten: μ = sein Mittelwert, σ = √(Var + ε), ε = 10⁻⁵; das Netz bekommt x̃ = γ·(x − μ)/σ + β (Start: γ = 1, β = 0).
            Das Netz: 48 → 64 ReLU-Einheiten → 12 Werte ŷ; die Vorhersage ist y = σ·(ŷ − β)/(γ + ε²) + μ, mit μ und σ desselben Fensters.
            Die Daten: 8 Reihen aus 480 Schritten, Trainingszeitraum t < 336; danach springt das Niveau um 3 bis 5, und der Ausschlag wächst auf das 2- bis 3-Fache. Alles mit Mittelwert und Standardabweichung des Trainingszeitraums standardisiert.
            SGD mit Lernrate 0,01, Momentum 0,9, Mini-Batches aus 32 Fenstern; der Fehler ist der mittlere quadratische Fehler über die 12 vorhergesagten Werte, geprüft bei Schritt 2000.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "After step 336 every series jumps by 3 to 5 and swings 2 to 3 times as wide; both forecasters learn from the training period only. How do they compare at step 2000?",
                    de: "Nach Schritt 336 springt jede Reihe um 3 bis 5 und schwingt 2- bis 3-mal so weit; beide Prognosemodelle lernen nur aus dem Trainingszeitraum. Wie stehen sie bei Schritt 2000 zueinander?"),
                answers: [
                    Localized(
                        en: "RevIN is better in both periods: normalizing always fits better",
                        de: "RevIN ist in beiden Zeiträumen besser: Normalisieren passt immer besser"),
                    Localized(
                        en: "alike in training (within 10%), but in the test period the plain one's error is at least 1.3 times RevIN's",
                        de: "im Training gleich gut (weniger als 10 % Unterschied), aber im Testzeitraum ist der Fehler ohne RevIN mindestens 1,3-mal so groß"),
                    Localized(
                        en: "alike in both: no model can forecast a level it never saw",
                        de: "in beiden gleich: Kein Modell kann ein Niveau vorhersagen, das es nie gesehen hat"),
                    Localized(
                        en: "the plain one is better in the test period: its input was standardized already",
                        de: "das ohne RevIN ist im Testzeitraum besser: Seine Eingabe war ja schon standardisiert"),
                ],
                answer: 1, when: ["both-fit-the-training-period", "revin-wins-under-the-shift"],
                explanation: Localized(
                    en: "Standardizing by the training period's statistics is one fixed shift and scale: after the jump the plain network sees values it never saw in training and continues piecewise linearly. RevIN subtracts each window's own μ and divides by its σ before the network, and undoes both after it: the jump and the stretch reach the network only as the shape of the window, which it knows.",
                    de: "Mit den Statistiken des Trainingszeitraums zu standardisieren ist eine feste Verschiebung und Skalierung: Nach dem Sprung sieht das Netz ohne RevIN Werte, die es im Training nie gesehen hat, und setzt sich stückweise linear fort. RevIN zieht vor dem Netz das μ jedes Fensters ab und teilt durch sein σ, danach macht es beides rückgängig: Sprung und Streckung erreichen das Netz nur als Form des Fensters, und die kennt es.")),
            PredictQuestion(
                prompt: Localized(
                    en: "The yardstick: repeat the window's last value for all 12 steps, no learning at all. Which forecaster beats it in the test period?",
                    de: "Der Maßstab: den letzten Wert des Fensters für alle 12 Schritte wiederholen, ganz ohne Lernen. Welches Prognosemodell schlägt ihn im Testzeitraum?"),
                answers: [
                    Localized(
                        en: "neither: after such a shift, what was learned is worth nothing",
                        de: "keines: Nach so einer Verschiebung ist das Gelernte nichts wert"),
                    Localized(en: "only RevIN", de: "nur das mit RevIN"),
                    Localized(en: "both, the plain one too", de: "beide, auch das ohne RevIN"),
                ],
                answer: 2, when: ["both-beat-the-last-value"],
                explanation: Localized(
                    en: "The last value already carries the new level, but not the swing: over 12 steps a pattern with a period of 12 to 24 moves far away from it. Both networks have learned the pattern's shape; the plain one misses the level, but by less than a flat line misses the swing.",
                    de: "Der letzte Wert trägt schon das neue Niveau, aber nicht den Ausschlag: Über 12 Schritte entfernt sich ein Muster mit einer Periode von 12 bis 24 weit von ihm. Beide Netze haben die Form des Musters gelernt; das ohne RevIN verfehlt das Niveau, aber um weniger, als eine flache Linie den Ausschlag verfehlt.")),
        ],
        discussion: [
            Localized(
                en: "The plain forecaster gets data standardized by the training period's mean and standard deviation. Why does that not protect it from the jump?",
                de: "Das Modell ohne RevIN bekommt Daten, die mit Mittelwert und Standardabweichung des Trainingszeitraums standardisiert sind. Warum schützt diese Standardisierung es nicht vor dem Sprung?"),
            Localized(
                en: "RevIN takes each window's level away and puts it back unchanged. When could that hurt — in a series where the level itself says what comes next?",
                de: "RevIN nimmt jedem Fenster sein Niveau und bringt es unverändert zurück. Wann könnte das schaden — bei einer Reihe, in der das Niveau selbst sagt, was als Nächstes kommt?"),
            Localized(
                en: "Both errors are larger in the test period than in training, RevIN's too. Which part of the error can no forecaster remove, and why does it grow after the shift?",
                de: "Beide Fehler sind im Testzeitraum größer als im Training, auch der mit RevIN. Welchen Teil des Fehlers kann kein Prognosemodell beseitigen, und warum wächst er nach der Verschiebung?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                See what the network gets under RevIN, for a window [0, 1, 0, −1] and the same window after a jump of 4 and a stretch of 2, [4, 6, 4, 2]. Run echo '{"variant":"instance","shape":[1,1,1,4],"x":[0,1,0,-1]}' | normtui compute --input - and the same with "x":[4,6,4,2]. Compare the two y. Which μ and σ does RevIN put back on the second window's forecast?
                """,
                de: """
                Sieh nach, was das Netz mit RevIN bekommt, für ein Fenster [0, 1, 0, −1] und dasselbe Fenster nach einem Sprung um 4 und einer Streckung um den Faktor 2, [4, 6, 4, 2]. Führe echo '{"variant":"instance","shape":[1,1,1,4],"x":[0,1,0,-1]}' | normtui compute --input - --lang de aus und dasselbe mit "x":[4,6,4,2]. Vergleiche die beiden y. Welches μ und σ bringt RevIN an der Vorhersage für das zweite Fenster wieder an?
                """),
            hint: Localized(
                en: "Instance Norm takes μ and σ from the window itself, as RevIN does: the jump moves μ by 4, the stretch doubles σ, and (x − μ)/σ undoes both. RevIN's γ and β (1 and 0 at the start) are left out here.",
                de: "Instance Norm nimmt μ und σ aus dem Fenster selbst, wie RevIN: Der Sprung verschiebt μ um 4, die Streckung verdoppelt σ, und (x − μ)/σ macht beides rückgängig. γ und β von RevIN (zu Beginn 1 und 0) bleiben hier weg.")))
}

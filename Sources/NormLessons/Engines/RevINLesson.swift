import NormMath

/// Lesson 18, "Aktueller Forschungsstand — Zeitreihen-spezifische Normalisierungsvarianten":
/// reversible instance normalization (Kim et al. 2022) against a level and a scale the
/// training data never had.
public enum RevINLesson {
    /// When the claims are judged: both forecasters have long stopped improving.
    static let judgedAt = 2000

    public static let lesson = Lesson(
        id: "revin", number: 18, section: "Zeitreihen-Normalisierung",
        title: Localized(en: "RevIN", de: "RevIN"),
        summary: Localized(
            en: "forecasting series whose level and scale jump after training: with reversible instance normalization the error under the shift is smaller, by a factor of at least 1.3",
            de: "Vorhersage von Zeitreihen, deren Niveau und Skala nach dem Training springen: Mit reversibler Instance Normalization ist der Fehler nach der Verschiebung kleiner, mindestens um den Faktor 1,3"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Eight synthetic series, each a periodic pattern with noise. After step 336 of every series its level jumps by 3 to 5 and its swing grows 2 to 3 times: the test period lies where the training period never went.

                    Two forecasters — the same small network (48 past values → 64 ReLU units → the next 12 values), same seed, same initial weights, same batches — learn from the training period only. Both get the series standardized by the training period's mean and standard deviation; one has RevIN around it.

                    Press space. In the training period both fit alike: at step 2000 their errors differ by less than 10%. In the test period the plain forecaster's error is at least 1.3 times RevIN's. The chart shows one test window: the last 24 past values, the truth and both forecasts (f for the next series). The last page checks it, on every seed.
                    """,
                    de: """
                    Acht synthetische Zeitreihen, jede ein periodisches Muster mit Rauschen. Nach Zeitschritt 336 springt in jeder Reihe das Niveau um 3 bis 5, und der Ausschlag wächst auf das 2- bis 3-Fache: Der Testzeitraum liegt dort, wo der Trainingszeitraum nie war.

                    Zwei Prognosemodelle — dasselbe kleine Netz (48 vergangene Werte → 64 ReLU-Einheiten → die nächsten 12 Werte), gleicher Seed, gleiche Startgewichte, gleiche Mini-Batches — lernen nur aus dem Trainingszeitraum. Beide bekommen die Reihen mit Mittelwert und Standardabweichung des Trainingszeitraums standardisiert; eines ist zusätzlich in RevIN eingebettet.

                    Drücke die Leertaste. Im Trainingszeitraum sind beide gleich gut: Bei Schritt 2000 unterscheiden sich ihre Fehler um weniger als 10 %. Im Testzeitraum ist der Fehler des Modells ohne RevIN mindestens 1,3-mal so groß wie der mit RevIN. Das Diagramm zeigt ein Testfenster: die letzten 24 vergangenen Werte, den wahren Verlauf und beide Vorhersagen (f für die nächste Reihe). Die letzte Seite prüft es, bei jedem Seed.
                    """)),
            LessonPage(
                title: Localized(en: "RevIN", de: "RevIN"),
                text: Localized(
                    en: """
                    Reversible instance normalization (Kim et al. 2022) normalizes each input window by its own mean μ and standard deviation σ, with a learnable γ and β: instance normalization over time, so the network gets γ·(x − μ)/σ + β. It forecasts in those units, and its output ŷ gets the same window's statistics back: y = σ·(ŷ − β)/γ + μ.

                    So the jump and the stretch are taken off before the network and put back after it: a level or a scale it never saw reaches it only as the shape of the window.

                    The plain forecaster has to meet the new level with its weights alone. A ReLU network continues piecewise linearly beyond what it saw in training, and that guess misses.
                    """,
                    de: """
                    Reversible Instance Normalization (Kim et al. 2022) normalisiert jedes Eingabefenster mit seinem eigenen Mittelwert μ und seiner eigenen Standardabweichung σ, mit lernbarem γ und β: Instance Normalization über die Zeit, das Netz bekommt also γ·(x − μ)/σ + β. Es sagt in diesen Einheiten vorher, und seine Ausgabe ŷ bekommt die Statistik desselben Fensters zurück: y = σ·(ŷ − β)/γ + μ.

                    Sprung und Streckung werden also vor dem Netz herausgerechnet und danach wieder eingerechnet: Ein Niveau oder eine Skala, die es nie gesehen hat, erreicht es nur als Form des Fensters.

                    Das Modell ohne RevIN muss dem neuen Niveau allein mit seinen Gewichten begegnen. Ein ReLU-Netz setzt sich jenseits dessen, was es im Training sah, stückweise linear fort, und diese Schätzung liegt daneben.
                    """)),
            LessonPage(
                title: Localized(en: "Read the numbers", de: "Die Zahlen lesen"),
                text: Localized(
                    en: """
                    Both errors are larger in the test period than in training, RevIN's too: the noise grows with the stretch there, and no forecaster predicts noise. Compare the two forecasters with each other, and with the yardstick in the table: repeating the last value, which needs no learning. Both forecasters beat it, in the test period too.

                    The paper reports RevIN's gains on real data (electricity, traffic, weather) with far larger models. Here the shift is built in: sudden and large, in a small problem. RevIN helps against a level and a scale the training data did not cover; the table also shows the γ and β it learned.
                    """,
                    de: """
                    Beide Fehler sind im Testzeitraum größer als im Training, auch der mit RevIN: Das Rauschen wächst dort mit der Streckung, und kein Prognosemodell sagt Rauschen vorher. Vergleiche die beiden Modelle miteinander und mit dem Maßstab in der Tabelle, dem Wiederholen des letzten Werts, das kein Lernen braucht. Beide Modelle schlagen ihn, auch im Testzeitraum.

                    Das Paper berichtet über die Gewinne von RevIN auf echten Daten (Strom, Verkehr, Wetter) mit weit größeren Modellen. Hier ist die Verschiebung eingebaut: plötzlich und groß, in einem kleinen Problem. RevIN hilft gegen ein Niveau und eine Skala, die die Trainingsdaten nicht abdeckten; die Tabelle zeigt auch das gelernte γ und β.
                    """)),
        ],
        claims: claims,
        runsSeveralSeeds: true,
        makeEngine: { RevINEngine(seeds: $0) })

    static let claims: [Claim] = [
        .on(RevINEngine.self, id: "both-fit-the-training-period",
            text: Localized(
                en: "In the training period both forecasters fit alike: at step 2000 their errors differ by less than 10%.",
                de: "Im Trainingszeitraum sind beide Prognosemodelle gleich gut: Bei Schritt 2000 unterscheiden sich ihre Fehler um weniger als 10 %."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.trainingError(0, seed: seed) ?? .nan, revin = engine.trainingError(1, seed: seed) ?? .nan
            let difference = abs(plain - revin) / min(plain, revin)
            return Verdict(
                holds: difference < 0.1,
                measured: Localized(
                    en: "training error: plain \(MeasuredNumber.short(plain)), RevIN \(MeasuredNumber.short(revin))",
                    de: "Fehler im Training: ohne \(MeasuredNumber.short(plain, .de)), RevIN \(MeasuredNumber.short(revin, .de))"))
        },
        .on(RevINEngine.self, id: "revin-wins-under-the-shift",
            text: Localized(
                en: "In the test period the plain forecaster's error is at least 1.3 times RevIN's at step 2000.",
                de: "Im Testzeitraum ist der Fehler des Modells ohne RevIN bei Schritt 2000 mindestens 1,3-mal so groß wie der mit RevIN."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.testError(0, seed: seed) ?? .nan, revin = engine.testError(1, seed: seed) ?? .nan
            return Verdict(
                holds: plain >= 1.3 * revin,
                measured: Localized(
                    en: "test error: plain \(MeasuredNumber.short(plain)), RevIN \(MeasuredNumber.short(revin)) (×\(MeasuredNumber.short(plain / revin)))",
                    de: "Fehler im Test: ohne \(MeasuredNumber.short(plain, .de)), RevIN \(MeasuredNumber.short(revin, .de)) (×\(MeasuredNumber.short(plain / revin, .de)))"))
        },
        .on(RevINEngine.self, id: "both-beat-the-last-value",
            text: Localized(
                en: "Both forecasters beat repeating the last value, in the test period too.",
                de: "Beide Prognosemodelle schlagen das Wiederholen des letzten Werts, auch im Testzeitraum."),
            step: judgedAt
        ) { engine, seed in
            let plain = engine.testError(0, seed: seed) ?? .nan, revin = engine.testError(1, seed: seed) ?? .nan
            let lastValue = engine.lastValueTestError(seed: seed)
            return Verdict(
                holds: plain < lastValue && revin < lastValue,
                measured: Localized(
                    en: "test error: last value \(MeasuredNumber.short(lastValue)), plain \(MeasuredNumber.short(plain)), RevIN \(MeasuredNumber.short(revin))",
                    de: "Fehler im Test: letzter Wert \(MeasuredNumber.short(lastValue, .de)), ohne \(MeasuredNumber.short(plain, .de)), RevIN \(MeasuredNumber.short(revin, .de))"))
        },
    ]
}

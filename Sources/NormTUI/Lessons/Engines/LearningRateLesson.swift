import NormMath

/// Lesson 3, "Optimierungslandschaft": with batch norm a learning rate far too large for the
/// plain network still trains, and the loss along the gradient stays in a narrow band
/// (Santurkar et al. 2018, Fig. 4) — the landscape the optimizer walks on is smoother.
enum LearningRateLesson {
    static let lesson = Lesson(
        id: "learning-rate", number: 3, section: "Optimierungslandschaft",
        title: Localized(en: "Higher learning rates", de: "Höhere Lernraten"),
        summary: Localized(
            en: "the same network at lr 2: with batch norm it learns, without it stays at chance; the loss along the gradient as a band",
            de: "dasselbe Netz bei Lernrate 2: mit Batch Norm lernt es, ohne bleibt es beim Raten; der Verlust entlang des Gradienten als Band"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Two copies of one network — same seed, data and initial weights, same learning rate — one with Batch Norm, one without normalization.

                    Press space. At lr 2 the Batch Norm network reaches about 90% held-out accuracy within 300 steps. The plain one is thrown off in its first steps and stays at chance (10%): its loss sits at ln 10 ≈ 2.3.

                    [ and ] change the learning rate for both (0.05, 0.5, 2) and start again.
                    """,
                    de: """
                    Zwei Kopien eines Netzes — gleicher Seed, gleiche Daten und Startgewichte, gleiche Lernrate — eine mit Batch Norm, eine ohne Normalisierung.

                    Drücke die Leertaste. Bei Lernrate 2 erreicht das Netz mit Batch Norm in 300 Schritten etwa 90 % Genauigkeit auf den zurückgehaltenen Daten. Das Netz ohne wird in den ersten Schritten aus der Bahn geworfen und bleibt beim Raten (10 %): sein Verlust bleibt bei ln 10 ≈ 2,3.

                    [ und ] ändern die Lernrate für beide (0,05, 0,5, 2) und starten neu.
                    """)),
            LessonPage(
                title: Localized(en: "The band", de: "Das Band"),
                text: Localized(
                    en: """
                    Every 5 steps, both networks are probed on a fixed batch: from the current weights w, the loss at w − k·lr·g is measured for k = ¼, ½, 1, 2 and 4 (g the gradient, lr the learning rate). The band spans the smallest to the largest of those losses (Santurkar et al. 2018, Fig. 4).

                    A narrow band: a step along the gradient, small or large, lands somewhere predictable. A wide band: the same direction leads up a wall a little further on.

                    At lr 0.05, where both learn, the plain network's band is many times wider than Batch Norm's.
                    """,
                    de: """
                    Alle 5 Schritte werden beide Netze auf einer festen Batch vermessen: von den aktuellen Gewichten w aus wird der Verlust bei w − k·lr·g gemessen, für k = ¼, ½, 1, 2 und 4 (g der Gradient, lr die Lernrate). Das Band reicht vom kleinsten bis zum größten dieser Verluste (Santurkar et al. 2018, Abb. 4).

                    Ein schmales Band: ein Schritt entlang des Gradienten, ob klein oder groß, landet vorhersehbar. Ein breites Band: dieselbe Richtung führt etwas weiter eine Wand hinauf.

                    Bei Lernrate 0,05, wo beide lernen, ist das Band des Netzes ohne Normalisierung um ein Vielfaches breiter als das mit Batch Norm.
                    """)),
            LessonPage(
                title: Localized(en: "Why", de: "Warum"),
                text: Localized(
                    en: """
                    The glossary's "Optimierungslandschaft": normalization smooths the loss landscape and so allows higher learning rates without divergence.

                    Part of the reason is scale invariance (lesson 6): a step that makes the weights larger does not make the activations larger, it only shrinks the next gradient.

                    Look closely at lr 2: once the plain network is stuck, its band is narrow too — but at the height of guessing. It is a flat plateau of dead ReLUs, not a good valley: a narrow band only helps where the loss is still going down.
                    """,
                    de: """
                    Die "Optimierungslandschaft" des Glossars: Normalisierung glättet die Verlustfunktionslandschaft und ermöglicht so höhere Lernraten ohne Divergenz.

                    Ein Teil des Grundes ist die Skaleninvarianz (Lektion 6): ein Schritt, der die Gewichte größer macht, macht die Aktivierungen nicht größer, er verkleinert nur den nächsten Gradienten.

                    Genau hinsehen bei Lernrate 2: sobald das Netz ohne Normalisierung feststeckt, ist auch sein Band schmal — aber auf der Höhe des Ratens. Das ist ein flaches Plateau toter ReLUs, kein gutes Tal: ein schmales Band hilft nur, wo der Verlust noch fällt.
                    """)),
        ],
        makeEngine: { LearningRateEngine() })
}

/// Batch norm and no normalization at one learning rate; every few steps the loss along the
/// gradient of each, on a fixed held-out batch.
struct LearningRateEngine: LessonEngine {
    static let rates: [Double] = [0.05, 0.5, 2]
    /// The step sizes of the band, in units of the learning rate.
    static let stepSizeFactors: [Double] = [0.25, 0.5, 1, 2, 4]
    /// Steps between two measurements of the band (each costs about three training steps).
    static let landscapeInterval = 5

    private(set) var rateIndex: Int
    private(set) var pair: ComparedRuns
    /// Per run, the band at each measured step.
    private(set) var bands: [[LossAlongGradient]] = [[], []]
    /// The steps the bands were measured at (before that step's update).
    private(set) var bandSteps: [Int] = []

    var learningRate: Double { Self.rates[rateIndex] }
    var stepCount: Int { pair.stepCount }

    init(rateIndex: Int = 2) {
        self.rateIndex = rateIndex
        var normalized = ExperimentConfig()
        normalized.variant = .batch
        normalized.learningRate = Self.rates[rateIndex]
        pair = ComparedRuns(preset: normalized, setting: CompareSetting(.variant, NormVariant.none.rawValue),
            names: ComparedRuns.normalizationNames)
    }

    mutating func advance() {
        if stepCount % Self.landscapeInterval == 0 {
            let stepSizes = Self.stepSizeFactors.map { $0 * learningRate }
            for index in 0..<pair.count {
                let trainer = pair[index].trainer
                bands[index].append(trainer.lossAlongGradient(on: trainer.probeBatch(), stepSizes: stepSizes))
            }
            bandSteps.append(stepCount + 1)
        }
        pair.step()
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("["), label: "[", help: Localized(en: "lower lr", de: "kleinere Lernrate")),
            LessonKey(key: .character("]"), label: "]", help: Localized(en: "higher lr", de: "größere Lernrate")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        let newIndex: Int
        switch key {
        case .character("["): newIndex = max(0, rateIndex - 1)
        case .character("]"): newIndex = min(Self.rates.count - 1, rateIndex + 1)
        default: return nil
        }
        self = LearningRateEngine(rateIndex: newIndex)
        let rate = NumberFormat.short(learningRate)
        return Localized(en: "lr \(rate) for both, started again", de: "Lernrate \(rate) für beide, neu gestartet")
    }

    /// The latest held-out accuracy of run `index` (eval mode, every 25 steps).
    func heldOutAccuracy(_ index: Int) -> Double? {
        pair[index].history.evaluations.last?.evaluation.accuracy
    }

    /// Where run `index` stands, in a few words.
    func verdict(_ index: Int, _ language: Language) -> String {
        if let note = pair.stopNote(index, language) { return note }
        guard let accuracy = heldOutAccuracy(index) else { return "–" }
        if accuracy < 0.2 { return language == .de ? "rät (Zufallsniveau)" : "guessing (chance)" }
        return language == .de ? "lernt" : "learns"
    }

    /// The mean width (high − low) of run `index`'s bands over the measurements from step
    /// `from` on; `nil` if none is finite.
    func meanBandWidth(_ index: Int, from: Int = 1) -> Double? {
        let widths = zip(bandSteps, bands[index]).filter { $0.0 >= from }.compactMap { $0.1.range.map { $0.upperBound - $0.lowerBound } }
        return widths.isEmpty ? nil : widths.reduce(0, +) / Double(widths.count)
    }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        // Below 30 rows the loss chart would be too flat to read: the table says the loss.
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 8), .fraction(compact ? 0 : 0.35), .fill])
        let inner = Panel(title: language == .de ? "Lernrate \(NumberFormat.short(learningRate)) für beide" : "lr \(NumberFormat.short(learningRate)) for both")
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let runs = (0..<pair.count)
        var tableRows: [[String]] = [
            [language == .de ? "Genauigkeit (zurückgeh.)" : "held-out accuracy"] + runs.map { heldOutAccuracy($0).map(NumberFormat.percent) ?? "–" },
            [language == .de ? "Verlust jetzt" : "loss now"] + runs.map { pair[$0].history.loss.last.map(NumberFormat.short) ?? "–" },
            [language == .de ? "Zustand" : "state"] + runs.map { verdict($0, language) },
        ]
        if !compact {
            tableRows.append([language == .de ? "Bandbreite (Mittel)" : "band width (mean)"] + runs.map { meanBandWidth($0).map(NumberFormat.short) ?? "–" })
        }
        Table(columns: [Table.Column("")] + runs.map { Table.Column(pair[$0].name(language), alignment: .right) }, rows: tableRows)
            .render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)

        if !compact {
            let lossInner = Panel(title: language == .de ? "Trainingsverlust (log)" : "training loss (log)")
                .render(into: &grid, in: rows[1], glyphs: glyphs)
            let lossSeries = runs.map {
                LineChart.Series(name: pair[$0].name(language), values: pair[$0].history.loss.elements, color: .series($0))
            }
            LineChart(series: lossSeries, scale: .log10, steps: 1...max(1, stepCount)).render(into: &grid, in: lossInner, glyphs: glyphs)
        }
        let bandInner = Panel(title: language == .de ? "Verlust bei w - k*lr*g, k = 1/4 bis 4 (log)" : "loss at w - k*lr*g, k = 1/4 to 4 (log)")
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let fills: [(Character, Character)] = [("█", "#"), ("░", ":")]
        let chartBands = runs.map { index in
            BandChart.Band(
                name: pair[index].name(language),
                lows: bands[index].map { $0.range?.lowerBound ?? .nan }, highs: bands[index].map { $0.range?.upperBound ?? .nan },
                color: .series(index), fill: fills[index].0, asciiFill: fills[index].1)
        }
        BandChart(bands: chartBands, steps: (bandSteps.first ?? 1)...(bandSteps.last ?? 1)).render(into: &grid, in: bandInner, glyphs: glyphs)
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("lr", learningRate)
        record.append("bn_loss", pair[0].history.loss.last)
        record.append("none_loss", pair[1].history.loss.last)
        record.append("bn_eval_accuracy", heldOutAccuracy(0))
        record.append("none_eval_accuracy", heldOutAccuracy(1))
        for (index, prefix) in ["bn", "none"].enumerated() {
            let latestBand = bands[index].last?.range
            record.append("\(prefix)_band_low", latestBand?.lowerBound)
            record.append("\(prefix)_band_high", latestBand?.upperBound)
        }
        return record
    }
}

import NormMath

/// Lesson 2, "Reduzierung der internen Kovariatverschiebung": the distribution of one unit's
/// input over training, with and without batch norm — the 15th, 50th and 85th percentiles as
/// Ioffe & Szegedy (2015, Fig. 1) plot them, and the histograms over time.
enum CovariateShiftLesson {
    static let lesson = Lesson(
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
                    Zwei Kopien eines Netzes (gleicher Seed, gleiche Daten und Startgewichte, Lernrate 0,05), eine mit Batch Norm, eine ohne. Jede Spalte verfolgt einen Kanal von Schicht 3: die Werte, die seine ReLU auf einer festen Batch zurückgehaltener Bilder bekommt.

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
        makeEngine: { CovariateShiftEngine() })
}

/// Batch norm and no normalization side by side; each step, one channel's ReLU input on a
/// fixed held-out batch is measured in both, before the step's update.
struct CovariateShiftEngine: LessonEngine {
    /// One run's record of the followed channel.
    struct Track: Sendable {
        var p15: [Double] = []
        var p50: [Double] = []
        var p85: [Double] = []
        var ridgeline: [RidgelineView.Row] = []

        /// How many times wider the 15–85 % range is now than when tracking began.
        var widening: Double? {
            guard let first = p85.first, let last = p85.last, let low0 = p15.first, let low = p15.last, first > low0 else { return nil }
            return (last - low) / (first - low0)
        }
    }

    static let ridgelineInterval = 10
    static let ridgelineCapacity = 32

    private(set) var pair: ComparedRuns
    private(set) var block = 2
    private(set) var channel = 0
    private(set) var tracks: [Track] = [Track(), Track()]
    /// The step at which the followed channel was chosen (its curves start there).
    private(set) var trackedFrom = 0

    var stepCount: Int { pair.stepCount }

    init() {
        pair = ComparedRuns(preset: ExperimentConfig(), setting: CompareSetting(.variant, NormVariant.none.rawValue),
            names: ComparedRuns.normalizationNames)
    }

    mutating func advance() {
        for index in 0..<pair.count where !pair[index].trainer.isDiverged {
            let trainer = pair[index].trainer
            let values = trainer.channelValues(block: block, channel: channel, on: trainer.probeBatch()).post
            let levels = ChannelValues.percentiles(values, at: [1, 15, 50, 85, 99])
            tracks[index].p15.append(levels[1])
            tracks[index].p50.append(levels[2])
            tracks[index].p85.append(levels[3])
            if (stepCount - trackedFrom) % Self.ridgelineInterval == 0 {
                tracks[index].ridgeline.append(RidgelineView.Row(label: "\(stepCount)", values: values, span: levels[0]...levels[4]))
                tracks[index].ridgeline = Array(tracks[index].ridgeline.suffix(Self.ridgelineCapacity))
            }
        }
        pair.step()
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("["), label: "[", help: Localized(en: "layer −", de: "Schicht −")),
            LessonKey(key: .character("]"), label: "]", help: Localized(en: "layer +", de: "Schicht +")),
            LessonKey(key: .character("c"), label: "c", help: Localized(en: "channel +", de: "Kanal +")),
            LessonKey(key: .character("C"), label: "C", help: Localized(en: "channel −", de: "Kanal −")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        let depth = pair[0].trainer.config.depth, channels = pair[0].trainer.config.shape.c
        switch key {
        case .character("]"): block = min(depth - 1, block + 1)
        case .character("["): block = max(0, block - 1)
        case .character("c"): channel = (channel + 1) % channels
        case .character("C"): channel = (channel + channels - 1) % channels
        default: return nil
        }
        tracks = [Track(), Track()]
        trackedFrom = stepCount
        return Localized(
            en: "following layer \(block + 1), channel \(channel) from step \(stepCount)",
            de: "verfolge Schicht \(block + 1), Kanal \(channel) ab Schritt \(stepCount)")
    }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let columns = rect.columns([.fill, .fill])
        for index in 0..<pair.count {
            let name = pair[index].name(language)
            let place = "\(language == .de ? "Schicht" : "layer") \(block + 1), \(language == .de ? "Kanal" : "ch.") \(channel)"
            let title = name.count + place.count + 7 <= columns[index].width ? "\(name) · \(place)" : "\(name) · L\(block + 1) c\(channel)"
            let inner = Panel(title: title).render(into: &grid, in: columns[index], glyphs: glyphs)
            let rows = inner.rows([.fraction(0.5), .fill, .fixed(1)])
            let track = tracks[index]
            let series = [("15%", track.p15), ("50%", track.p50), ("85%", track.p85)].enumerated().map { offset, item in
                LineChart.Series(name: item.0, values: item.1, color: .series(offset + 2))
            }
            LineChart(series: series, steps: trackedFrom...(trackedFrom + max(0, track.p50.count - 1)))
                .render(into: &grid, in: rows[0], glyphs: glyphs)
            RidgelineView(rows: track.ridgeline).render(into: &grid, in: rows[1], glyphs: glyphs)
            grid.put(text: summary(index, language), at: Point(x: rows[2].x, y: rows[2].y), style: .bold, clip: rows[2])
        }
    }

    /// The bottom line of a column: how much the middle 70 % widened since tracking began, or
    /// why the run stopped.
    func summary(_ index: Int, _ language: Language) -> String {
        if let note = pair.stopNote(index, language) { return note }
        guard let widening = tracks[index].widening else { return "" }
        let factor = NumberFormat.short(widening)
        return language == .de ? "15–85 %: ×\(factor) breiter" : "15–85%: ×\(factor) wider"
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("layer", block + 1)
        record.append("channel", channel)
        for (prefix, track) in zip(["bn", "none"], tracks) {
            record.append("\(prefix)_p15", track.p15.last)
            record.append("\(prefix)_p50", track.p50.last)
            record.append("\(prefix)_p85", track.p85.last)
        }
        for (prefix, track) in zip(["bn", "none"], tracks) {
            record.append("\(prefix)_widening", track.widening)
        }
        return record
    }
}

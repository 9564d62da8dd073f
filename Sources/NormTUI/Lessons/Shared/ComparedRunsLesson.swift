import NormMath

/// Compare mode (`c` on the main screen, `--compare SETTING=VALUE` on the command line): the
/// current experiment and a copy that differs in one setting, shown side by side on shared
/// axes. It runs as a lesson without a number, so it has the lesson screen's keys (space, s,
/// r, Esc back to the free experiment) and its explanation panel.
enum ComparedRunsLesson {
    static let id = "compare"

    /// Compare mode for `base`: `setting` first, then the suggestions `c` cycles through.
    static func lesson(base: ExperimentConfig, setting: CompareSetting? = nil) -> Lesson {
        let settings = [setting].compactMap { $0 } + CompareSetting.suggestions(for: base).filter { $0 != setting }
        return Lesson(
            id: id, number: 0, section: "compare mode",
            title: Localized(en: "Compare", de: "Vergleich"),
            summary: Localized(en: "two runs that differ in one setting, side by side", de: "zwei Läufe, die sich in einer Einstellung unterscheiden, nebeneinander"),
            pages: [
                LessonPage(
                    title: Localized(en: "Compare mode", de: "Vergleichsmodus"),
                    text: Localized(
                        en: """
                        Two runs of the current experiment with the same seed — the same data, batches and initial weights — that differ in exactly one setting, named at the top of each column.

                        Both columns of a row share their axes: equal heights are equal values.

                        c compares another setting (normalization, a 20× learning rate, batch size 4, a faster running average). [ and ] choose the layer of the gradient norms. Esc returns to the free experiment.

                        On the command line: normtui --compare lr=2 (or variant=none, batch=4, bn-momentum=0.5, …).
                        """,
                        de: """
                        Zwei Läufe des aktuellen Experiments mit gleichem Seed — gleiche Daten, Batches und Startgewichte —, die sich in genau einer Einstellung unterscheiden; sie steht oben in jeder Spalte.

                        Beide Spalten einer Zeile teilen ihre Achsen: gleiche Höhe heißt gleicher Wert.

                        c vergleicht eine andere Einstellung (Normalisierung, 20-fache Lernrate, Batchgröße 4, schnelleres laufendes Mittel). [ und ] wählen die Schicht der Gradientennormen. Esc führt zurück zum freien Experiment.

                        Auf der Kommandozeile: normtui --compare lr=2 (oder variant=none, batch=4, bn-momentum=0.5, …).
                        """)),
            ],
            makeEngine: { ComparedRunsEngine(base: base, settings: settings) })
    }
}

/// Two runs, stepped together; `c` replaces the changed run by one that differs in the next
/// setting, both from the start.
struct ComparedRunsEngine: LessonEngine {
    let base: ExperimentConfig
    /// The settings `c` cycles through; those that cannot apply to `base` are skipped.
    let settings: [CompareSetting]
    private(set) var settingIndex: Int
    private(set) var pair: ComparedRuns
    /// The layer whose gradient norm is shown.
    private(set) var block = 0
    /// Steps the accuracy is averaged over.
    static let window = 10

    /// - Precondition: at least one of `settings` applies to `base` (the suggestions always
    ///   include normalization on/off, which does).
    init(base: ExperimentConfig, settings: [CompareSetting]) {
        self.base = base
        self.settings = settings
        guard let (index, pair) = Self.firstApplicable(settings, from: 0, base: base) else {
            preconditionFailure("no setting to compare applies to the experiment")
        }
        settingIndex = index
        self.pair = pair
    }

    /// The first of `settings`, from `start` on (wrapping around), that can run on `base`.
    static func firstApplicable(_ settings: [CompareSetting], from start: Int, base: ExperimentConfig) -> (Int, ComparedRuns)? {
        for offset in 0..<settings.count {
            let index = (start + offset) % settings.count
            if let pair = try? ComparedRuns(base: base, setting: settings[index]) { return (index, pair) }
        }
        return nil
    }

    var setting: CompareSetting { settings[settingIndex] }
    var stepCount: Int { pair.stepCount }

    mutating func advance() { pair.step() }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("c"), label: "c", help: Localized(en: "other setting", de: "andere Einstellung")),
            LessonKey(key: .character("["), label: "[", help: Localized(en: "layer −", de: "Schicht −")),
            LessonKey(key: .character("]"), label: "]", help: Localized(en: "layer +", de: "Schicht +")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        switch key {
        case .character("c"):
            guard let (index, pair) = Self.firstApplicable(settings, from: settingIndex + 1, base: base) else { return nil }
            settingIndex = index
            self.pair = pair
            let names = "\(pair[0].name(.en)) vs \(pair[1].name(.en))"
            return Localized(en: "comparing \(names), from the start", de: "Vergleich \(names), von vorn")
        case .character("["): block = max(0, block - 1)
        case .character("]"): block = min(base.depth - 1, block + 1)
        default: return nil
        }
        return nil
    }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let full = rect.height >= 30
        let rows = rect.rows(full ? [.fixed(6), .fill, .fill, .fill] : [.fixed(5), .fill, .fill])
        let runs = 0..<pair.count
        let tableInner = Panel(title: language == .de ? "gleicher Seed, anders: \(setting.name.rawValue)" : "same seed, differs in: \(setting.name.rawValue)")
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let percent = { (value: Double?) in value.map(NumberFormat.percent) ?? "–" }
        var tableRows = [
            [language == .de ? "Verlust" : "loss"] + runs.map { pair[$0].history.loss.last.map(NumberFormat.short) ?? "–" },
            [language == .de ? "zurückgeh. (Eval)" : "held-out (eval)"] + runs.map { percent(pair[$0].history.evaluations.last?.evaluation.accuracy) },
        ]
        if full {
            tableRows.append([language == .de ? "Zustand" : "state"] + runs.map { pair.stopNote($0, language) ?? (language == .de ? "läuft" : "running") })
        }
        Table(columns: [Table.Column("")] + runs.map { Table.Column(pair[$0].name(language), alignment: .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        func sides(_ title: String, _ values: (LessonRuns.Run) -> [Double]) -> [SideBySideCharts.Side] {
            runs.map { index in
                SideBySideCharts.Side(
                    title: "\(pair[index].name(language)): \(title)",
                    series: [LineChart.Series(name: title, values: values(pair[index]), color: .series(index))])
            }
        }
        let loss = language == .de ? "Verlust (log)" : "loss (log)"
        SideBySideCharts(sides: sides(loss) { $0.history.loss.elements }, scale: .log10)
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        let gradient = language == .de ? "Gradientennorm W\(block + 1) (log)" : "gradient norm W\(block + 1) (log)"
        let gradientRow = full ? rows[3] : rows[2]
        SideBySideCharts(sides: sides(gradient) { $0.history.layers[block].weightGradNorm.elements }, scale: .log10)
            .render(into: &grid, in: gradientRow, glyphs: glyphs)
        if full {
            let accuracy = language == .de ? "Genauigkeit (Training, Mittel \(Self.window))" : "accuracy (train, mean of \(Self.window))"
            SideBySideCharts(sides: sides(accuracy) { RunningMean.of($0.history.accuracy.elements, window: Self.window) }, fixedRange: 0...1)
                .render(into: &grid, in: rows[2], glyphs: glyphs)
        }
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        let runs = zip(["a", "b"], 0..<pair.count)
        for (prefix, index) in runs { record.append("\(prefix)_loss", pair[index].history.loss.last) }
        for (prefix, index) in runs { record.append("\(prefix)_accuracy", pair[index].history.accuracy.last) }
        for (prefix, index) in runs {
            record.append("\(prefix)_eval_accuracy", pair[index].history.evaluations.last?.evaluation.accuracy)
        }
        return record
    }
}

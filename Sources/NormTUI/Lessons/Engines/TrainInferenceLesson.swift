import NormMath

/// Lesson 5, "Training-Inferenz-Diskrepanz": batch norm normalizes with the batch's statistics
/// in training and with running averages at inference, so the same network on the same batch
/// computes two different functions. How far apart they are depends on the batch size (how
/// noisy the batch statistics are) and on the momentum of the running average (how far it
/// lags behind weights that keep changing).
enum TrainInferenceLesson {
    static let lesson = Lesson(
        id: "train-inference", number: 5, section: "Training-Inferenz-Diskrepanz",
        title: Localized(en: "Train/inference discrepancy", de: "Training-Inferenz-Diskrepanz"),
        summary: Localized(
            en: "batch vs running statistics per channel, and train-mode vs eval-mode accuracy at batch sizes 4, 16, 64",
            de: "Batch- gegen laufende Statistiken pro Kanal, Genauigkeit im Trainings- und Eval-Modus bei Batchgröße 4, 16, 64"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    Three Batch Norm networks (same seed and initial weights) train with batch sizes 4, 16 and 64. After every step the same batch goes through the network twice: in train mode (the batch's own μ and σ²) and in eval mode (the running statistics, as at inference).

                    The table compares the two accuracies, averaged over the last 25 steps, and how far the batch means stray from the running means, in running σ.

                    The bars: one channel each, the running mean; ◆ marks this batch's mean. [ and ] choose the batch size shown.
                    """,
                    de: """
                    Drei Netze mit Batch Norm (gleicher Seed, gleiche Startgewichte) trainieren mit Batchgröße 4, 16 und 64. Nach jedem Schritt läuft dieselbe Batch zweimal durch das Netz: im Trainingsmodus (μ und σ² der Batch selbst) und im Eval-Modus (die laufenden Statistiken, wie bei der Inferenz).

                    Die Tabelle vergleicht beide Genauigkeiten, gemittelt über die letzten 25 Schritte, und wie weit die Batch-Mittelwerte von den laufenden abweichen, in laufenden σ.

                    Die Balken: je ein Kanal, der laufende Mittelwert; ◆ markiert den Mittelwert dieser Batch. [ und ] wählen die gezeigte Batchgröße.
                    """)),
            LessonPage(
                title: Localized(en: "Batch size", de: "Batchgröße"),
                text: Localized(
                    en: """
                    With 4 images the batch statistics are noisy: the ◆ jump around the bars, and train and eval mode disagree on several percent of the batch. With 64 images the two modes agree to a fraction of a percent.

                    On this toy problem, at batch size 4 eval mode is usually the *better* one: the running averages smooth out the noise that hurts training-mode predictions. The discrepancy is a difference, not always a loss.
                    """,
                    de: """
                    Bei 4 Bildern sind die Batch-Statistiken verrauscht: die ◆ springen um die Balken, und Trainings- und Eval-Modus sind sich bei einigen Prozent der Batch uneins. Bei 64 Bildern stimmen beide Modi bis auf Bruchteile eines Prozents überein.

                    Bei diesem kleinen Problem ist bei Batchgröße 4 der Eval-Modus meist der *bessere*: die laufenden Mittel glätten das Rauschen, das den Vorhersagen im Trainingsmodus schadet. Die Diskrepanz ist ein Unterschied, nicht immer ein Verlust.
                    """)),
            LessonPage(
                title: Localized(en: "Momentum", de: "Momentum"),
                text: Localized(
                    en: """
                    m cycles the momentum of the running statistics (0.01, 0.1, 0.5) and starts again. running = (1 − m)·running + m·batch: a small m averages over about 1/m steps.

                    With m = 0.01 the running statistics remember weights from a hundred steps ago: eval mode falls far behind train mode (about 20 points at batch size 16). With m = 0.5 they follow the weights closely but carry the last few batches' noise.

                    PyTorch's default is 0.1. Before deploying, check eval-mode accuracy — not just the training curve.
                    """,
                    de: """
                    m schaltet das Momentum der laufenden Statistiken durch (0,01, 0,1, 0,5) und startet neu. laufend = (1 − m)·laufend + m·Batch: ein kleines m mittelt über etwa 1/m Schritte.

                    Mit m = 0,01 erinnern sich die laufenden Statistiken an Gewichte von vor hundert Schritten: der Eval-Modus fällt weit hinter den Trainingsmodus zurück (etwa 20 Punkte bei Batchgröße 16). Mit m = 0,5 folgen sie den Gewichten eng, tragen aber das Rauschen der letzten Batches.

                    PyTorchs Voreinstellung ist 0,1. Vor dem Einsatz die Genauigkeit im Eval-Modus prüfen — nicht nur die Trainingskurve.
                    """)),
        ],
        makeEngine: { TrainInferenceEngine() })
}

/// Batch norm at three batch sizes, each step measured in train and in eval mode.
struct TrainInferenceEngine: LessonEngine {
    static let batchSizes = [4, 16, 64]
    static let momenta: [Double] = [0.01, 0.1, 0.5]
    /// Steps the table averages over.
    static let window = 25

    private(set) var momentumIndex: Int
    private(set) var runs: LessonRuns
    /// Per run and step: train-mode and eval-mode accuracy on the step's batch.
    private(set) var trainModeAccuracy: [[Double]]
    private(set) var evalModeAccuracy: [[Double]]
    /// Per run and step: mean over channels of |batch mean − running mean| / running σ in
    /// the shown layer.
    private(set) var statisticsMismatch: [[Double]]
    /// The run whose channels the bar chart shows.
    private(set) var shownRun = 0
    private(set) var stepCount = 0
    /// The layer whose statistics are compared: the last one, where the discrepancy of the
    /// earlier layers has added up.
    static let block = 2

    var bnMomentum: Double { Self.momenta[momentumIndex] }

    init(momentumIndex: Int = 1) {
        self.momentumIndex = momentumIndex
        runs = LessonRuns(Self.batchSizes.map { n in
            var config = ExperimentConfig()
            config.shape = TensorShape(n: n, c: config.shape.c, h: config.shape.h, w: config.shape.w)
            config.bnMomentum = Self.momenta[momentumIndex]
            return (Localized(en: "N = \(n)", de: "N = \(n)"), config)
        })
        for index in 0..<runs.count { runs[index].trainer.measuresEvalMode = true }
        trainModeAccuracy = Array(repeating: [], count: Self.batchSizes.count)
        evalModeAccuracy = trainModeAccuracy
        statisticsMismatch = trainModeAccuracy
    }

    mutating func advance() {
        runs.step()
        stepCount += 1
        for index in 0..<runs.count {
            guard let report = runs[index].history.latest, report.step == stepCount else { continue }
            trainModeAccuracy[index].append(report.accuracy)
            evalModeAccuracy[index].append(report.evalModeBatch?.accuracy ?? .nan)
            statisticsMismatch[index].append(Self.mismatch(report.layers[Self.block]))
        }
    }

    /// Mean over channels of |μ_batch − μ_running| / σ_running.
    static func mismatch(_ probe: LayerProbe) -> Double {
        guard let runningMean = probe.runningMean, let runningVar = probe.runningVar, !runningMean.isEmpty else { return .nan }
        var sum = 0.0
        for c in runningMean.indices {
            sum += abs(probe.batchMean[c] - Double(runningMean[c])) / max(Double(runningVar[c]), 1e-12).squareRoot()
        }
        return sum / Double(runningMean.count)
    }

    /// The mean of the last `window` values (all of them when fewer).
    static func recentMean(_ values: [Double], window: Int = TrainInferenceEngine.window) -> Double? {
        let recent = values.suffix(window).filter(\.isFinite)
        return recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
    }

    /// Train-mode minus eval-mode accuracy of run `index`, over the last `window` steps.
    func accuracyGap(_ index: Int, window: Int = TrainInferenceEngine.window) -> Double? {
        guard let train = Self.recentMean(trainModeAccuracy[index], window: window),
              let eval = Self.recentMean(evalModeAccuracy[index], window: window) else { return nil }
        return train - eval
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("m"), label: "m", help: Localized(en: "bn momentum", de: "BN-Momentum")),
            LessonKey(key: .character("["), label: "[", help: Localized(en: "smaller N", de: "kleineres N")),
            LessonKey(key: .character("]"), label: "]", help: Localized(en: "larger N", de: "größeres N")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        switch key {
        case .character("m"):
            self = TrainInferenceEngine(momentumIndex: (momentumIndex + 1) % Self.momenta.count)
            let m = NumberFormat.short(bnMomentum)
            return Localized(en: "bn momentum \(m), started again", de: "BN-Momentum \(m), neu gestartet")
        case .character("["): shownRun = max(0, shownRun - 1)
        case .character("]"): shownRun = min(runs.count - 1, shownRun + 1)
        default: return nil
        }
        return nil
    }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let compact = rect.height < 30
        let rows = rect.rows([.fixed(compact ? 6 : 7), .fraction(compact ? 0.4 : 0.45), .fill])
        let m = NumberFormat.short(bnMomentum)
        let tableInner = Panel(title: language == .de
            ? "dieselbe Batch, zwei Modi (Mittel der letzten \(Self.window) Schritte), BN-Momentum \(m)"
            : "one batch, two modes (mean of the last \(Self.window) steps), bn momentum \(m)")
            .render(into: &grid, in: rows[0], glyphs: glyphs)
        let percent = { (value: Double?) in value.map(NumberFormat.percent) ?? "–" }
        // A narrow table leaves out the held-out accuracy: the two modes on one batch matter most.
        let showsHeldOut = tableInner.width >= 60
        let tableRows = (0..<runs.count).map { index -> [String] in
            [
                runs[index].name(language),
                percent(Self.recentMean(trainModeAccuracy[index])),
                percent(Self.recentMean(evalModeAccuracy[index])),
                accuracyGap(index).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? "–",
                Self.recentMean(statisticsMismatch[index]).map(NumberFormat.short) ?? "–",
            ] + (showsHeldOut ? [percent(runs[index].history.evaluations.last?.evaluation.accuracy)] : [])
        }
        let columns = (language == .de
            ? ["", "Training", "Eval", "Differenz", "|μB−μ|/σ", "zurückgeh."]
            : ["", "train mode", "eval mode", "gap", "|μB−μ|/σ", "held-out"]).prefix(showsHeldOut ? 6 : 5)
        Table(columns: columns.enumerated().map { Table.Column($0.element, alignment: $0.offset == 0 ? .left : .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        let shown = runs[shownRun]
        let barsInner = Panel(title: language == .de
            ? "\(shown.name(language)), Schicht \(Self.block + 1): laufender Mittelwert (Balken), Batch-Mittelwert (◆)"
            : "\(shown.name(language)), layer \(Self.block + 1): running mean (bar), batch mean (◆)")
            .render(into: &grid, in: rows[1], glyphs: glyphs)
        if let probe = shown.history.latest?.layers[Self.block], let runningMean = probe.runningMean {
            let entries = runningMean.indices.map { c in
                BarChart.Entry(label: "c\(c)", value: Double(runningMean[c]), marker: probe.batchMean[c])
            }
            BarChart(entries: entries).render(into: &grid, in: barsInner.inset(left: 1, right: 1), glyphs: glyphs)
        }

        let gapInner = Panel(title: language == .de
            ? "Training − Eval, Genauigkeit auf derselben Batch (Mittel über \(Self.window) Schritte)"
            : "train − eval mode accuracy on the same batch (mean over \(Self.window) steps)")
            .render(into: &grid, in: rows[2], glyphs: glyphs)
        let series = (0..<runs.count).map { index in
            LineChart.Series(name: runs[index].name(language), values: RunningMean.of(zip(trainModeAccuracy[index], evalModeAccuracy[index]).map { $0 - $1 }, window: Self.window),
                color: .series(index))
        }
        LineChart(series: series, steps: 1...max(1, stepCount)).render(into: &grid, in: gapInner, glyphs: glyphs)
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("bn_momentum", bnMomentum)
        for (index, n) in Self.batchSizes.enumerated() {
            record.append("n\(n)_train_mode_accuracy", trainModeAccuracy[index].last)
            record.append("n\(n)_eval_mode_accuracy", evalModeAccuracy[index].last)
            record.append("n\(n)_heldout_accuracy", runs[index].history.evaluations.last?.evaluation.accuracy)
            record.append("n\(n)_stat_mismatch", statisticsMismatch[index].last)
        }
        return record
    }
}

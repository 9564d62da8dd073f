import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 10's screen: how much gradient reaches each time step (relative to the last), the
/// hidden state's spread over the steps, the training loss over the steps with the claims'
/// markers, and batch norm's view of a padded batch. A short screen shows the loss and one of
/// the charts over time: the gradient, the spread (page 2) or the padded batch (page 3).
extension SequencesEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        if rect.height >= 30 {
            let rows = rect.rows([.fraction(0.3), .fraction(0.37), .fill])
            drawLoss(context, into: &grid, in: rows[0])
            drawGradient(language, into: &grid, in: rows[1], glyphs: glyphs)
            let columns = rows[2].columns([.fraction(0.5), .fill])
            drawSpread(language, into: &grid, in: columns[0], glyphs: glyphs)
            drawPadding(language, into: &grid, in: columns[1], glyphs: glyphs)
        } else {
            let rows = rect.rows([.fraction(0.45), .fill])
            drawLoss(context, into: &grid, in: rows[0])
            switch context.page {
            case 1: drawSpread(language, into: &grid, in: rows[1], glyphs: glyphs)
            case 2: drawPadding(language, into: &grid, in: rows[1], glyphs: glyphs)
            default: drawGradient(language, into: &grid, in: rows[1], glyphs: glyphs)
            }
        }
    }

    static func name(_ model: Int, _ language: Language) -> String {
        model == 0 ? Localized(en: "plain GRU", de: "GRU ohne Norm")(language) : Localized(en: "GRU + layer norm", de: "GRU + Layer Norm")(language)
    }

    static func shortName(_ model: Int, _ language: Language) -> String {
        model == 0 ? Localized(en: "plain", de: "ohne")(language) : "LN"
    }

    /// One series per GRU (plain, layer norm), in their colours, named in full on panels at
    /// least 60 columns wide.
    static func bothModels(_ language: Language, width: Int, spread: (Int) -> SeedSpread) -> [LineChart.Series] {
        (0..<2).map { model in
            LineChart.Series(
                name: width >= 60 ? name(model, language) : shortName(model, language), spread: spread(model),
                color: .series(model))
        }
    }

    /// The training loss of both runs over the steps (median and range over the seeds), the
    /// mean baseline in the title.
    func drawLoss(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let baseline = LessonFormat.short(AddingProblem.meanBaseline)
        let title = LessonFormat.panelTitle([
            Localized(
                en: "training loss (log), adding problem T = \(Self.length); predicting the mean: \(baseline)",
                de: "Trainingsverlust (log), Additionsproblem T = \(Self.length); Mittelwert vorhersagen: \(baseline)")(language),
            Localized(en: "training loss (log); the mean: \(baseline)", de: "Trainingsverlust (log); Mittelwert: \(baseline)")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let series = Self.bothModels(language, width: rect.width) { model in
            SeedSpread(runs.map { LossCurve.smoothed($0.loss[model].elements, to: 2 * inner.width) })
        }
        var chart = LineChart(series: series, scale: .log10, steps: 1...max(1, stepCount))
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: inner, glyphs: glyphs)
    }

    /// ‖∂L/∂h_t‖ / ‖∂L/∂h_T‖ over t at the latest look, median and range over the seeds.
    func drawGradient(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let step = measuredSteps.last ?? 0
        let title = LessonFormat.panelTitle([
            Localized(
                en: "‖∂L/∂h_t‖ relative to step \(Self.length), held-out batch at step \(step) (log)",
                de: "‖∂L/∂h_t‖ relativ zu Schritt \(Self.length), zurückgehaltener Batch bei Schritt \(step) (log)")(language),
            Localized(en: "‖∂L/∂h_t‖ / ‖∂L/∂h_\(Self.length)‖ at step \(step) (log)", de: "‖∂L/∂h_t‖ / ‖∂L/∂h_\(Self.length)‖ bei Schritt \(step) (log)")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let series = Self.bothModels(language, width: rect.width) { model in
            SeedSpread(runs.map { run in
                let norms = run.probes[model].gradientNorms
                return norms.map { $0 / norms[norms.count - 1] }
            })
        }
        let parts = inner.rows([.fill, .fixed(1)])
        LineChart(series: series, scale: .log10, steps: 1...Self.length).render(into: &grid, in: parts[0], glyphs: glyphs)
        // The number the chart is about, which its legend (the last step's 1) cannot say.
        let median = { (model: Int) in
            LessonFormat.short(SeedSpread.summary(runs.indices.map { firstToLastGradient(model, seed: $0) })?.median)
        }
        let seedsNote = runs.count > 1
            ? Localized(en: ", median of \(runs.count) seeds", de: ", Median aus \(runs.count) Seeds")(language) : ""
        let numbers = Localized(en: "step 1 / step \(Self.length)", de: "Schritt 1 / Schritt \(Self.length)")(language)
            + ": \(Self.shortName(0, language)) \(median(0)), LN \(median(1))"
        let summary = numbers.count + seedsNote.count <= parts[1].width ? numbers + seedsNote : numbers
        grid.put(text: Text.truncated(summary, to: parts[1].width, glyphs: glyphs), at: Point(x: parts[1].x, y: parts[1].y), style: .dim, clip: parts[1])
    }

    /// The standard deviation of h_t over t at the latest look, median and range over the seeds.
    func drawSpread(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let step = measuredSteps.last ?? 0
        let title = LessonFormat.panelTitle([
            Localized(en: "spread of h_t (std), step \(step)", de: "Streuung von h_t (Std.), Schritt \(step)")(language),
            Localized(en: "spread of h_t, step \(step)", de: "Streuung von h_t, Schritt \(step)")(language),
            Localized(en: "std of h_t", de: "Std. von h_t")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let series = Self.bothModels(language, width: 0) { model in SeedSpread(runs.map { $0.probes[model].hiddenSpread }) }
        var chart = LineChart(series: series, steps: 1...Self.length)
        chart.fixedRange = 0...1
        chart.render(into: &grid, in: inner, glyphs: glyphs)
    }

    /// Batch norm's per-step mean of the value input on a padded batch (first seed), against
    /// the mean over the sequences still running.
    func drawPadding(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let padded = runs[0].padded
        let title = LessonFormat.panelTitle([
            Localized(
                en: "batch mean per step, \(Self.batchSize) padded sequences",
                de: "Batch-Mittel je Schritt, \(Self.batchSize) aufgefüllte Folgen")(language),
            Localized(en: "batch mean per step, padded", de: "Batch-Mittel je Schritt")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let series = [
            LineChart.Series(
                name: Localized(en: "padded", de: "aufgefüllt")(language), values: padded.paddedMean, color: .series(2)),
            LineChart.Series(
                name: Localized(en: "running", de: "laufend")(language), values: padded.runningMean, color: .series(3)),
        ]
        var chart = LineChart(series: series, steps: 1...Self.length)
        chart.fixedRange = 0...1
        chart.render(into: &grid, in: inner, glyphs: glyphs)
    }
}

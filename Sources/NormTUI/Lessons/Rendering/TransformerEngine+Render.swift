import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 12's screen: each block's gradient norm at initialization (a table, median over the
/// seeds), then for one placement's three runs (key g) the training loss and the largest
/// attention logit over the steps, as the seeds' median and range. A narrow screen gets short
/// titles and median-only cells.
extension TransformerEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let initialRows = [Self.post, Self.pre, Self.preRMS]
        let tableHeight = initialRows.count + 3
        let rows = rect.rows([.fixed(tableHeight), .fixed((rect.height - tableHeight + 1) / 2), .fill])
        let shown = Self.shownGroups[shownGroup].runs, group = Self.shownGroups[shownGroup].name
        let seedNote = bySeed.count > 1
            ? Localized(en: ", median of \(bySeed.count) seeds", de: ", Median aus \(bySeed.count) Seeds")(language) : ""
        let tableInner = Panel(title: LessonFormat.panelTitle([
            Localized(en: "‖∂L/∂W‖ per block at initialization\(seedNote)", de: "‖∂L/∂W‖ je Block bei der Initialisierung\(seedNote)")(language),
            Localized(en: "‖∂L/∂W‖ per block at init", de: "‖∂L/∂W‖ je Block bei Init.")(language),
        ], width: rows[0].width)).render(into: &grid, in: rows[0], glyphs: glyphs)
        let wide = tableInner.width >= 60
        let tableRows = initialRows.map { plan -> [String] in
            let norms = (0..<Self.depth).map { block in bySeed.indices.map { initialGradientNorms(plan, seed: $0)[block] } }
            let ratio = bySeed.indices.map { initialGradientNorms(plan, seed: $0).last! / initialGradientNorms(plan, seed: $0)[0] }
            return [Self.plans[plan].name] + norms.map { LessonFormat.short(seeds: $0, showsRange: wide) }
                + [LessonFormat.short(seeds: ratio, showsRange: wide)]
        }
        let columns = [""] + (1...Self.depth).map { Localized(en: "block \($0)", de: "Block \($0)")(language) }
            + [Localized(en: "block \(Self.depth) / 1", de: "Block \(Self.depth) / 1")(language)]
        Table(columns: columns.enumerated().map { Table.Column($0.element, alignment: $0.offset == 0 ? .left : .right) }, rows: tableRows)
            .render(into: &grid, in: tableInner.inset(left: 1, right: 1), glyphs: glyphs)

        let lr = NumberFormat.short(Self.learningRate)
        let lossInner = Panel(title: LessonFormat.panelTitle([
            Localized(
                en: "\(group): training loss (log), lr \(lr), +W: warm-up over \(Self.warmupSteps) steps",
                de: "\(group): Trainingsverlust (log), Lernrate \(lr), +W: Warm-up über \(Self.warmupSteps) Schritte")(language),
            Localized(en: "\(group): training loss (log), lr \(lr)", de: "\(group): Trainingsverlust (log), lr \(lr)")(language),
        ], width: rows[1].width)).render(into: &grid, in: rows[1], glyphs: glyphs)
        let lossSeries = shown.enumerated().map { position, plan in
            LineChart.Series(
                name: Self.plans[plan].name,
                spread: SeedSpread(bySeed.map { LossCurve.smoothed($0.runs[plan].loss.elements, to: 2 * lossInner.width) }),
                color: .series(position))
        }
        var lossChart = LineChart(series: lossSeries, scale: .log10, steps: 1...max(1, stepCount))
        lossChart.markers = context.claimMarkers
        lossChart.render(into: &grid, in: lossInner, glyphs: glyphs)

        let logitInner = Panel(title: LessonFormat.panelTitle([
            Localized(en: "\(group): largest attention logit |q·k|/√d_h per step (log)", de: "\(group): größtes Attention-Logit |q·k|/√d_h je Schritt (log)")(language),
            Localized(en: "\(group): largest attention logit (log)", de: "\(group): größtes Attention-Logit (log)")(language),
        ], width: rows[2].width)).render(into: &grid, in: rows[2], glyphs: glyphs)
        let logitSeries = shown.enumerated().map { position, plan in
            LineChart.Series(
                name: Self.plans[plan].name,
                spread: SeedSpread(bySeed.map { LossCurve.smoothed($0.runs[plan].largestLogit.elements, to: 2 * logitInner.width) }),
                color: .series(position))
        }
        var logitChart = LineChart(series: logitSeries, scale: .log10, steps: 1...max(1, stepCount))
        logitChart.markers = context.claimMarkers
        logitChart.render(into: &grid, in: logitInner, glyphs: glyphs)
    }
}

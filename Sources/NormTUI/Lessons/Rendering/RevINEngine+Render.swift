import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 18's screen: the errors of both forecasters in the training and the test period,
/// one test window with the truth and both forecasts, and (on a tall screen) the test error
/// over training.
extension RevINEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let tall = rect.height >= 30
        let areas = rect.rows([.fixed(7), .fraction(tall ? 0.35 : 0), .fill])
        drawTable(language, into: &grid, in: areas[0], glyphs: glyphs)
        if tall {
            let inner = Panel(title: Localized(en: "test-period error (log)", de: "Fehler im Testzeitraum (log)")(language))
                .render(into: &grid, in: areas[1], glyphs: glyphs)
            let series = (0..<2).map { model in
                LineChart.Series(
                    name: Self.name(model, language), spread: SeedSpread(runs.map { $0.testError[model].elements }),
                    color: .series(model))
            }
            var chart = LineChart(series: series, scale: .log10, steps: (measuredSteps.elements.first ?? 0)...max(1, measuredSteps.last ?? 1))
            chart.markers = context.claimMarkers
            chart.render(into: &grid, in: inner, glyphs: glyphs)
        }
        drawWindow(language, into: &grid, in: areas[2], glyphs: glyphs)
    }

    /// Past values the window chart shows.
    static let shownPast = 24

    static func name(_ model: Int, _ language: Language) -> String {
        model == 0 ? Localized(en: "plain", de: "ohne RevIN")(language) : "RevIN"
    }

    /// Training and test error of both forecasters, the last-value yardstick, RevIN's γ and β.
    func drawTable(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: Localized(
            en: "mean squared error (standardized units)", de: "mittlerer quadratischer Fehler (standardisiert)")(language))
            .render(into: &grid, in: rect, glyphs: glyphs)
        let area = inner.inset(left: 1, right: 1)
        let models = 0..<2
        // An 80-column screen has room for the medians only; the range needs a wider table.
        let seedIndices = runs.indices, showsRange = area.width >= 60
        let rows = [
            [Localized(en: "training period", de: "Trainingszeitraum")(language)] + models.map { model in
                LessonFormat.short(seeds: seedIndices.map { trainingError(model, seed: $0) ?? .nan }, showsRange: showsRange)
            },
            [Localized(en: "test period (shifted)", de: "Testzeitraum (verschoben)")(language)] + models.map { model in
                LessonFormat.short(seeds: seedIndices.map { testError(model, seed: $0) ?? .nan }, showsRange: showsRange)
            },
        ]
        Table(columns: [Table.Column("")] + models.map { Table.Column(Self.name($0, language), alignment: .right) }, rows: rows)
            .render(into: &grid, in: Rect(x: area.x, y: area.y, width: area.width, height: 3), glyphs: glyphs)
        let line = Localized(en: "test, last value repeated: ", de: "Test, letzter Wert wiederholt: ")(language)
            + LessonFormat.short(seeds: seedIndices.map { lastValueTestError(seed: $0) })
        _ = grid.put(text: line, at: Point(x: area.x, y: area.y + 3), style: .dim, clip: area)
        if let revin = runs[0].forecasters[1].revin {
            let onSeed = runs.count > 1 ? Localized(en: " (seed \(seeds.first))", de: " (Seed \(seeds.first))")(language) : ""
            let learned = Localized(en: "RevIN learned", de: "RevIN gelernt")(language) + onSeed
                + ": γ \(NumberFormat.short(Double(revin.gamma[0])))  β \(NumberFormat.short(Double(revin.beta[0])))"
            _ = grid.put(text: learned, at: Point(x: area.x, y: area.y + 4), style: .dim, clip: area)
        }
    }

    /// One test window: the last `shownPast` past values and the truth as one line, each
    /// forecast from the first forecast step on, joined to the last past value. (All 48 past
    /// values would squeeze the 12 forecast steps into a fifth of the chart.)
    func drawWindow(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let window = Self.testWindows[shownWindow]
        let inner = Panel(title: Localized(
            en: "series \(window.series + 1), test period: \(Self.shownPast) values back, \(ShiftedSeries.horizon) ahead",
            de: "Reihe \(window.series + 1), Test: \(Self.shownPast) Werte zurück, \(ShiftedSeries.horizon) voraus")(language))
            .render(into: &grid, in: rect, glyphs: glyphs)
        let shown = shownForecast()
        let past = shown.lookBack.suffix(Self.shownPast).map(Double.init)
        let gap = [Double](repeating: .nan, count: past.count - 1)
        var series = [LineChart.Series(
            name: Localized(en: "truth", de: "wahrer Verlauf")(language), values: past + shown.truth.map(Double.init), color: .series(2))]
        for model in 0..<2 {
            series.append(LineChart.Series(
                name: Self.name(model, language), values: gap + [past.last ?? .nan] + shown.forecasts[model].map(Double.init),
                color: .series(model)))
        }
        let first = window.start + ShiftedSeries.lookBack - Self.shownPast + 1
        LineChart(series: series, steps: first...(first + Self.shownPast + ShiftedSeries.horizon - 1))
            .render(into: &grid, in: inner, glyphs: glyphs)
    }
}

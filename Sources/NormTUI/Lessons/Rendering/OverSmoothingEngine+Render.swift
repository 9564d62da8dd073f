import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 19's screen: the accuracy on the unlabelled nodes per depth, plain and with
/// PairNorm; on a tall screen the depth-16 pair's accuracy over training; and the depth-16
/// pair's direction spread layer by layer, at the start or now (`i`).
extension OverSmoothingEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let tall = rect.height >= 30
        let areas = rect.rows([.fixed(Self.depths.count + 3), .fraction(tall ? 0.4 : 0), .fill])
        drawTable(language, into: &grid, in: areas[0], glyphs: glyphs)
        if tall { drawAccuracy(context, into: &grid, in: areas[1]) }
        drawSpread(language, into: &grid, in: areas[2], glyphs: glyphs)
    }

    static func name(_ normalized: Bool, _ language: Language) -> String {
        normalized ? "PairNorm" : Localized(en: "plain GCN", de: "ohne Normalisierung")(language)
    }

    /// The accuracy on the 100 unlabelled nodes, median and range over the seeds, per depth.
    func drawTable(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let title = LessonFormat.panelTitle([
            Localized(en: "accuracy on the unlabelled nodes (chance 25%)", de: "Genauigkeit auf den unbeschrifteten Knoten (Zufall 25 %)")(language),
            Localized(en: "accuracy, unlabelled nodes (chance 25%)", de: "Genauigkeit, unbeschriftet (Zufall 25 %)")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let rows = Self.depths.map { depth in
            [Localized(en: "depth \(depth)", de: "Tiefe \(depth)")(language)] + [false, true].map { normalized in
                LessonFormat.percent(seeds: runs.indices.map { accuracy(depth: depth, normalized: normalized, seed: $0) ?? .nan })
            }
        }
        Table(columns: [Table.Column("")] + [false, true].map { Table.Column(Self.name($0, language), alignment: .right) }, rows: rows)
            .render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)
    }

    /// The depth-16 pair's accuracy over training, median and range over the seeds.
    func drawAccuracy(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language
        let inner = Panel(title: Localized(en: "accuracy over training, depth 16", de: "Genauigkeit im Training, Tiefe 16")(language))
            .render(into: &grid, in: rect, glyphs: context.glyphs)
        let series = [false, true].enumerated().map { model, normalized in
            let index = Self.index(depth: Self.deepest, normalized: normalized)
            return LineChart.Series(
                name: Self.name(normalized, language), spread: SeedSpread(runs.map { $0.accuracy[index].elements }),
                color: .series(model))
        }
        var chart = LineChart(series: series, steps: (measuredSteps.elements.first ?? 0)...max(1, measuredSteps.last ?? 1))
        chart.fixedRange = 0...1
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: inner, glyphs: context.glyphs)
    }

    /// The depth-16 pair's direction spread over its 16 layers (the last: the logits).
    func drawSpread(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let when = showsInitialSpread
            ? Localized(en: "at the start", de: "am Start")(language)
            : Localized(en: "at step \(measuredSteps.last ?? 0)", de: "bei Schritt \(measuredSteps.last ?? 0)")(language)
        let title = LessonFormat.panelTitle([
            Localized(en: "spread of the node directions per layer, \(when) (i)", de: "Streuung der Knotenrichtungen je Schicht, \(when) (i)")(language),
            Localized(en: "spread per layer, \(when) (i)", de: "Streuung je Schicht, \(when) (i)")(language),
        ], width: rect.width)
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs)
        let series = [false, true].enumerated().map { model, normalized in
            LineChart.Series(
                name: Self.name(normalized, language),
                spread: SeedSpread(runs.indices.map { spread(normalized: normalized, initial: showsInitialSpread, seed: $0) }),
                color: .series(model))
        }
        var chart = LineChart(series: series, steps: 1...Self.deepest)
        chart.fixedRange = 0...1.5
        ChartWords.$current.withValue(ChartWords(step: Localized(en: "layer", de: "Schicht")(language), more: ChartWords.current.more)) {
            chart.render(into: &grid, in: inner, glyphs: glyphs)
        }
    }
}

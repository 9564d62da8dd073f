import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 2's screen: per channel the target's σ and μ beside the learned γ and β, the round
/// trip γ = σ, β = μ with numbers, the held-out loss of both runs (on a tall screen), and γ
/// and β of every channel over training.
extension AffineEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let tall = rect.height >= 30
        let areas = rect.rows([.fixed(8), .fixed(6), .fraction(tall ? 0.3 : 0), .fill])
        drawTable(language, into: &grid, in: areas[0], glyphs: glyphs)
        drawRoundTrip(language, into: &grid, in: areas[1], glyphs: glyphs)
        if tall {
            let lossInner = Panel(title: Localized(en: "held-out loss (log)", de: "Verlust, zurückgehaltene Daten (log)")(language))
                .render(into: &grid, in: areas[2], glyphs: glyphs)
            var chart = LineChart(series: [
                LineChart.Series(name: Self.withName(language), spread: spread { $0.run(affine: true, seed: $1).heldOutLoss }, color: .series(0)),
                LineChart.Series(name: Self.withoutName(language), spread: spread { $0.run(affine: false, seed: $1).heldOutLoss }, color: .series(1)),
            ], scale: .log10, steps: 1...max(1, stepCount))
            chart.markers = context.claimMarkers
            chart.render(into: &grid, in: lossInner, glyphs: glyphs)
        }
        let halves = areas[3].columns([.fill, .fill])
        // γ of seed 1 alone, with its sign: the linear layer before the norm can flip it, so γ
        // lands at +σ on one seed and at −σ on another, and a median across seeds would hide
        // both. β has no such choice: its spread over seeds is drawn.
        let gammaTitle = runs.count > 1
            ? Localized(en: "γ per channel, seed \(seeds.first)", de: "γ pro Kanal, Seed \(seeds.first)")
            : Localized(en: "γ per channel", de: "γ pro Kanal")
        let gammaInner = Panel(title: gammaTitle(language)).render(into: &grid, in: halves[0], glyphs: glyphs)
        let gammas = (0..<AffineRegression.channels).map { c in
            LineChart.Series(name: "\(c + 1)", values: run(affine: true).gammaHistory[c].elements, color: .series(c))
        }
        LineChart(series: gammas, steps: 1...max(1, stepCount)).render(into: &grid, in: gammaInner, glyphs: glyphs)
        let betaInner = Panel(title: Localized(en: "β per channel", de: "β pro Kanal")(language))
            .render(into: &grid, in: halves[1], glyphs: glyphs)
        let betas = (0..<AffineRegression.channels).map { c in
            LineChart.Series(name: "\(c + 1)", spread: spread { $0.run(affine: true, seed: $1).betaHistory[c] }, color: .series(c))
        }
        LineChart(series: betas, steps: 1...max(1, stepCount)).render(into: &grid, in: betaInner, glyphs: glyphs)
    }

    /// One quantity of every seed's runs, as median and range per step.
    func spread(_ series: (AffineEngine, Int) -> RingBuffer<Double>) -> SeedSpread {
        SeedSpread(runs.indices.map { series(self, $0).elements })
    }

    /// The last value of one quantity on every seed.
    func values(_ value: (AffineEngine, Int) -> Double?) -> [Double] {
        runs.indices.map { value(self, $0) ?? .nan }
    }

    static func withName(_ language: Language) -> String { Localized(en: "with γ, β", de: "mit γ, β")(language) }
    static func withoutName(_ language: Language) -> String { Localized(en: "without", de: "ohne")(language) }

    /// Per channel: what the target needs (σ, μ) and what the run with γ and β has learned;
    /// below, the held-out loss of both runs.
    func drawTable(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: Localized(en: "per channel: target and learned", de: "pro Kanal: Ziel und gelernt")(language))
            .render(into: &grid, in: rect, glyphs: glyphs)
        let area = inner.inset(left: 1, right: 1)
        let target = Localized(en: "target", de: "Ziel")(language)
        // An 80-column screen has room for the medians only; the range needs a wider table.
        let showsRange = area.width >= 70
        // |γ|: its sign is the seed's choice (see the γ chart), its size is what the target needs.
        let rows = (0..<AffineRegression.channels).map { c in
            ["\(c + 1)",
             NumberFormat.short(AffineRegression.targetScales[c]),
             LessonFormat.short(seeds: values { $0.run(affine: true, seed: $1).gammaHistory[c].last.map(abs) }, showsRange: showsRange),
             NumberFormat.short(AffineRegression.targetShifts[c]),
             LessonFormat.short(seeds: values { $0.run(affine: true, seed: $1).betaHistory[c].last }, showsRange: showsRange)]
        }
        Table(columns: [
            Table.Column(Localized(en: "channel", de: "Kanal")(language)),
            Table.Column("σ \(target)", alignment: .right), Table.Column("|γ|", alignment: .right),
            Table.Column("μ \(target)", alignment: .right), Table.Column("β", alignment: .right),
        ], rows: rows, selectedRow: channel)
            .render(into: &grid, in: Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1), glyphs: glyphs)
        let loss = Localized(en: "held-out loss", de: "Verlust (zurückgeh.)")(language)
        let lossOf = { (affine: Bool) in
            LessonFormat.short(seeds: values { $0.run(affine: affine, seed: $1).heldOutLoss.last }, showsRange: showsRange)
        }
        let line = "\(loss): \(Self.withName(language)) \(lossOf(true))  \(Self.withoutName(language)) \(lossOf(false))"
        _ = grid.put(text: line, at: Point(x: area.x, y: area.maxY - 1), clip: area)
    }

    /// The first samples of one channel of the latest batch: x, (x − μ)/σ and σ·(x − μ)/σ + μ, and the largest
    /// difference over the whole batch.
    func drawRoundTrip(_ language: Language, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: Localized(
            en: "γ = σ, β = μ gives back x: channel \(channel + 1)",
            de: "γ = σ, β = μ gibt x zurück: Kanal \(channel + 1)")(language))
            .render(into: &grid, in: rect, glyphs: glyphs)
        let area = inner.inset(left: 1, right: 1)
        guard let trip = roundTrip() else {
            _ = grid.put(
                text: Localized(en: "press space or s", de: "Leertaste oder s drücken")(language),
                at: Point(x: area.x, y: area.y), style: .dim, clip: area)
            return
        }
        let labelWidth = 10, valueWidth = 9
        let count = max(1, (area.width - labelWidth) / valueWidth)
        // x̂ is left out: a combining accent does not survive every terminal.
        let lines: [(String, [Float])] = [("x", trip.input), ("(x-μ)/σ", trip.normalized), ("σ·(…)+μ", trip.restored)]
        for (row, (label, values)) in lines.enumerated() {
            var text = label + String(repeating: " ", count: max(0, labelWidth - label.count))
            for value in trip.column(values, channel: channel, count: count) {
                let number = NumberFormat.short(value)
                text += String(repeating: " ", count: max(0, valueWidth - number.count)) + number
            }
            _ = grid.put(text: text, at: Point(x: area.x, y: area.y + row), clip: area)
        }
        let summary = "μ \(NumberFormat.short(trip.mean[channel]))  σ \(NumberFormat.short(trip.standardDeviation[channel]))  "
            + Localized(en: "largest |σ·(…)+μ - x|: ", de: "größte |σ·(…)+μ - x|: ")(language)
            + NumberFormat.short(trip.largestDifference)
        _ = grid.put(text: summary, at: Point(x: area.x, y: area.y + 3), style: .dim, clip: area)
    }
}

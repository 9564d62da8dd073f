import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 11's screen: every block's gradient norm at initialization relative to block 1
/// (median over the seeds), and the four runs' training loss (median and range). Titles, legend and summary have a short form for a narrow
/// screen, so that nothing is cut at 80×24.
extension PrePostLNEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fraction(0.5), .fill])
        // Room for a title: the panel's width less its corners and the title's frame.
        let titleRoom = rect.width - 6
        let fitting = { (long: Localized, short: Localized) in
            long(language).count <= titleRoom ? long(language) : short(language)
        }
        let top = Panel(title: fitting(
            Localized(
                en: "‖∂L/∂W‖ per block at initialization, relative to block 1 (depth \(Self.depth))",
                de: "‖∂L/∂W‖ je Block bei der Initialisierung, relativ zu Block 1 (Tiefe \(Self.depth))"),
            Localized(en: "‖∂L/∂W‖ per block at init, relative to block 1", de: "‖∂L/∂W‖ je Block bei Init., relativ zu Block 1")))
            .render(into: &grid, in: rows[0], glyphs: glyphs).inset(left: 1, right: 1)
        // Each block's norm relative to block 1 on every seed, and the median over the seeds.
        let relative = { (placement: LayerNormPlacement) -> [[Double]] in
            bySeed.indices.map { seed in
                let norms = initialGradientNorms(placement, seed: seed)
                return norms.map { $0 / norms[0] }
            }
        }
        let median = { (perSeed: [[Double]]) -> [Double?] in
            (0..<Self.depth).map { block in SeedSpread.summary(perSeed.map { $0[block] })?.median }
        }
        let post = median(relative(.post)), pre = median(relative(.pre))
        let ratios = (post + pre).compactMap { $0 }
        let high = max(1.5, (ratios.max() ?? 1).rounded(.up)), low = min(0.5, (ratios.min() ?? 1) * 0.9)
        // One seed: the ratio and the norms it divides; several: the median ratio and its range.
        let ratio = { (placement: LayerNormPlacement) -> (short: String, long: String) in
            let values = bySeed.indices.map { lastToFirstRatio(placement, seed: $0) }
            let short = NumberFormat.short(SeedSpread.summary(values)?.median ?? .nan) + "×"
            guard values.count == 1 else {
                return (short, LessonFormat.short(seeds: values).replacingOccurrences(of: " (", with: "× ("))
            }
            let norms = initialGradientNorms(placement)
            return (short, short + " (\(NumberFormat.short(norms[0])) → \(NumberFormat.short(norms[norms.count - 1])))")
        }
        let ratioLabel = Localized(en: "block \(Self.depth) / block 1", de: "Block \(Self.depth) / Block 1")(language)
        let postRatio = ratio(.post), preRatio = ratio(.pre)
        let longSummary = "\(ratioLabel): Post-LN \(postRatio.long), Pre-LN \(preRatio.long)"
        let summary = longSummary.count <= top.width ? longSummary : "\(ratioLabel): Post-LN \(postRatio.short), Pre-LN \(preRatio.short)"
        let wideLegend = top.width >= 60
        let topRows = top.rows([.fill, .fixed(1)])
        CategoryChart(
            categories: (1...Self.depth).map(String.init), axisTitle: Localized(en: "block", de: "Block")(language),
            series: [
                .init(name: wideLegend ? Localized(
                    en: "Post-LN (LN after the add)",
                    de: "Post-LN (LN nach der Addition)")(language) : "Post-LN", marker: "A", color: .series(0), values: post),
                .init(name: wideLegend ? Localized(
                    en: "Pre-LN (LN before F)",
                    de: "Pre-LN (LN vor F)")(language) : "Pre-LN", marker: "B", color: .series(2), values: pre),
            ],
            range: low...high, format: { NumberFormat.short($0) + "×" }
        ).render(into: &grid, in: topRows[0], glyphs: glyphs)
        grid.put(text: Text.truncated(summary, to: topRows[1].width, glyphs: glyphs), at: Point(x: topRows[1].x, y: topRows[1].y), clip: topRows[1])

        let lr = NumberFormat.short(Self.learningRate)
        let bottom = Panel(title: fitting(
            Localized(
                en: "training loss, lr \(lr), +W: linear warm-up over \(Self.warmupSteps) steps",
                de: "Trainingsverlust, lr \(lr), +W: lineares Warm-up über \(Self.warmupSteps) Schritte"),
            Localized(en: "training loss, lr \(lr), +W: with warm-up", de: "Trainingsverlust, lr \(lr), +W: mit Warm-up")))
            .render(into: &grid, in: rows[1], glyphs: glyphs).inset(left: 1, right: 1)
        let points = max(2, bottom.width)
        let series = runs.indices.map { index in
            let diverged = bySeed.compactMap { $0.runs[index].divergedAt }
            let note = diverged.isEmpty ? "" : bySeed.count == 1 ? " NaN@\(diverged[0])" : " NaN \(diverged.count)/\(bySeed.count)"
            return LineChart.Series(
                name: runs[index].name + note,
                spread: SeedSpread(bySeed.map { LossCurve.smoothed($0.runs[index].loss.elements, to: points) }), color: .series(index))
        }
        let first = max(1, stepCount - (runs.first?.loss.count ?? 0) + 1)
        var chart = LineChart(series: series, scale: .log10, steps: first...max(first, stepCount))
        chart.markers = context.claimMarkers
        chart.render(into: &grid, in: bottom, glyphs: glyphs)
    }
}

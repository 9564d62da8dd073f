import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 6's screen: one column per run, the followed channel's percentiles over the steps
/// above its histograms over time, and how much the middle 70 % widened.
extension CovariateShiftEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let columns = rect.columns([.fill, .fill])
        let range = sharedRange
        for index in 0..<pair.count {
            let name = pair[index].name(language)
            let layer = Localized(en: "layer", de: "Schicht")(language), channelName = Localized(en: "ch.", de: "Kanal")(language)
            let place = "\(layer) \(block + 1), \(channelName) \(channel)"
            let title = name.count + place.count + 7 <= columns[index].width ? "\(name) · \(place)" : "\(name) · L\(block + 1) c\(channel)"
            let inner = Panel(title: title).render(into: &grid, in: columns[index], glyphs: glyphs)
            let rows = inner.rows([.fraction(0.5), .fill, .fixed(1)])
            let track = tracks[index]
            let series = [("15%", track.p15), ("50%", track.p50), ("85%", track.p85)].enumerated().map { offset, item in
                LineChart.Series(name: item.0, values: item.1.elements, color: .series(offset + 2))
            }
            // The kept steps: the last ones since tracking began, when the buffer is full.
            let firstShown = trackedFrom + track.p50.totalAppended - track.p50.count
            var chart = LineChart(series: series, steps: firstShown...(firstShown + max(0, track.p50.count - 1)))
            chart.fixedRange = range
            chart.markers = trackedFrom == 0 ? context.claimMarkers : []
            chart.render(into: &grid, in: rows[0], glyphs: glyphs)
            let ridges = track.ridgeline.map { RidgelineView.Row(label: "\($0.step)", values: $0.values, span: $0.span) }
            RidgelineView(rows: ridges).render(into: &grid, in: rows[1], glyphs: glyphs)
            grid.put(text: summary(index, language, width: rows[2].width), at: Point(x: rows[2].x, y: rows[2].y), style: .bold, clip: rows[2])
        }
    }

    /// One y-range for both columns' percentile charts, from the lowest 15th to the highest
    /// 85th percentile of either run, so that a class can compare the two side by side;
    /// `nil` (each chart its own range) before the first step.
    var sharedRange: ClosedRange<Double>? {
        let lows = tracks.flatMap { $0.p15.elements.filter(\.isFinite) }, highs = tracks.flatMap { $0.p85.elements.filter(\.isFinite) }
        guard let low = lows.min(), let high = highs.max(), high > low else { return nil }
        return low...high
    }

    /// The bottom line of a column: how much the middle 70 % widened since tracking began — on
    /// several seeds the median and the range, as of the last multiple of ten steps — or why the
    /// run stopped.
    func summary(_ index: Int, _ language: Language, width: Int) -> String {
        if let note = pair.stopNote(index) { return note(language) }
        let label = Localized(en: "15–85%: ", de: "15–85 %: ")(language), wider = Localized(en: " wider", de: " breiter")(language)
        guard seedWidths.count > 1 else {
            guard let widening = tracks[index].widening else { return "" }
            return label + "×" + NumberFormat.short(widening) + wider
        }
        let values = trackedWidening(index)
        guard let median = SeedSpread.summary(values)?.median else { return "" }
        let withRange = "×" + LessonFormat.short(seeds: values) + wider
        return [label + withRange, withRange, label + "×" + NumberFormat.short(median) + wider].first { $0.count <= width } ?? withRange
    }
}

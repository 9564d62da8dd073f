import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// The selected layer's activations before and after normalization, as histograms side by
/// side — the picture of what normalization does (glossary, "Grundprinzip").
struct ActivationPanel: Widget {
    let state: AppState

    var probe: LayerProbe? {
        guard let layers = state.latest?.layers, state.selectedLayer < layers.count else { return nil }
        return layers[state.selectedLayer]
    }

    /// The post-norm summary on display: the eval-mode one in the eval view, when measured.
    var post: (summary: ActivationSummary, mode: String)? {
        guard let probe else { return nil }
        let text = UIText.catalogue, language = state.language
        if state.showsEvalMode {
            if let eval = probe.evalModePost { return (eval, text.evalMode(language)) }
            return (probe.post, text.trainModeEvalNext(language))
        }
        return (probe.post, text.trainMode(language))
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let config = state.run.config
        let text = UIText.catalogue, language = state.language
        let title = text.activationsTitle(language, state.selectedLayer + 1, config.depth)
            + (state.sharesAxis ? text.sharedAxis(language) : "")
        let inner = Panel(title: title, focused: state.focus == .histograms).render(into: &grid, in: rect, glyphs: glyphs)
        guard let probe, let post else {
            grid.put(text: text.waitingForStep(language), at: Point(x: inner.x + 1, y: inner.y), style: .dim, clip: inner)
            return
        }
        let columns = inner.columns([.fraction(0.5), .fixed(1), .fill])
        let normName = text.variantName(config.variant, language)
        let axis = state.sharesAxis ? Self.union(probe.pre.histogram, post.summary.histogram) : nil
        Self.histogram(
            probe.pre, title: text.before(language, normName), axis: axis, color: .cyan, language: language,
            into: &grid, in: columns[0], glyphs: glyphs)
        Self.histogram(
            post.summary, title: text.after(language, post.mode), axis: axis, color: .green, language: language,
            into: &grid, in: columns[2], glyphs: glyphs)
    }

    static func union(_ a: Histogram, _ b: Histogram) -> ClosedRange<Double> {
        min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }

    /// Panels at least this tall list the percentiles under each histogram.
    static let heightForPercentiles = 12

    /// A titled histogram with its moments in the title and, where there is room, the
    /// percentiles underneath.
    static func histogram(
        _ summary: ActivationSummary, title: String, axis: ClosedRange<Double>?, color: Color, language: Language = .en,
        into grid: inout Grid, in rect: Rect, glyphs: GlyphSet
    ) {
        let showsPercentiles = rect.height >= heightForPercentiles
        let rows = rect.rows([.fixed(1), .fill, .fixed(showsPercentiles ? 1 : 0)])
        let heading = "\(title)  \(glyphs.mu) \(NumberFormat.short(summary.mean))  \(glyphs.sigma) \(NumberFormat.short(summary.std))"
        grid.put(text: Text.truncated(heading, to: rows[0].width, glyphs: glyphs), at: Point(x: rows[0].x, y: rows[0].y),
                 style: .bold, clip: rows[0])
        guard summary.isFinite else {
            grid.put(text: UIText.catalogue.notFinite(language), at: Point(x: rows[1].x, y: rows[1].y),
                     style: Style(foreground: .red, bold: true), clip: rows[1])
            return
        }
        var view = HistogramView(
            counts: summary.histogram.counts.map(Double.init),
            range: summary.histogram.lowerBound...summary.histogram.upperBound, axis: axis,
            mean: summary.mean, standardDeviation: summary.std)
        view.barStyle = Style(foreground: color)
        view.render(into: &grid, in: rows[1], glyphs: glyphs)
        guard showsPercentiles else { return }
        let p = summary.percentiles.map(NumberFormat.short)
        let line = "p1/15/50/85/99  " + p.joined(separator: "  ")
        grid.put(text: Text.truncated(line, to: rows[2].width, glyphs: glyphs), at: Point(x: rows[2].x, y: rows[2].y),
                 style: .dim, clip: rows[2])
    }
}

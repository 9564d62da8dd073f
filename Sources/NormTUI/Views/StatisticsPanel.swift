import NormMath
import TerminalUI
import NormLessons

/// Per channel: the current batch's mean and variance (bars) against batch norm's running
/// estimates (◆) — the statistics eval mode will use (glossary, "Training-Inferenz-Diskrepanz").
struct StatisticsPanel: Widget {
    let state: AppState

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let layer = state.selectedLayer + 1
        let text = UIText.catalogue, language = state.language
        let inner = Panel(title: text.statisticsTitle(language, layer), focused: state.focus == .statistics)
            .render(into: &grid, in: rect, glyphs: glyphs)
        guard let layers = state.latest?.layers, state.selectedLayer < layers.count else { return }
        let probe = layers[state.selectedLayer]
        let rows = inner.rows([.fixed(1), .fill])
        let note = probe.runningMean == nil
            ? text.barsNoRunning(language, text.variantName(state.run.config.variant, language))
            : text.barsRunning(language, glyphs.marker)
        grid.put(text: Text.truncated(note, to: rows[0].width, glyphs: glyphs), at: Point(x: rows[0].x, y: rows[0].y),
                 style: .dim, clip: rows[0])
        let columns = rows[1].columns([.fraction(0.5), .fixed(1), .fill])
        let means = probe.batchMean.enumerated().map { c, mean in
            BarChart.Entry(label: "c\(c)", value: mean, marker: probe.runningMean.map { Double($0[c]) })
        }
        let variances = probe.batchVar.enumerated().map { c, variance in
            BarChart.Entry(label: "c\(c)", value: variance, marker: probe.runningVar.map { Double($0[c]) })
        }
        Self.titled(text.mean(language), BarChart(entries: means), into: &grid, in: columns[0], glyphs: glyphs)
        Self.titled(text.variance(language), BarChart(entries: variances), into: &grid, in: columns[2], glyphs: glyphs)
    }

    static func titled(_ title: String, _ chart: BarChart, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let rows = rect.rows([.fixed(1), .fill])
        grid.put(text: title, at: Point(x: rows[0].x, y: rows[0].y), style: .bold, clip: rows[0])
        chart.render(into: &grid, in: rows[1], glyphs: glyphs)
    }
}

/// The gradient norm of every layer's weights over time, on a log scale: the gradient flow
/// normalization is said to improve (glossary, "Gradientenflussoptimierung").
struct GradientPanel: Widget {
    let state: AppState

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: UIText.catalogue.gradientsTitle(state.language), focused: state.focus == .gradients)
            .render(into: &grid, in: rect, glyphs: glyphs)
        let history = state.run.history
        let series = history.layers.enumerated().map { index, layer in
            LineChart.Series(name: "L\(index + 1)", values: layer.weightGradNorm.elements, color: .series(index))
        }
        LineChart(series: series, scale: .log10, steps: ProgressPanel.stepRange(history))
            .render(into: &grid, in: inner, glyphs: glyphs)
    }
}

/// Loss and accuracy over time: train (this batch), held-out in eval mode when measured.
struct ProgressPanel: Widget {
    let state: AppState

    /// The steps the history covers, for the charts' x labels.
    static func stepRange(_ history: TrainingHistory) -> ClosedRange<Int>? {
        guard let first = history.steps.elements.first, let last = history.steps.last else { return nil }
        return first...last
    }

    /// The held-out accuracy as a per-step series: each evaluation holds until the next, so it
    /// lines up with the per-step series; NaN (a gap) before the first one.
    static func evaluationSeries(_ history: TrainingHistory) -> [Double] {
        let evaluations = history.evaluations.elements
        var next = 0
        var current = Double.nan
        return history.steps.elements.map { step in
            while next < evaluations.count, evaluations[next].step <= step {
                current = evaluations[next].evaluation.accuracy
                next += 1
            }
            return current
        }
    }

    /// A trailing moving average: the accuracy of one batch of 32 jumps by 3% per image.
    static func smoothed(_ values: [Double], window: Int = 10) -> [Double] {
        var sum = 0.0
        return values.indices.map { i in
            sum += values[i]
            if i >= window { sum -= values[i - window] }
            return sum / Double(min(i + 1, window))
        }
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let inner = Panel(title: UIText.catalogue.progressTitle(state.language), focused: state.focus == .progress).render(into: &grid, in: rect, glyphs: glyphs)
        let history = state.run.history
        let text = UIText.catalogue, language = state.language
        let steps = Self.stepRange(history)
        let columns = inner.columns([.fraction(0.5), .fixed(1), .fill])
        LineChart(series: [LineChart.Series(name: text.trainLoss(language), values: history.loss.elements, color: .yellow)], steps: steps)
            .render(into: &grid, in: columns[0], glyphs: glyphs)
        var accuracy = LineChart(series: [
            LineChart.Series(name: text.trainAverage(language), values: Self.smoothed(history.accuracy.elements), color: .yellow),
            LineChart.Series(name: text.heldOut(language), values: Self.evaluationSeries(history), color: .magenta),
        ], steps: steps)
        accuracy.fixedRange = 0...1
        accuracy.render(into: &grid, in: columns[2], glyphs: glyphs)
    }
}

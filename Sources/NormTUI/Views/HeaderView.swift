import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// The top line: what is running and how it is going, readable from the back of a room.
struct HeaderView: Widget {
    let state: AppState

    var runState: (text: String, style: Style) {
        let text = UIText.catalogue, language = state.language
        if state.run.divergence != nil { return (text.diverged(language), Style(foreground: .red, bold: true, reverse: true)) }
        if state.isRunning { return (text.running(language, Speed.label(state.speedIndex)), Style(foreground: .green, bold: true, reverse: true)) }
        // Steps asked for with `s` faster than they are computed: each key counts.
        let queued = state.run.requestedSteps
        if queued > 0 { return ((queued == 1 ? text.queuedOne : text.queuedMany)(language, queued), Style(foreground: .yellow, bold: true, reverse: true)) }
        return (text.paused(language), Style(foreground: .yellow, bold: true, reverse: true))
    }

    /// The header's fields with a priority each: on a narrow terminal the least important
    /// go first, so what remains is never cut in the middle.
    var fields: [(text: String, priority: Int)] {
        let config = state.run.config
        let text = UIText.catalogue, language = state.language
        var fields = [("normtui", 1), (text.variantName(config.variant, language), 9), ("\(config.shape)", 8)]
        if config.variant == .group { fields.append(("G \(config.groups)", 8)) }
        fields.append(("\(config.model.rawValue)×\(config.depth) \(config.dataset)", 3))
        fields.append(("lr \(NumberFormat.short(config.learningRate))", 5))
        if config.epsPlacement == .outside || config.eps != 1e-5 {
            fields.append(("ε \(NumberFormat.short(config.eps)) \(config.epsPlacement.rawValue)", 4))
        }
        fields.append((text.step(language, state.run.stepCount), 9))
        if let latest = state.latest {
            fields.append((text.loss(language, NumberFormat.short(latest.loss)), 7))
            fields.append((text.accuracy(language, NumberFormat.percent(latest.accuracy)), 6))
        }
        if let evaluation = state.run.history.evaluations.last?.evaluation {
            fields.append((text.evalAccuracy(language, NumberFormat.percent(evaluation.accuracy)), 6))
        }
        return fields
    }

    /// The fields joined, dropping the least important until they fit `width`.
    func line(fitting width: Int) -> String {
        var kept = fields
        func joined() -> String { " " + kept.map(\.text).joined(separator: " │ ") }
        while joined().count > width, let lowest = kept.indices.min(by: { kept[$0].priority < kept[$1].priority }) {
            kept.remove(at: lowest)
        }
        return joined()
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, with: Cell(" ", style: .reverse))
        let status = " \(runState.text) "
        let statusX = max(rect.x, rect.maxX - status.count)
        let room = Rect(x: rect.x, y: rect.y, width: statusX - rect.x - 1, height: 1)
        grid.put(text: Text.truncated(line(fitting: room.width), to: room.width, glyphs: glyphs),
                 at: Point(x: rect.x, y: rect.y), style: Style(bold: true, reverse: true), clip: room)
        grid.put(text: status, at: Point(x: statusX, y: rect.y), style: runState.style, clip: rect)
    }
}

/// The line above the key bar: the last message, or what to do next. A message longer than
/// the line takes a second one (``height(for:width:)``), so no word is cut.
struct StatusLine: Widget {
    let state: AppState

    /// At most this many lines: the panels above keep the rest.
    static let maximumLines = 2

    /// The rows the message needs at `width`: 1, or 2 for one that does not fit.
    static func height(for state: AppState, width: Int) -> Int {
        let text = StatusLine(state: state).message.text
        return min(maximumLines, max(1, TextBlock.wrap(text, width: max(1, width - 1)).count))
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let (text, style) = message
        for (row, line) in Text.wrapped(text, width: max(1, rect.width - 1), maxLines: rect.height, glyphs: glyphs).enumerated() {
            grid.put(text: " " + line, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
    }

    private var message: (text: String, style: Style) {
        let ui = UIText.catalogue, language = state.language
        let (text, style): (String, Style)
        if let slow = state.run.slowStepInProgress {
            let pace = slow.secondsPerStep > 0 ? ui.slowStepPace(language, NumberFormat.short(slow.secondsPerStep)) : ui.slowStepLarge(language)
            (text, style) = (ui.computingStep(language, slow.step, pace), Style(foreground: .yellow))
        } else if let status = state.status {
            // Messages may carry numbers formatted elsewhere (a lesson's thread): German gets its commas here.
            (text, style) = (NumberFormat.separated(status.text), status.isError ? Style(foreground: .red, bold: true) : .plain)
        } else if state.run.stepCount == 0 {
            (text, style) = (ui.preparingRun(language), .dim)
        } else if !state.isRunning {
            (text, style) = (ui.pausedHint(language), .dim)
        } else {
            (text, style) = (ui.runningHint(language), .dim)
        }
        return (text, style)
    }
}

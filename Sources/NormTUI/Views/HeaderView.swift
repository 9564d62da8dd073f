import NormMath

/// The top line: what is running and how it is going, readable from the back of a room.
struct HeaderView: Widget {
    let state: AppState

    var runState: (text: String, style: Style) {
        if state.run.divergence != nil { return ("diverged", Style(foreground: .red, bold: true, reverse: true)) }
        if state.isRunning { return ("running \(Speed.label(state.speedIndex))", Style(foreground: .green, bold: true, reverse: true)) }
        return ("paused", Style(foreground: .yellow, bold: true, reverse: true))
    }

    var fields: [String] {
        let config = state.run.config
        var fields = [config.variant.displayName, "\(config.shape)"]
        if config.variant == .group { fields.append("G \(config.groups)") }
        fields.append("\(config.model.rawValue)×\(config.depth) \(config.dataset)")
        fields.append("lr \(NumberFormat.short(config.learningRate))")
        if config.epsPlacement == .outside || config.eps != 1e-5 {
            fields.append("ε \(NumberFormat.short(config.eps)) \(config.epsPlacement.rawValue)")
        }
        fields.append("step \(state.run.stepCount)")
        if let latest = state.latest {
            fields.append("loss \(NumberFormat.short(latest.loss))")
            fields.append("acc \(NumberFormat.percent(latest.accuracy))")
        }
        if let evaluation = state.run.history.evaluations.last?.evaluation {
            fields.append("eval \(NumberFormat.percent(evaluation.accuracy))")
        }
        return fields
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, with: Cell(" ", style: .reverse))
        let status = " \(runState.text) "
        let statusX = max(rect.x, rect.maxX - status.count)
        let text = " normtui │ " + fields.joined(separator: " │ ")
        let ascii = glyphs.hasBraille ? text : text.replacingOccurrences(of: "│", with: "|")
            .replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "ε", with: "eps")
        let room = Rect(x: rect.x, y: rect.y, width: statusX - rect.x - 1, height: 1)
        grid.put(text: Text.truncated(ascii, to: room.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.y),
                 style: Style(bold: true, reverse: true), clip: room)
        grid.put(text: status, at: Point(x: statusX, y: rect.y), style: runState.style, clip: rect)
    }
}

/// The line above the key bar: the last message, or what to do next.
struct StatusLine: Widget {
    let state: AppState

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let (text, style): (String, Style)
        if let status = state.status {
            (text, style) = (status.text, status.isError ? Style(foreground: .red, bold: true) : .plain)
        } else if state.run.stepCount == 0 {
            (text, style) = ("preparing the run…", .dim)
        } else if !state.isRunning {
            (text, style) = ("paused — space runs, s takes one step, ? lists every key", .dim)
        } else {
            (text, style) = ("training — space pauses, +/- change the speed, v switches the variant", .dim)
        }
        grid.put(text: Text.truncated(" " + text, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.y),
                 style: style, clip: rect)
    }
}

import TerminalUI
import NormLessons
import NumberFormatting

/// Draws the whole UI for a state: the one function the terminal, `snapshot` and the golden
/// tests share.
enum Screen {
    /// Below this size the UI says so instead of drawing a cramped screen.
    static let minimumWidth = 80
    static let minimumHeight = 24
    /// From this size on, all four panels fit at once.
    static let fullWidth = 120
    static let fullHeight = 40

    /// Numbers and the charts' axis word follow `state.language` for everything drawn.
    static func render(_ state: AppState, glyphs: GlyphSet) -> Grid {
        var grid = NumberFormat.withStyle(state.language.decimalStyle) {
            ChartWords.$current.withValue(UIText.catalogue.chartWords(state.language)) { draw(state, glyphs: glyphs) }
        }
        if state.isPresenting { grid.makeHighContrast() }
        if !glyphs.hasBraille { grid.makeASCII() }
        return grid
    }

    private static func draw(_ state: AppState, glyphs: GlyphSet) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            TooSmallView(width: state.width, height: state.height, language: state.language).render(into: &grid, in: grid.bounds, glyphs: glyphs)
            return grid
        }
        if let lesson = state.lesson {
            LessonScreen(state: state, lessonState: lesson).render(into: &grid, in: grid.bounds, glyphs: glyphs)
        } else {
            let rows = mainRows(state)
            HeaderView(state: state).render(into: &grid, in: rows[0], glyphs: glyphs)
            renderBody(state, into: &grid, in: rows[1], glyphs: glyphs)
            StatusLine(state: state).render(into: &grid, in: rows[2], glyphs: glyphs)
            KeyBar(items: KeyTable.hints(state.language), more: KeyTable.moreHint(state.language)).render(into: &grid, in: rows[3], glyphs: glyphs)
        }
        switch state.overlay {
        case .help: HelpOverlay(lines: HelpOverlay.lines(for: state), language: state.language, scroll: state.helpScroll).render(into: &grid, in: grid.bounds, glyphs: glyphs)
        case .editor(let editor): EditorView(editor: editor, language: state.language).render(into: &grid, in: grid.bounds, glyphs: glyphs)
        case .lessonPicker(let selected):
            LessonPicker(selected: selected, language: state.language).render(into: &grid, in: grid.bounds, glyphs: glyphs)
        case nil: break
        }
        return grid
    }

    /// The main screen's rows: header, body, status (two lines for a long message), key bar.
    static func mainRows(_ state: AppState) -> [Rect] {
        let statusHeight = StatusLine.height(for: state, width: state.width)
        return Rect(x: 0, y: 0, width: state.width, height: state.height).rows([.fixed(1), .fill, .fixed(statusHeight), .fixed(1)])
    }

    /// The panels: all four at 120×40 and up, three in the compact layout (the bottom-left
    /// slot shows whichever of statistics and gradients has the focus, gradients by default).
    static func renderBody(_ state: AppState, into grid: inout Grid, in body: Rect, glyphs: GlyphSet) {
        for (id, rect) in panelRects(state, in: body) {
            panel(id, state).render(into: &grid, in: rect, glyphs: glyphs)
        }
    }

    /// Where each panel shown goes: what drawing and a mouse click both follow.
    static func panelRects(_ state: AppState, in body: Rect) -> [(PanelID, Rect)] {
        if state.isZoomed { return [(state.focus, body)] }
        if state.isPresenting {
            // For the back of the room: the histograms large, the learning curve under them.
            let rows = body.rows([.fraction(0.62), .fill])
            return [(.histograms, rows[0]), (.progress, rows[1])]
        }
        let full = state.width >= fullWidth && state.height >= fullHeight
        if full {
            let rows = body.rows([.fraction(0.38), .fraction(0.32), .fill])
            let middle = rows[1].columns([.fraction(0.5), .fill])
            return [(.histograms, rows[0]), (.statistics, middle[0]), (.gradients, middle[1]), (.progress, rows[2])]
        } else {
            let rows = body.rows([.fraction(0.52), .fill])
            let bottom = rows[1].columns([.fraction(0.5), .fill])
            return [(.histograms, rows[0]), (state.focus == .statistics ? .statistics : .gradients, bottom[0]), (.progress, bottom[1])]
        }
    }

    static func panel(_ id: PanelID, _ state: AppState) -> any Widget {
        switch id {
        case .histograms: ActivationPanel(state: state)
        case .statistics: StatisticsPanel(state: state)
        case .gradients: GradientPanel(state: state)
        case .progress: ProgressPanel(state: state)
        }
    }
}

/// The message shown instead of the UI on a terminal smaller than the minimum; `q` still quits.
struct TooSmallView: Widget {
    let width: Int
    let height: Int
    var language = Language.en

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let text = UIText.catalogue
        let lines = [
            text.tooSmall(language, width, height, Screen.minimumWidth, Screen.minimumHeight),
            text.tooSmallHint(language),
        ]
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.maxY {
            let text = Text.truncated(line, to: rect.width, glyphs: glyphs)
            let x = rect.x + max(0, (rect.width - text.count) / 2)
            grid.put(text: text, at: Point(x: x, y: top + i), style: i == 0 ? .bold : .dim)
        }
    }
}

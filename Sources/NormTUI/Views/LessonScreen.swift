import TerminalUI
import NormLessons
import NumberFormatting
/// A lesson's screen: the experiment on the left, the page of explanation on the right.
struct LessonScreen: Widget {
    let state: AppState
    let lessonState: LessonState

    /// The explanation panel's share of the width.
    static let explanationFraction = 0.34
    static let preparing = UIText.catalogue.preparingLesson

    /// Header, body, status (two lines for a long message) and key bar.
    static func rows(of rect: Rect, _ state: AppState) -> [Rect] {
        rect.rows([.fixed(1), .fill, .fixed(StatusLine.height(for: state, width: rect.width)), .fixed(1)])
    }
    static func columns(of body: Rect) -> [Rect] { body.columns([.fill, .fraction(explanationFraction)]) }

    /// How far the page's text can scroll on `state`'s screen, and how many lines a page is.
    static func textScrollRange(for state: AppState, _ lessonState: LessonState) -> (limit: Int, page: Int) {
        let body = rows(of: Rect(x: 0, y: 0, width: state.width, height: state.height), state)[1]
        let rect = Panel.inner(of: columns(of: body)[1]).inset(left: 1, right: 1)
        let text = LessonPageText.page(lessonState.page, of: lessonState, state.language, glyphs: .unicode).text
        return (ScrollingText.maximumScroll(of: text, width: rect.width, height: rect.height), rect.height - 1)
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let language = state.language
        let guide = lessonState.guide
        let rows = Self.rows(of: rect, state)
        LessonHeader(state: state, lessonState: lessonState).render(into: &grid, in: rows[0], glyphs: glyphs)
        let columns = Self.columns(of: rows[1])
        if let engine = lessonState.snapshot?.engine {
            let context = LessonContext(
                page: lessonState.page, language: language, glyphs: glyphs,
                claimMarkers: LessonContext.markers(for: guide.claims, snapshot: lessonState.snapshot))
            (engine as? any LessonRendering)?.render(context, into: &grid, in: columns[0])
        } else {
            // The lesson's thread is still building the experiment.
            grid.put(text: Self.preparing(language), at: Point(x: columns[0].x + 1, y: columns[0].y + 1), style: .dim, clip: columns[0])
        }
        let pageIndex = min(lessonState.page, guide.pageCount - 1)
        let pageLabel = "\(pageIndex + 1)/\(guide.pageCount)"
        let (title, text) = LessonPageText.page(pageIndex, of: lessonState, language, glyphs: glyphs)
        let inner = Panel(title: "\(title) (\(pageLabel))", focused: true)
            .render(into: &grid, in: columns[1], glyphs: glyphs)
        ScrollingText(text, scroll: lessonState.textScroll, labels: UIText.catalogue.scrollLabels(language))
            .render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: glyphs)
        StatusLine(state: state).render(into: &grid, in: rows[2], glyphs: glyphs)
        let keys = lessonState.snapshot?.engine?.keys ?? []
        let opensLinked = lessonState.snapshot?.engine?.linkedLessonID != nil
        KeyBar(items: LessonKeyTable.hints(language, lessonKeys: keys, opensLinked: opensLinked), more: LessonKeyTable.moreHint(language))
            .render(into: &grid, in: rows[3], glyphs: glyphs)
        renderQuestion(into: &grid, in: rows[1], glyphs: glyphs)
    }

    /// The kit's question being asked, or the reveal of one just judged, over the body.
    private func renderQuestion(into grid: inout Grid, in body: Rect, glyphs: GlyphSet) {
        guard let progress = lessonState.questions, let kit = lessonState.guide.lesson?.kit else { return }
        if let showing = progress.showing, let supported = kit.questions[showing].supportedAnswers(lessonState.snapshot?.verdicts ?? [:]) {
            RevealOverlay(question: kit.questions[showing], supported: supported, choice: progress.choices[showing], language: state.language)
                .render(into: &grid, in: body, glyphs: glyphs)
        } else if let asked = progress.asking(of: kit.questions.count) {
            QuestionOverlay(question: kit.questions[asked], number: asked + 1, count: kit.questions.count, language: state.language)
                .render(into: &grid, in: body, glyphs: glyphs)
        }
    }
}

/// The lesson's top line: which lesson, which glossary section, how far along.
struct LessonHeader: Widget {
    let state: AppState
    let lessonState: LessonState

    /// Steps asked for with `s` faster than they are computed, as the main screen shows them.
    private var queuedState: (String, Style)? {
        let queued = lessonState.snapshot?.requestedSteps ?? 0
        guard queued > 0 else { return nil }
        let ui = UIText.catalogue, text = (queued == 1 ? ui.queuedOne : ui.queuedMany)(state.language, queued)
        return (" \(text) ", Style(foreground: .yellow, bold: true, reverse: true))
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        grid.fill(rect, with: Cell(" ", style: .reverse))
        let guide = lessonState.guide
        let ui = UIText.catalogue, language = state.language
        let name = guide.lesson.map { "\(ui.lessonHeading(language)) \($0.number) │ " } ?? ""
        let section = guide.lesson?.section ?? ui.compareSection(language)
        var text = " \(name)\(guide.title(language))"
        let engine = lessonState.snapshot?.engine ?? nil
        if let progress = engine?.progress {
            text += " │ \(NumberFormat.percent(progress))"
        } else if let steps = engine?.stepCount {
            text += " │ " + ui.step(language, steps)
        }
        let seeds = guide.seeds(from: state.lessonSeeds)
        if seeds.count > 1 {
            text += " │ " + ui.seedRange(language, seeds.first, seeds.all[seeds.count - 1])
        }
        // How many of the lesson's claims held, before the glossary section: at 80 columns
        // the section is what gives way.
        if let summary = ClaimsPage(claims: guide.claims, snapshot: lessonState.snapshot).summary(glyphs: glyphs) {
            text += " │ \(summary)"
        }
        text += " │ \(section)"
        let runState: (String, Style) = engine?.isFinished == true
            ? (" \(ui.finished(language)) ", Style(foreground: .green, bold: true, reverse: true))
            : lessonState.isRunning
                ? (" \(ui.running(language, Speed.label(state.speedIndex))) ", Style(foreground: .green, bold: true, reverse: true))
                : queuedState ?? (" \(ui.paused(language)) ", Style(foreground: .yellow, bold: true, reverse: true))
        let statusX = max(rect.x, rect.maxX - runState.0.count)
        let room = Rect(x: rect.x, y: rect.y, width: statusX - rect.x - 1, height: 1)
        grid.put(text: Text.truncated(text, to: room.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.y),
                 style: Style(bold: true, reverse: true), clip: room)
        grid.put(text: runState.0, at: Point(x: statusX, y: rect.y), style: runState.1, clip: rect)
    }
}

/// The `l` overlay: every lesson with its glossary section.
struct LessonPicker: Widget {
    let selected: Int
    let language: Language

    static func width(in rect: Rect) -> Int { min(rect.width - 2, 100) }

    /// The lesson whose row is at screen row `y` (a click there opens it), if any: the rows
    /// follow the table's header inside the overlay's border.
    static func lesson(atRow y: Int, width: Int, height: Int) -> Int? {
        let bounds = Rect(x: 0, y: 0, width: width, height: height)
        let count = LessonCatalog.all.count
        let box = bounds.centered(width: Self.width(in: bounds), height: count + 3)
        let index = y - (Panel.inner(of: box).y + 1)
        return (0..<count).contains(index) && index < Panel.inner(of: box).height - 1 ? index : nil
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let rows = LessonCatalog.all.map { lesson in
            ["\(lesson.number)", lesson.title(language), lesson.section]
        }
        let table = Table(
            columns: [Table.Column("#", alignment: .right), Table.Column(UIText.catalogue.lessonHeading(language)),
                      Table.Column(UIText.catalogue.glossarySection(language))],
            rows: rows, selectedRow: selected)
        let width = Self.width(in: rect)
        Overlay(title: UIText.catalogue.lessonsTitle(language),
                content: table, width: width, height: rows.count + 3)
            .render(into: &grid, in: rect, glyphs: glyphs)
    }
}

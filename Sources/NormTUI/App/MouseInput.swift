import TerminalUI
import NormLessons

/// What a click or a wheel turn does: a shortcut for what keys already do, never the only
/// way. A click focuses the panel under it or opens the lesson under it in the `l` list; the
/// wheel scrolls a text (three lines a notch) and, over the activations, changes the layer.
enum MouseInput {
    /// Lines a wheel notch scrolls.
    static let wheelLines = 3

    static func handle(_ event: MouseEvent, _ state: inout AppState) -> [SessionCommand] {
        guard state.width >= Screen.minimumWidth, state.height >= Screen.minimumHeight else { return [] }
        switch state.overlay {
        case .help:
            guard let movement = wheel(event) else { return [] }
            let range = HelpOverlay.scrollRange(for: state)
            state.helpScroll = movement(state.helpScroll, range.limit)
            return []
        case .lessonPicker(let selected):
            let count = LessonCatalog.all.count
            switch event.kind {
            case .wheelUp: state.overlay = .lessonPicker(selected: max(0, selected - 1))
            case .wheelDown: state.overlay = .lessonPicker(selected: min(count - 1, selected + 1))
            case .press:
                guard let index = LessonPicker.lesson(atRow: event.y, width: state.width, height: state.height) else { return [] }
                state.overlay = nil
                return open(.lesson(LessonCatalog.all[index]), &state)
            }
            return []
        case .editor:
            return []
        case nil:
            break
        }
        if var lesson = state.lesson {
            guard let movement = wheel(event) else { return [] }
            let range = LessonScreen.textScrollRange(for: state, lesson)
            lesson.textScroll = movement(lesson.textScroll, range.limit)
            state.lesson = lesson
            return []
        }
        let body = Screen.mainRows(state)[1]
        guard let (panel, _) = Screen.panelRects(state, in: body).first(where: { $0.1.contains(Point(x: event.x, y: event.y)) })
        else { return [] }
        switch event.kind {
        case .press:
            state.focus = panel
        case .wheelUp where panel == .histograms:
            state.selectedLayer = max(0, state.selectedLayer - 1)
        case .wheelDown where panel == .histograms:
            state.selectedLayer = min(state.layerCount - 1, state.selectedLayer + 1)
        default:
            break
        }
        return []
    }

    /// The wheel as a scroll: a new offset from the old one and the limit; `nil` for a click.
    private static func wheel(_ event: MouseEvent) -> ((Int, Int) -> Int)? {
        switch event.kind {
        case .wheelUp: { offset, limit in min(max(0, offset - wheelLines), limit) }
        case .wheelDown: { offset, limit in min(max(0, offset + wheelLines), max(0, limit)) }
        case .press: nil
        }
    }
}

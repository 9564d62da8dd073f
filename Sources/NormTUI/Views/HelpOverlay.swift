import Foundation
import TerminalUI
import NormLessons

/// The `?` overlay: every key from the key table in force, and what the screen shows.
struct HelpOverlay: Widget {
    let lines: [String]
    var language = Language.en

    /// The main screen's keys, or in a lesson the lesson keys.
    static func lines(for state: AppState) -> [String] {
        guard let lesson = state.lesson else { return mainLines(state.language) }
        return LessonKeyTable.helpLines(
            state.language, lessonKeys: lesson.snapshot?.engine?.keys ?? [], opensLinked: lesson.snapshot?.engine?.linkedLessonID != nil)
            + ["", UIText.catalogue.closesHelp(state.language)]
    }

    static func mainLines(_ language: Language) -> [String] {
        var lines = KeyLabel.helpLines(KeyTable.bindings.map { ($0.keyLabel, $0.text.help(language)) }, language)
        lines += [""] + UIText.catalogue.panelsHelp(language).split(separator: "\n").map(String.init)
        lines += [UIText.catalogue.closesHelp(language)]
        return lines
    }

    /// Lines scrolled off the top: at 80×24 the help is longer than the screen.
    var scroll = 0

    func width(in rect: Rect) -> Int { min(rect.width - 2, (lines.map(\.count).max() ?? 0) + 4) }

    /// Where the text goes in `bounds`: inside the overlay's border and margins.
    func textRect(in bounds: Rect) -> Rect {
        let inner = Panel.inner(of: bounds.centered(width: width(in: bounds), height: lines.count + 2))
        return inner.width > 2 ? inner.inset(left: 1, right: 1) : inner
    }

    /// How far the help can scroll on `state`'s screen, and how many lines a page is.
    static func scrollRange(for state: AppState) -> (limit: Int, page: Int) {
        let help = HelpOverlay(lines: lines(for: state))
        let rect = help.textRect(in: Rect(x: 0, y: 0, width: state.width, height: state.height))
        return (ScrollingText.maximumScroll(of: help.text, width: rect.width, height: rect.height), rect.height - 1)
    }

    var text: String { lines.joined(separator: "\n") }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        Overlay(
            title: UIText.catalogue.keysTitle(language), content: ScrollingText(text, scroll: scroll, labels: UIText.catalogue.scrollLabels(language)), width: width(in: rect),
            height: lines.count + 2)
            .render(into: &grid, in: rect, glyphs: glyphs)
    }
}

/// The `e` overlay: the settings form, the selected field's help and why Enter was refused.
struct EditorView: Widget {
    let editor: SettingsEditor
    var language = Language.en

    /// The overlay's outer width; the text inside has four columns less (border and margins).
    static let width = 72

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let textWidth = min(Self.width, rect.width) - 4
        // A help or refusal longer than a line wraps; the box grows to hold it.
        let extra = Form.messageLines(editor, width: textWidth).count - 2
        let height = editor.fields.count + 7 + max(0, extra)
        Overlay(
            title: UIText.catalogue.settingsTitle(language), content: Form(editor: editor, language: language),
            width: Self.width, height: height)
            .render(into: &grid, in: rect, glyphs: glyphs)
    }

    struct Form: Widget {
        let editor: SettingsEditor
        var language = Language.en

        func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
            let labelWidth = (editor.fields.map(\.label.count).max() ?? 0) + 2
            for (index, field) in editor.fields.enumerated() where index < rect.height {
                let y = rect.y + index
                let selected = index == editor.selected
                let refused = editor.refusal?.field == field.id
                let value = field.choices.isEmpty
                    ? field.value + (selected ? "▏" : "")
                    : "\(glyphs.arrowLeft) \(field.value) \(glyphs.arrowRight)"
                let label = field.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
                let style = selected ? Style.reverse : .plain
                grid.put(text: label, at: Point(x: rect.x, y: y), style: style, clip: row)
                let valueStyle = refused ? Style(foreground: .red, bold: true) : Style(bold: true)
                grid.put(text: value, at: Point(x: rect.x + labelWidth, y: y), style: valueStyle, clip: row)
            }
            let below = rect.y + editor.fields.count + 1
            let lines = Self.messageLines(editor, width: rect.width) + [(UIText.catalogue.editorKeys(language), .dim)]
            for (offset, (text, style)) in lines.enumerated() where below + offset < rect.maxY {
                grid.put(text: Text.truncated(text, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: below + offset),
                         style: style, clip: rect)
            }
        }

        /// The selected field's help and the refusal (one line each at least), wrapped at
        /// word boundaries so that no reason is cut.
        static func messageLines(_ editor: SettingsEditor, width: Int) -> [(String, Style)] {
            let help = TextBlock.wrap(editor.selectedHelp, width: width)
            let refusal = TextBlock.wrap(editor.refusal?.message ?? "", width: width)
            return help.map { ($0, Style.dim) } + refusal.map { ($0, Style(foreground: .red, bold: true)) }
        }
    }
}

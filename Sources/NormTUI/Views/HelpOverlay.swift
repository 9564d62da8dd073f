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
        return LessonKeyTable.helpLines(state.language, lessonKeys: lesson.snapshot?.engine?.keys ?? [])
            + ["", UIText.catalogue.closesHelp(state.language)]
    }

    static func mainLines(_ language: Language) -> [String] {
        var lines = KeyTable.bindings.map { binding in
            binding.keyLabel.padding(toLength: 7, withPad: " ", startingAt: 0) + binding.text.help(language)
        }
        lines += [""] + UIText.catalogue.panelsHelp(language).split(separator: "\n").map(String.init)
        lines += [UIText.catalogue.closesHelp(language)]
        return lines
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let text = lines.joined(separator: "\n")
        let width = min(rect.width - 2, (lines.map(\.count).max() ?? 0) + 4)
        Overlay(title: UIText.catalogue.keysTitle(language), content: TextBlock(text), width: width, height: lines.count + 2)
            .render(into: &grid, in: rect, glyphs: glyphs)
    }
}

/// The `e` overlay: the settings form, the selected field's help and why Enter was refused.
struct EditorView: Widget {
    let editor: SettingsEditor
    var language = Language.en

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let height = editor.fields.count + 7
        Overlay(title: UIText.catalogue.settingsTitle(language), content: Form(editor: editor, language: language), width: 72, height: height)
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
            let selectedField = editor.fields[editor.selected]
            let lines: [(String, Style)] = [
                (selectedField.help, .dim),
                (editor.refusal?.message ?? "", Style(foreground: .red, bold: true)),
                (UIText.catalogue.editorKeys(language), .dim),
            ]
            for (offset, (text, style)) in lines.enumerated() where below + offset < rect.maxY {
                grid.put(text: Text.truncated(text, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: below + offset),
                         style: style, clip: rect)
            }
        }
    }
}

import Foundation
import TerminalUI
import NormLessons

/// What a key does on a lesson's screen.
enum LessonAction: Equatable, Sendable {
    case quit, help, runPause, step, nextPage, previousPage, restart, lessons, leave, faster, slower, save
}

/// The keys every lesson shares; a lesson's own keys (``LessonEngine/keys``) come after them.
enum LessonKeyTable {
    struct Binding: Sendable {
        var keys: [Key]
        var keyLabel: String
        var action: LessonAction
        var hint: Localized?
        var help: Localized
    }

    static let bindings: [Binding] = [
        Binding(keys: [.character("q"), .ctrlC], keyLabel: "q", action: .quit, hint: Localized(en: "quit", de: "Ende"),
                help: Localized(en: "quit (also Ctrl-C)", de: "beenden (auch Strg-C)")),
        Binding(keys: [.character("?")], keyLabel: "?", action: .help, hint: Localized(en: "help", de: "Hilfe"),
                help: Localized(en: "this help", de: "diese Hilfe")),
        Binding(keys: [.character("n"), .pageDown], keyLabel: "n", action: .nextPage, hint: Localized(en: "next", de: "weiter"),
                help: Localized(en: "next page of the explanation", de: "nächste Seite der Erklärung")),
        Binding(keys: [.character("p"), .pageUp], keyLabel: "p", action: .previousPage, hint: Localized(en: "back", de: "zurück"),
                help: Localized(en: "previous page", de: "vorige Seite")),
        Binding(keys: [.character(" ")], keyLabel: "space", action: .runPause, hint: Localized(en: "run/pause", de: "Start/Pause"),
                help: Localized(en: "run or pause the experiment", de: "Experiment starten oder anhalten")),
        Binding(keys: [.character("s")], keyLabel: "s", action: .step, hint: Localized(en: "step", de: "Schritt"),
                help: Localized(en: "one step (pauses)", de: "ein Schritt (hält an)")),
        Binding(keys: [.character("r")], keyLabel: "r", action: .restart, hint: Localized(en: "restart", de: "neu"),
                help: Localized(en: "restart the lesson (same seed)", de: "Lektion neu starten (gleicher Seed)")),
        Binding(keys: [.character("l")], keyLabel: "l", action: .lessons, hint: Localized(en: "lessons", de: "Lektionen"),
                help: Localized(en: "list of lessons", de: "Liste der Lektionen")),
        Binding(keys: [.character("w")], keyLabel: "w", action: .save, hint: nil,
                help: Localized(en: "save the screen (.txt, .svg), the lesson's records (.csv) and the experiment (.json)",
                                de: "Bildschirm (.txt, .svg), die Messwerte der Lektion (.csv) und das Experiment (.json) speichern")),
        Binding(keys: [.escape], keyLabel: "Esc", action: .leave, hint: Localized(en: "free play", de: "frei"),
                help: Localized(en: "leave the lesson for the free experiment", de: "Lektion verlassen, freies Experiment")),
        Binding(keys: [.character("+"), .character("=")], keyLabel: "+", action: .faster, hint: nil,
                help: Localized(en: "faster", de: "schneller")),
        Binding(keys: [.character("-"), .character("_")], keyLabel: "-", action: .slower, hint: Localized(en: "speed", de: "Tempo"),
                help: Localized(en: "slower", de: "langsamer")),
    ]

    static func action(for key: Key) -> LessonAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    static func hints(_ language: Language, lessonKeys: [LessonKey]) -> [KeyBar.Item] {
        let shared = bindings.compactMap { binding -> KeyBar.Item? in
            guard let hint = binding.hint else { return nil }
            return KeyBar.Item(binding.action == .slower ? "-+" : binding.keyLabel, hint(language))
        }
        let own = lessonKeys.map { KeyBar.Item($0.label, $0.help(language)) }
        // The lesson's own keys matter most in a lesson: they come right after quit and help.
        return Array(shared.prefix(2)) + own + Array(shared.dropFirst(2))
    }

    static func helpLines(_ language: Language, lessonKeys: [LessonKey]) -> [String] {
        let pad = { (label: String) in label.padding(toLength: 7, withPad: " ", startingAt: 0) }
        return bindings.map { pad($0.keyLabel) + $0.help(language) } + lessonKeys.map { pad($0.label) + $0.help(language) }
    }

    /// Ends the key bar where not every hint fits: the help lists them all.
    static func moreHint(_ language: Language) -> KeyBar.Item {
        KeyBar.Item("?", Localized(en: "more keys", de: "weitere Tasten")(language))
    }
}

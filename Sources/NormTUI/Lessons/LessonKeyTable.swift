import Foundation
import TerminalUI
import NormLessons

/// What a key does on a lesson's screen.
enum LessonAction: Equatable, Sendable {
    case quit, help, runPause, step, nextPage, previousPage, restart, lessons, leave, faster, slower, save
    case fewerSeeds, moreSeeds, hint
}

/// The keys every lesson shares; a lesson's own keys (``LessonEngine/keys``) come after them.
enum LessonKeyTable {
    struct Binding: Sendable {
        var keys: [Key]
        var keyLabel: String
        var action: LessonAction
        /// The key bar's word and the help's sentence, from the UI's catalogue.
        var text: KeyText

        init(keys: [Key], keyLabel: String, action: LessonAction, _ text: KeyText) {
            self.keys = keys
            self.keyLabel = keyLabel
            self.action = action
            self.text = text
        }
    }

    private static let keyTexts = UIText.catalogue.lessonKeys

    static let bindings: [Binding] = [
        Binding(keys: [.character("q"), .ctrlC], keyLabel: "q", action: .quit, keyTexts.quit),
        Binding(keys: [.character("?")], keyLabel: "?", action: .help, keyTexts.help),
        Binding(keys: [.character("n"), .pageDown], keyLabel: "n", action: .nextPage, keyTexts.nextPage),
        Binding(keys: [.character("p"), .pageUp], keyLabel: "p", action: .previousPage, keyTexts.previousPage),
        Binding(keys: [.character(" ")], keyLabel: "space", action: .runPause, keyTexts.runPause),
        Binding(keys: [.character("s")], keyLabel: "s", action: .step, keyTexts.step),
        Binding(keys: [.character("r")], keyLabel: "r", action: .restart, keyTexts.restart),
        Binding(keys: [.character("l")], keyLabel: "l", action: .lessons, keyTexts.lessons),
        Binding(keys: [.character("w")], keyLabel: "w", action: .save, keyTexts.save),
        Binding(keys: [.escape], keyLabel: "Esc", action: .leave, keyTexts.leave),
        Binding(keys: [.character("+"), .character("=")], keyLabel: "+", action: .faster, keyTexts.faster),
        Binding(keys: [.character("-"), .character("_")], keyLabel: "-", action: .slower, keyTexts.slower),
        Binding(keys: [.character("<")], keyLabel: "<", action: .fewerSeeds, keyTexts.fewerSeeds),
        Binding(keys: [.character(">")], keyLabel: ">", action: .moreSeeds, keyTexts.moreSeeds),
        Binding(keys: [.character("h")], keyLabel: "h", action: .hint, keyTexts.hint),
    ]

    static func action(for key: Key) -> LessonAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The key bar: quit and help, the lesson's own keys (and Enter where the lesson links to
    /// others, `opensLinked`), then the shared keys.
    static func hints(_ language: Language, lessonKeys: [LessonKey], opensLinked: Bool = false) -> [KeyBar.Item] {
        let shared = bindings.compactMap { binding -> KeyBar.Item? in
            guard let hint = binding.text.hint else { return nil }
            return KeyBar.Item(binding.action == .slower ? "-+" : KeyLabel.named(binding.keyLabel, language), hint(language))
        }
        let own = lessonKeys.map { KeyBar.Item($0.label, $0.help(language)) }
            + (opensLinked ? [KeyBar.Item("Enter", keyTexts.openLinked.hint?(language) ?? "")] : [])
        // The lesson's own keys matter most in a lesson: they come right after quit and help.
        return Array(shared.prefix(2)) + own + Array(shared.dropFirst(2))
    }

    static func helpLines(_ language: Language, lessonKeys: [LessonKey], opensLinked: Bool = false) -> [String] {
        let entries = bindings.map { ($0.keyLabel, $0.text.help(language)) } + lessonKeys.map { ($0.label, $0.help(language)) }
            + (opensLinked ? [("Enter", keyTexts.openLinked.help(language))] : [])
        return KeyLabel.helpLines(entries, language)
    }

    /// Ends the key bar where not every hint fits: the help lists them all.
    static func moreHint(_ language: Language) -> KeyBar.Item {
        KeyBar.Item("?", UIText.catalogue.moreKeys(language))
    }
}

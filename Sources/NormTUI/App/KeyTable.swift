import NormMath
import TerminalUI
import NormLessons

/// What a key does on the main screen.
enum Action: Equatable, Sendable {
    case quit, help, runPause, step, nextVariant, previousVariant, selectVariant(Int), reset, edit
    case toggleEvalMode, previousLayer, nextLayer, focusNext, focusPrevious, zoom, faster, slower
    case toggleSharedAxis, lessons, save, compare, undo
}

/// The one table of key bindings: `update` dispatches through it, the `?` overlay lists it
/// and the key bar shows its short hints, so the three can never disagree.
enum KeyTable {
    struct Binding: Sendable {
        /// The keys, and how the help names them.
        var keys: [Key]
        var keyLabel: String
        var action: Action
        /// A word or two for the key bar (`nil` keeps the binding off the bar) and a sentence
        /// for the help overlay, from the UI's catalogue.
        var text: KeyText

        init(keys: [Key], keyLabel: String, action: Action, _ text: KeyText) {
            self.keys = keys
            self.keyLabel = keyLabel
            self.action = action
            self.text = text
        }
    }

    private static let keyTexts = UIText.catalogue.keys

    static let bindings: [Binding] = [
        Binding(keys: [.character("q"), .ctrlC], keyLabel: "q", action: .quit, keyTexts.quit),
        Binding(keys: [.character("?")], keyLabel: "?", action: .help, keyTexts.help),
        Binding(keys: [.character(" ")], keyLabel: "space", action: .runPause, keyTexts.runPause),
        Binding(keys: [.character("s")], keyLabel: "s", action: .step, keyTexts.step),
        Binding(keys: [.character("v")], keyLabel: "v", action: .nextVariant, keyTexts.nextVariant),
        Binding(keys: [.character("V")], keyLabel: "V", action: .previousVariant, keyTexts.previousVariant),
    ] + (1...6).map { n in
        Binding(
            keys: [.character(Character(String(n)))], keyLabel: "\(n)", action: .selectVariant(n),
            KeyText(help: keyTexts.selectVariant.help.filled(VariantKeys.variants[n - 1].rawValue)))
    } + [
        Binding(keys: [.character("r")], keyLabel: "r", action: .reset, keyTexts.reset),
        Binding(keys: [.character("u")], keyLabel: "u", action: .undo, keyTexts.undo),
        Binding(keys: [.character("e")], keyLabel: "e", action: .edit, keyTexts.edit),
        Binding(keys: [.character("t")], keyLabel: "t", action: .toggleEvalMode, keyTexts.toggleEvalMode),
        Binding(keys: [.character("[")], keyLabel: "[", action: .previousLayer, keyTexts.previousLayer),
        Binding(keys: [.character("]")], keyLabel: "]", action: .nextLayer, keyTexts.nextLayer),
        Binding(keys: [.tab], keyLabel: "Tab", action: .focusNext, keyTexts.focusNext),
        Binding(keys: [.backTab], keyLabel: "S-Tab", action: .focusPrevious, keyTexts.focusPrevious),
        Binding(keys: [.character("z"), .enter], keyLabel: "z", action: .zoom, keyTexts.zoom),
        Binding(keys: [.character("+"), .character("=")], keyLabel: "+", action: .faster, keyTexts.faster),
        Binding(keys: [.character("-"), .character("_")], keyLabel: "-", action: .slower, keyTexts.slower),
        Binding(keys: [.character("x")], keyLabel: "x", action: .toggleSharedAxis, keyTexts.sharedAxis),
        Binding(keys: [.character("l")], keyLabel: "l", action: .lessons, keyTexts.lessons),
        Binding(keys: [.character("w")], keyLabel: "w", action: .save, keyTexts.save),
        Binding(keys: [.character("c")], keyLabel: "c", action: .compare, keyTexts.compare),
    ]

    static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The key bar's hints, in table order; "-" and "+" share one hint.
    static func hints(_ language: Language) -> [KeyBar.Item] {
        bindings.compactMap { binding in
            guard let hint = binding.text.hint else { return nil }
            let label = binding.action == .slower ? "-+" : binding.action == .nextLayer ? "[]" : KeyLabel.named(binding.keyLabel, language)
            return KeyBar.Item(label, hint(language))
        }
    }

    /// Ends the key bar where not every hint fits: the help lists them all.
    static func moreHint(_ language: Language) -> KeyBar.Item {
        KeyBar.Item("?", UIText.catalogue.moreKeys(language))
    }
}

/// The variants in the order of the number keys 1–6 (docs/DESIGN.md, "Interactive UI").
enum VariantKeys {
    static let variants: [NormVariant] = [.batch, .layer, .instance, .group, .rms, .none]
}

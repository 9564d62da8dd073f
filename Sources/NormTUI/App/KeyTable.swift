import NormMath
import TerminalUI

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
        /// A word or two for the key bar; `nil` keeps the binding off the bar.
        var hint: String?
        /// A sentence for the help overlay.
        var help: String
    }

    static let bindings: [Binding] = [
        Binding(keys: [.character("q"), .ctrlC], keyLabel: "q", action: .quit, hint: "quit", help: "quit (also Ctrl-C)"),
        Binding(keys: [.character("?")], keyLabel: "?", action: .help, hint: "help", help: "this help"),
        Binding(keys: [.character(" ")], keyLabel: "space", action: .runPause, hint: "run/pause", help: "run or pause training"),
        Binding(keys: [.character("s")], keyLabel: "s", action: .step, hint: "step", help: "one training step (pauses)"),
        Binding(keys: [.character("v")], keyLabel: "v", action: .nextVariant, hint: "variant", help: "next normalization variant (resets, same seed)"),
        Binding(keys: [.character("V")], keyLabel: "V", action: .previousVariant, hint: nil, help: "previous variant"),
    ] + (1...6).map { n in
        Binding(
            keys: [.character(Character(String(n)))], keyLabel: "\(n)", action: .selectVariant(n), hint: nil,
            help: "variant \(VariantKeys.variants[n - 1].rawValue)")
    } + [
        Binding(keys: [.character("r")], keyLabel: "r", action: .reset, hint: "reset", help: "restart the run with the same seed"),
        Binding(keys: [.character("u")], keyLabel: "u", action: .undo, hint: nil, help: "bring back the run the last reset (v, 1–6, r, settings) discarded"),
        Binding(keys: [.character("e")], keyLabel: "e", action: .edit, hint: "settings", help: "settings editor: shape, groups, lr, … (Enter applies, Esc cancels)"),
        Binding(keys: [.character("t")], keyLabel: "t", action: .toggleEvalMode, hint: "train/eval", help: "show post-norm activations as in train or eval mode"),
        Binding(keys: [.character("[")], keyLabel: "[", action: .previousLayer, hint: nil, help: "previous layer"),
        Binding(keys: [.character("]")], keyLabel: "]", action: .nextLayer, hint: "layer", help: "next layer"),
        Binding(keys: [.tab], keyLabel: "Tab", action: .focusNext, hint: "focus", help: "focus the next panel"),
        Binding(keys: [.backTab], keyLabel: "S-Tab", action: .focusPrevious, hint: nil, help: "focus the previous panel"),
        Binding(keys: [.character("z"), .enter], keyLabel: "z", action: .zoom, hint: "zoom", help: "zoom the focused panel (again to return)"),
        Binding(keys: [.character("+"), .character("=")], keyLabel: "+", action: .faster, hint: nil, help: "train faster"),
        Binding(keys: [.character("-"), .character("_")], keyLabel: "-", action: .slower, hint: "speed", help: "train slower"),
        Binding(keys: [.character("x")], keyLabel: "x", action: .toggleSharedAxis, hint: "shared x", help: "pre and post histograms on one x-axis"),
        Binding(keys: [.character("l")], keyLabel: "l", action: .lessons, hint: "lessons", help: "lessons: the glossary's claims as experiments"),
        Binding(keys: [.character("w")], keyLabel: "w", action: .save, hint: "save", help: "save the screen (.txt), the history (.csv) and the experiment (.json, for --config)"),
        Binding(keys: [.character("c")], keyLabel: "c", action: .compare, hint: nil, help: "compare mode: this run beside one that differs in one setting (c there cycles the setting)"),
    ]

    static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The key bar's hints, in table order; "-" and "+" share one hint.
    static var hints: [KeyBar.Item] {
        bindings.compactMap { binding in
            guard let hint = binding.hint else { return nil }
            return KeyBar.Item(binding.action == .slower ? "-+" : binding.action == .nextLayer ? "[]" : binding.keyLabel, hint)
        }
    }

    /// Ends the key bar where not every hint fits: the help lists them all.
    static let moreHint = KeyBar.Item("?", "more keys")
}

/// The variants in the order of the number keys 1–6 (docs/DESIGN.md, "Interactive UI").
enum VariantKeys {
    static let variants: [NormVariant] = [.batch, .layer, .instance, .group, .rms, .none]
}

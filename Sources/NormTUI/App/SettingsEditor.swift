import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// The `e` form: every experiment setting as a field, edited in place. Enter builds a
/// configuration and refuses it with the reason when it cannot run; Esc drops the edits.
struct SettingsEditor: Sendable {
    /// A field is a row of the settings table.
    typealias FieldID = ExperimentSetting.Name

    struct Field: Sendable {
        let id: FieldID
        let label: String
        /// The choices of a field picked with ←/→; empty for a typed field.
        let choices: [String]
        var value: String
        let help: String

        init(_ setting: ExperimentSetting, value: String, language: Language = .en) {
            id = setting.name
            label = UIText.catalogue.settings.label(setting, language)
            choices = setting.choices
            // German shows the decimal comma here too, and `makeConfig` accepts either.
            self.value = NumberFormat.withStyle(language.decimalStyle) { NumberFormat.separated(value) }
            help = UIText.catalogue.settings.hint(setting, language)
        }
    }

    /// Where a refusal points: a field, or the configuration as a whole.
    struct Refusal: Error, Sendable, Equatable {
        var field: FieldID?
        var message: String
    }

    enum Outcome: Equatable, Sendable {
        case editing
        case cancelled
        case applied(ExperimentConfig)
    }

    var fields: [Field]
    var selected = 0
    var refusal: Refusal?
    /// The language of the labels, hints and refusals.
    let language: Language

    init(config: ExperimentConfig, language: Language = .en) {
        self.language = language
        fields = ExperimentSetting.all.map { Field($0, value: $0.format(config), language: language) }
    }

    /// Handles one key; `validate` decides whether a parsed configuration can run.
    mutating func handle(_ key: Key, validate: (ExperimentConfig) -> ExperimentError?) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter:
            switch makeConfig() {
            case .failure(let refusal):
                refuse(refusal)
                return .editing
            case .success(let config):
                if let problem = validate(config) {
                    refuse(Refusal(field: problem.field, message: UIText.catalogue.problem(problem.description, language)))
                    return .editing
                }
                return .applied(config)
            }
        case .up, .backTab: selected = (selected + fields.count - 1) % fields.count
        case .down, .tab: selected = (selected + 1) % fields.count
        case .left: cycle(by: -1)
        case .right: cycle(by: 1)
        case .backspace:
            if fields[selected].choices.isEmpty, !fields[selected].value.isEmpty { fields[selected].value.removeLast() }
        case .delete, .control("u"):
            if fields[selected].choices.isEmpty { fields[selected].value = "" }
        case .character(let character):
            if fields[selected].choices.isEmpty {
                if fields[selected].value.count < 24 { fields[selected].value.append(character) }
            } else if character == " " {
                cycle(by: 1)
            }
        default: break
        }
        return .editing
    }

    private mutating func cycle(by offset: Int) {
        let choices = fields[selected].choices
        guard !choices.isEmpty else { return }
        let index = choices.firstIndex(of: fields[selected].value) ?? 0
        fields[selected].value = choices[(index + offset + choices.count) % choices.count]
        if fields[selected].id == .model { convertShape() }
    }

    /// The shape follows the model: the mlp normalizes `[N, C]`, so N×C×H×W becomes N×C; the
    /// conv net needs images, so N×C becomes N×C×8×8. Converted rather than refused.
    private mutating func convertShape() {
        guard let index = fields.firstIndex(where: { $0.id == .shape }),
              let shape = try? TensorShape.parse(value(.shape)) else { return }
        let mlp = value(.model) == ModelKind.mlp.rawValue
        if mlp, shape.spatial != 1 {
            fields[index].value = TensorShape(n: shape.n, c: shape.c).settingText
        } else if !mlp, shape.spatial == 1 {
            fields[index].value = TensorShape(n: shape.n, c: shape.c, h: 8, w: 8).settingText
        }
    }

    /// The selected field's help, or what its value means when that may surprise (ε = 0,
    /// eval every 0).
    var selectedHelp: String {
        let field = fields[selected]
        var config = ExperimentConfig()
        if (try? ExperimentSetting[field.id].parse(value(field.id)).apply(to: &config)) != nil,
           let note = UIText.catalogue.settingNote(field.id, in: config, language) {
            return note
        }
        return field.help
    }

    /// Shows `refusal` and moves the cursor to the field it blames.
    private mutating func refuse(_ refusal: Refusal) {
        self.refusal = refusal
        if let field = refusal.field, let index = fields.firstIndex(where: { $0.id == field }) { selected = index }
    }

    func value(_ id: FieldID) -> String {
        fields.first { $0.id == id }!.value.trimmingCharacters(in: .whitespaces)
    }

    /// `text` with a decimal comma between digits read as a point: a German class types "0,05".
    static func decimalPoint(_ text: String) -> String {
        var characters = Array(text)
        for index in characters.indices.dropFirst().dropLast()
        where characters[index] == "," && characters[index - 1].isNumber && characters[index + 1].isNumber {
            characters[index] = "."
        }
        return String(characters)
    }

    /// Parses every field; the first that does not parse is refused with what it expects.
    func makeConfig() -> Result<ExperimentConfig, Refusal> {
        var config = ExperimentConfig()
        for field in fields {
            let setting = ExperimentSetting[field.id]
            let text = value(field.id)
            do {
                try setting.parse(Self.decimalPoint(text)).apply(to: &config)
            } catch {
                let expectation = UIText.catalogue.settings.expectation(setting, language)
                return .failure(Refusal(field: field.id, message: UIText.catalogue.editorRefusal(language, field.label, text, expectation)))
            }
        }
        return .success(config)
    }
}

import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// The settings editor is the settings table as a form: one field per row, and a refusal
/// that puts the cursor on the field to change.
struct SettingsEditorTests {
    @Test func theFieldsAreTheTablesRows() {
        let editor = SettingsEditor(config: ExperimentConfig())
        #expect(editor.fields.map(\.id) == ExperimentSetting.all.map(\.name))
        #expect(editor.fields.map(\.value) == ExperimentSetting.all.map { $0.format(ExperimentConfig()) })
    }

    /// Each invalid value typed into its field, and the field the editor blames for it.
    static let invalid: [(ExperimentSetting.Name, String)] = [
        (.groups, "x"), (.shape, "32x16x8"), (.depth, "0"), (.depth, "three"), (.lr, "-1"), (.lr, "0.05x"),
        (.momentum, "1"), (.weightDecay, "-0.1"), (.bnMomentum, "2"), (.eps, "-1"), (.evalEvery, "-1"),
        (.seed, "-3"), (.shape, "8x16x1x8"), (.shape, "64x32"), (.shape, "4096x512x64x64"),
    ]

    @Test(arguments: invalid)
    func theEditorBlamesTheFieldOfAnInvalidValue(field: ExperimentSetting.Name, text: String) {
        var editor = SettingsEditor(config: ExperimentConfig())
        let index = editor.fields.firstIndex { $0.id == field }!
        editor.fields[index].value = text
        // Start from another field, so that the cursor has to move.
        editor.selected = index == 0 ? 1 : 0
        let outcome = editor.handle(.enter, validate: AppState.validate)
        #expect(outcome == .editing)
        #expect(editor.refusal?.field == field, "\(editor.refusal?.message ?? "accepted")")
        #expect(editor.fields[editor.selected].id == field)
    }

    @Test func aBatchLargerThanTheDataIsTheShapes() {
        var editor = SettingsEditor(config: ExperimentConfig())
        let index = editor.fields.firstIndex { $0.id == .shape }!
        editor.fields[index].value = "2000x16x8x8"
        _ = editor.handle(.enter, validate: AppState.validate)
        #expect(editor.refusal?.field == .shape)
        #expect(editor.refusal?.message.contains("larger than the training set") == true)
    }

    @Test func groupsAreBlamedWhenChannelsDoNotDivide() {
        var editor = SettingsEditor(config: ExperimentConfig())
        editor.fields[0].value = NormVariant.group.rawValue
        editor.fields[1].value = "5"
        editor.selected = 4
        _ = editor.handle(.enter, validate: AppState.validate)
        #expect(editor.refusal == SettingsEditor.Refusal(field: .groups, message: "C = 16 is not divisible by G = 5"))
        #expect(editor.selected == 1)
    }
}

/// Settings that run but may surprise say what they mean; the model switch converts the shape.
struct SettingsNotesTests {
    static func select(_ id: SettingsEditor.FieldID, in editor: inout SettingsEditor) {
        while editor.fields[editor.selected].id != id { _ = editor.handle(.down, validate: { _ in nil }) }
    }

    static func type(_ text: String, into editor: inout SettingsEditor) {
        _ = editor.handle(.control("u"), validate: { _ in nil })
        for character in text { _ = editor.handle(.character(character), validate: { _ in nil }) }
    }

    @Test func epsZeroAndEvalEveryZeroSayWhatTheyMean() {
        var editor = SettingsEditor(config: ExperimentConfig())
        Self.select(.eps, in: &editor)
        Self.type("0", into: &editor)
        #expect(editor.selectedHelp.contains("divides 0 by 0"))
        Self.select(.evalEvery, in: &editor)
        Self.type("0", into: &editor)
        #expect(editor.selectedHelp.contains("means never"))
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        state.overlay = .editor(editor)
        _ = update(&state, .key(.enter), validate: UpdateTests.validate)
        #expect(state.overlay == nil)
        #expect(state.status?.text.contains("means never") == true && state.status?.text.contains("divides 0 by 0") == true)
    }

    @Test func switchingTheModelToMLPConvertsTheShape() {
        var editor = SettingsEditor(config: ExperimentConfig())
        Self.select(.model, in: &editor)
        _ = editor.handle(.right, validate: { _ in nil })
        #expect(editor.value(.model) == "mlp" && editor.value(.shape) == "32x16")
        guard case .applied(let config) = editor.handle(.enter, validate: AppState.validate) else {
            Issue.record("refused: \(editor.refusal?.message ?? "")")
            return
        }
        #expect(config.model == .mlp && config.shape == TensorShape(n: 32, c: 16))
        _ = editor.handle(.right, validate: { _ in nil })
        #expect(editor.value(.shape) == "32x16x8x8")
    }
}

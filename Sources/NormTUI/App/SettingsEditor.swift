import Foundation
import NormMath

/// The `e` form: every experiment setting as a field, edited in place. Enter builds a
/// configuration and refuses it with the reason when it cannot run; Esc drops the edits.
struct SettingsEditor: Sendable {
    enum FieldID: CaseIterable, Sendable {
        case variant, groups, shape, model, depth, dataset, learningRate, momentum, weightDecay
        case bnMomentum, eps, epsPlacement, variance, evalEvery, seed
    }

    struct Field: Sendable {
        let id: FieldID
        let label: String
        /// The choices of a field picked with ←/→; empty for a typed field.
        let choices: [String]
        var value: String
        let help: String
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

    init(config: ExperimentConfig) {
        fields = [
            Field(id: .variant, label: "variant", choices: NormVariant.allCases.map(\.rawValue), value: config.variant.rawValue,
                  help: "which elements share μ and σ"),
            Field(id: .groups, label: "groups G", choices: [], value: "\(config.groups)", help: "group norm: C must be divisible by G"),
            Field(id: .shape, label: "shape", choices: [], value: Self.shapeText(config.shape),
                  help: "NxCxHxW at the normalized layers (NxC for the mlp)"),
            Field(id: .model, label: "model", choices: ModelKind.allCases.map(\.rawValue), value: config.model.rawValue,
                  help: "conv: conv3×3 blocks; mlp: linear blocks"),
            Field(id: .depth, label: "depth", choices: [], value: "\(config.depth)", help: "normalized blocks, 1–12"),
            Field(id: .dataset, label: "dataset", choices: DatasetName.allNames, value: config.dataset.rawValue, help: "the images to learn"),
            Field(id: .learningRate, label: "learning rate", choices: [], value: "\(config.learningRate)", help: "SGD step size"),
            Field(id: .momentum, label: "momentum", choices: [], value: "\(config.momentum)", help: "SGD momentum, 0 ≤ μ < 1"),
            Field(id: .weightDecay, label: "weight decay", choices: [], value: "\(config.weightDecay)", help: "L2 added to the gradient"),
            Field(id: .bnMomentum, label: "bn momentum", choices: [], value: "\(config.bnMomentum)",
                  help: "weight of each batch in the running statistics"),
            Field(id: .eps, label: "ε", choices: [], value: "\(config.eps)", help: "keeps the division finite"),
            Field(id: .epsPlacement, label: "ε placement", choices: EpsilonPlacement.allCases.map(\.rawValue),
                  value: config.epsPlacement.rawValue, help: "inside √(σ²+ε) as PyTorch, outside σ+ε as the glossary"),
            Field(id: .variance, label: "variance", choices: VarianceAlgorithm.allCases.map(\.rawValue),
                  value: config.varianceAlgorithm.rawValue, help: "naive E[x²]−E[x]² breaks on offset data"),
            Field(id: .evalEvery, label: "eval every", choices: [], value: "\(config.evalEvery)",
                  help: "steps between held-out evaluations (0: never)"),
            Field(id: .seed, label: "seed", choices: [], value: "\(config.seed)", help: "same seed, same run"),
        ]
    }

    static func shapeText(_ shape: TensorShape) -> String {
        shape.spatial == 1 && shape.h == 1 ? "\(shape.n)x\(shape.c)" : "\(shape.n)x\(shape.c)x\(shape.h)x\(shape.w)"
    }

    /// Handles one key; `validate` decides whether a parsed configuration can run.
    mutating func handle(_ key: Key, validate: (ExperimentConfig) -> String?) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter:
            switch makeConfig() {
            case .failure(let refusal):
                self.refusal = refusal
                if let field = refusal.field, let index = fields.firstIndex(where: { $0.id == field }) { selected = index }
                return .editing
            case .success(let config):
                if let problem = validate(config) {
                    refusal = Refusal(field: Self.field(blamedBy: problem), message: problem)
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
    }

    func value(_ id: FieldID) -> String {
        fields.first { $0.id == id }!.value.trimmingCharacters(in: .whitespaces)
    }

    /// Parses every field; the first that does not parse is refused with what it expects.
    func makeConfig() -> Result<ExperimentConfig, Refusal> {
        var config = ExperimentConfig()
        func number(_ id: FieldID) -> Double? { Double(value(id)) }
        func integer(_ id: FieldID) -> Int? { Int(value(id)) }
        func refuse(_ id: FieldID, _ expected: String) -> Result<ExperimentConfig, Refusal> {
            let label = fields.first { $0.id == id }!.label
            return .failure(Refusal(field: id, message: "\(label): \"\(value(id))\" is not \(expected)"))
        }
        config.variant = NormVariant(rawValue: value(.variant)) ?? config.variant
        config.model = ModelKind(rawValue: value(.model)) ?? config.model
        config.dataset = DatasetName(value(.dataset))
        config.epsPlacement = EpsilonPlacement(rawValue: value(.epsPlacement)) ?? config.epsPlacement
        config.varianceAlgorithm = VarianceAlgorithm(rawValue: value(.variance)) ?? config.varianceAlgorithm
        guard let groups = integer(.groups) else { return refuse(.groups, "a whole number") }
        config.groups = groups
        guard let shape = TensorShape(argument: value(.shape)) else { return refuse(.shape, "a shape like 32x16x8x8 or 64x32") }
        config.shape = shape
        guard let depth = integer(.depth) else { return refuse(.depth, "a whole number") }
        config.depth = depth
        guard let lr = number(.learningRate) else { return refuse(.learningRate, "a number") }
        config.learningRate = lr
        guard let momentum = number(.momentum) else { return refuse(.momentum, "a number") }
        config.momentum = momentum
        guard let decay = number(.weightDecay) else { return refuse(.weightDecay, "a number") }
        config.weightDecay = decay
        guard let bnMomentum = number(.bnMomentum) else { return refuse(.bnMomentum, "a number") }
        config.bnMomentum = bnMomentum
        guard let eps = number(.eps) else { return refuse(.eps, "a number") }
        config.eps = eps
        guard let evalEvery = integer(.evalEvery) else { return refuse(.evalEvery, "a whole number") }
        config.evalEvery = evalEvery
        guard let seed = UInt64(value(.seed)) else { return refuse(.seed, "a whole number ≥ 0") }
        config.seed = seed
        return .success(config)
    }

    /// The field a validation message is about, so the cursor can go there.
    static func field(blamedBy message: String) -> FieldID? {
        let clues: [(String, FieldID)] = [
            ("divisible", .groups), ("groups", .groups), ("depth", .depth), ("learning rate", .learningRate),
            ("momentum must be between", .bnMomentum), ("momentum must", .momentum), ("weight decay", .weightDecay), ("eps", .eps), ("eval interval", .evalEvery),
            ("data set", .dataset), ("shape", .shape), ("batch", .shape), ("H·W", .shape), ("mlp", .shape),
        ]
        return clues.first { message.contains($0.0) }?.1
    }
}

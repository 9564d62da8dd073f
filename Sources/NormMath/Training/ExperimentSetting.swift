import Foundation

/// One setting of an experiment, described once: its name (which is the command-line option,
/// `--weight-decay`), its JSON key, how its values are parsed and written, its help texts, and
/// where it lives in ``ExperimentConfig``.
///
/// The command line, experiment files, the settings editor and compare mode all read
/// ``all``, so that a setting is spelled, parsed and explained in one place.
public struct ExperimentSetting: Sendable {
    /// Every setting; the raw value is the command-line option without its dashes.
    public enum Name: String, CaseIterable, Sendable {
        case variant, groups, shape, model, depth, dataset, lr, momentum
        case weightDecay = "weight-decay", bnMomentum = "bn-momentum", eps, epsPlacement = "eps-placement", variance
        case evalEvery = "eval-every", seed
    }

    public let name: Name
    /// How the settings editor labels the field, e.g. "learning rate".
    public let label: String
    /// What the option does, for `--help` (``commandLineHelp`` adds the choices and the default).
    public let help: String
    /// The settings editor's line under the form while the field is selected.
    public let hint: String
    /// The values to pick from, for a setting with a fixed set; empty for a typed value.
    public let choices: [String]
    /// What a value must look like, to end "is not …" and "must be …", e.g. "a number".
    public let expectation: String
    private let parseValue: @Sendable (String, Bool) -> Result<Value, ExperimentError>
    private let readValue: @Sendable (FieldReader) throws(ExperimentError) -> Value?
    private let formatValue: @Sendable (ExperimentConfig) -> String
    private let valueIn: @Sendable (ExperimentConfig) -> Value
    private let rangeRefusal: @Sendable (ExperimentConfig) -> String?
    private let isText: Bool

    /// The command-line option, e.g. `weight-decay` for `--weight-decay`.
    public var flag: String { name.rawValue }

    /// The key in an experiment file: the option's name in snake_case (`weight_decay`).
    ///
    /// Derived, not chosen: JSON keys stay identifiers that `jq .weight_decay` and most
    /// languages read without quoting, they match the `compute` input format (`eps_placement`,
    /// `running_mean`), and every file written so far keeps loading.
    public var jsonKey: String { Self.jsonKey(for: name) }

    static func jsonKey(for name: Name) -> String { name.rawValue.replacingOccurrences(of: "-", with: "_") }

    /// `--help`'s text: what the option does, its choices and its default.
    public var commandLineHelp: String {
        let choiceList = choices.isEmpty ? "" : choices.joined(separator: "|") + "; "
        return "\(help) (\(choiceList)default: \(format(ExperimentConfig())))."
    }

    /// The setting's value in `config` as text, the way the command line takes it.
    public func format(_ config: ExperimentConfig) -> String { formatValue(config) }

    /// The setting's value in `config`, to apply to another configuration as it is (no
    /// round trip through text).
    public func value(in config: ExperimentConfig) -> Value { valueIn(config) }

    /// Parses a value typed for this setting.
    /// - Parameters:
    ///   - text: what was typed, e.g. `0.05`, `batch` or `32x16x8x8`.
    ///   - ignoringCase: also take a choice in other letter case (`BATCH`), as compare mode
    ///     does; the command line and files take choices exactly as listed.
    /// - Throws: ``ExperimentError`` naming this setting and what a value must look like.
    public func parse(_ text: String, ignoringCase: Bool = false) throws(ExperimentError) -> Value {
        try parseValue(text, ignoringCase).get()
    }

    /// Why the setting's value in `config` is out of its range, in one sentence; `nil` when it
    /// is in range, or when only other settings decide (groups against the channels).
    public func rangeRefusal(in config: ExperimentConfig) -> String? { rangeRefusal(config) }

    /// The setting named `name`.
    public static subscript(name: Name) -> ExperimentSetting { all.first { $0.name == name }! }
}

extension ExperimentSetting {
    /// A parsed value of one setting, ready to apply to any configuration: what the command
    /// line and compare mode hold until there is a configuration to change.
    public struct Value: Sendable, Equatable, CustomStringConvertible {
        public let name: Name
        /// The value as the table writes it (`0.05`, `group`); two values are the same when
        /// this is.
        public let description: String
        private let assign: @Sendable (inout ExperimentConfig) -> Void

        init(name: Name, description: String, assign: @escaping @Sendable (inout ExperimentConfig) -> Void) {
            self.name = name
            self.description = description
            self.assign = assign
        }

        public func apply(to config: inout ExperimentConfig) { assign(&config) }

        public static func == (a: Value, b: Value) -> Bool { a.name == b.name && a.description == b.description }
    }
}

// MARK: - Value types

extension ExperimentSetting {
    /// How values of one Swift type are read from text and JSON, and written.
    struct ValueType<Stored: Sendable>: Sendable {
        var expectation: String
        var choices: [String] = []
        /// Text to value; `nil` when the text is not one.
        var parse: @Sendable (String) -> Stored?
        /// A refusal more precise than "must be \(expectation)", if the type has one.
        var reason: @Sendable (String) -> String? = { _ in nil }
        var format: @Sendable (Stored) -> String = { "\($0)" }
        /// Whether JSON holds the value as a string (else as a number).
        var isText: Bool
        /// Reads a JSON number (`nil` for text types, which go through `parse`).
        var readNumber: (@Sendable (FieldReader, String) throws(ComputeError) -> Stored?)? = nil

        static var number: ValueType<Double> {
            ValueType<Double>(expectation: "a number", parse: { Double($0) }, isText: false,
                              readNumber: { reader, key throws(ComputeError) in try reader.number(key) })
        }

        static var wholeNumber: ValueType<Int> {
            ValueType<Int>(expectation: "a whole number", parse: { Int($0) }, isText: false,
                           readNumber: { reader, key throws(ComputeError) in try reader.integer(key) })
        }

        static var seed: ValueType<UInt64> {
            ValueType<UInt64>(expectation: "a whole number ≥ 0", parse: { UInt64($0) }, isText: false,
                              readNumber: { reader, key throws(ComputeError) in
                guard let value = try reader.integer(key) else { return nil }
                guard value >= 0 else { throw ComputeError("field \"\(key)\" must be >= 0") }
                return UInt64(value)
            })
        }

        static var shape: ValueType<TensorShape> {
            ValueType<TensorShape>(
                expectation: "a shape like 32x16x8x8 or 64x32",
                parse: { try? TensorShape(parsing: $0) },
                reason: { text in
                    do throws(NormalizationError) { _ = try TensorShape(parsing: text); return nil } catch { return error.description }
                },
                format: { $0.settingText },
                isText: true)
        }

        /// Any name: an unknown one is refused by ``ExperimentConfig/validate()``, in the
        /// same words wherever it came from.
        static var dataset: ValueType<DatasetName> {
            ValueType<DatasetName>(expectation: "a data set", choices: DatasetName.allNames, parse: { DatasetName($0) },
                                   format: { $0.rawValue }, isText: true)
        }

        static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(_: Choice.Type) -> ValueType<Choice>
        where Choice.RawValue == String {
            let names = Choice.allCases.map(\.rawValue)
            return ValueType<Choice>(
                expectation: "one of \(names.joined(separator: "|"))", choices: names,
                parse: { Choice(rawValue: $0) }, format: { $0.rawValue }, isText: true)
        }
    }

    init<Stored: Sendable>(
        _ name: Name, label: String, help: String, hint: String,
        _ keyPath: WritableKeyPath<ExperimentConfig, Stored> & Sendable, _ type: ValueType<Stored>,
        range: @escaping @Sendable (Stored) -> String? = { _ in nil }
    ) {
        self.name = name
        self.label = label
        self.help = help
        self.hint = hint
        choices = type.choices
        expectation = type.expectation
        isText = type.isText
        let value = { @Sendable (stored: Stored) in
            Value(name: name, description: type.format(stored)) { $0[keyPath: keyPath] = stored }
        }
        parseValue = { text, ignoringCase in
            let exact = type.parse(text)
            guard let stored = exact ?? (ignoringCase && !type.choices.isEmpty ? type.parse(text.lowercased()) : nil) else {
                return .failure(ExperimentError(
                    field: name, type.reason(text) ?? "\(name.rawValue) must be \(type.expectation), got \"\(text)\""))
            }
            return .success(value(stored))
        }
        let key = Self.jsonKey(for: name)
        readValue = { reader throws(ExperimentError) in
            if let readNumber = type.readNumber {
                do throws(ComputeError) {
                    guard let stored = try readNumber(reader, key) else { return nil }
                    return value(stored)
                } catch {
                    throw ExperimentError(field: name, error.description)
                }
            }
            let text: String?
            do throws(ComputeError) { text = try reader.string(key) } catch { throw ExperimentError(field: name, error.description) }
            guard let text else { return nil }
            guard let stored = type.parse(text) else {
                let reason = type.choices.isEmpty ? type.reason(text) ?? "must be \(type.expectation)" : "unknown value \"\(text)\""
                throw ExperimentError(field: name, "field \"\(key)\": \(reason)")
            }
            return value(stored)
        }
        formatValue = { type.format($0[keyPath: keyPath]) }
        valueIn = { value($0[keyPath: keyPath]) }
        rangeRefusal = { range($0[keyPath: keyPath]) }
    }
}

extension TensorShape {
    /// `32x16x8x8`, or `64x32` when H = W = 1: the one way a shape is written for the command
    /// line and experiment files, which ``init(parsing:)`` reads back. (The header's
    /// `32×16×8×8` is ``description``.)
    public var settingText: String { h == 1 && w == 1 ? "\(n)x\(c)" : "\(n)x\(c)x\(h)x\(w)" }
}

// MARK: - The table

extension ExperimentSetting {
    private static let depths = ExperimentConfig.depthRange

    /// Every setting, in the order the settings editor shows them and files list them.
    public static let all: [ExperimentSetting] = [
        ExperimentSetting(
            .variant, label: "variant", help: "Normalization", hint: "which elements share μ and σ",
            \.variant, .choice(NormVariant.self)),
        ExperimentSetting(
            .groups, label: "groups G", help: "Channel groups for group norm (C must be divisible by G)",
            hint: "group norm: C must be divisible by G", \.groups, .wholeNumber),
        ExperimentSetting(
            .shape, label: "shape",
            help: "NxCxHxW (batch, channels, height×width at the normalized layers), or NxC for the mlp",
            hint: "NxCxHxW at the normalized layers (NxC for the mlp)", \.shape, .shape),
        ExperimentSetting(
            .model, label: "model", help: "Model: conv3×3 blocks or linear blocks", hint: "conv: conv3×3 blocks; mlp: linear blocks",
            \.model, .choice(ModelKind.self)),
        ExperimentSetting(
            .depth, label: "depth", help: "Number of normalized blocks (\(depths.lowerBound)-\(depths.upperBound))",
            hint: "normalized blocks, \(depths.lowerBound)–\(depths.upperBound)", \.depth, .wholeNumber,
            range: { depths.contains($0) ? nil : "depth must be between \(depths.lowerBound) and \(depths.upperBound), got \($0)" }),
        ExperimentSetting(.dataset, label: "dataset", help: "Data set", hint: "the images to learn", \.dataset, .dataset),
        ExperimentSetting(
            .lr, label: "learning rate", help: "SGD learning rate", hint: "SGD step size", \.learningRate, .number,
            range: { $0.isFinite && $0 > 0 ? nil : "the learning rate must be a positive number, got \($0)" }),
        ExperimentSetting(
            .momentum, label: "momentum", help: "SGD momentum", hint: "SGD momentum, 0 ≤ μ < 1", \.momentum, .number,
            range: { $0.isFinite && (0..<1).contains($0) ? nil : "momentum must be at least 0 and below 1, got \($0)" }),
        ExperimentSetting(
            .weightDecay, label: "weight decay", help: "SGD weight decay (L2, added to the gradient)",
            hint: "L2 added to the gradient", \.weightDecay, .number,
            range: { $0.isFinite && $0 >= 0 ? nil : "weight decay must be a number >= 0, got \($0)" }),
        // ε and batch norm's momentum are parameters of the normalization layers: their ranges
        // are NormalizationConfig's, which `compute` shares, and it names them.
        ExperimentSetting(
            .bnMomentum, label: "bn momentum", help: "Batch norm's momentum for the running statistics",
            hint: "weight of each batch in the running statistics", \.bnMomentum, .number),
        ExperimentSetting(.eps, label: "ε", help: "The ε in the denominator", hint: "keeps the division finite", \.eps, .number),
        ExperimentSetting(
            .epsPlacement, label: "ε placement", help: "inside: √(σ²+ε) as PyTorch; outside: σ+ε as the glossary",
            hint: "inside √(σ²+ε) as PyTorch, outside σ+ε as the glossary", \.epsPlacement, .choice(EpsilonPlacement.self)),
        ExperimentSetting(
            .variance, label: "variance", help: "Variance algorithm", hint: "naive E[x²]−E[x]² breaks on offset data",
            \.varianceAlgorithm, .choice(VarianceAlgorithm.self)),
        ExperimentSetting(
            .evalEvery, label: "eval every", help: "Evaluate on held-out data every E steps (0: never)",
            hint: "steps between held-out evaluations (0: never)", \.evalEvery, .wholeNumber,
            range: { $0 >= 0 ? nil : "the eval interval must be >= 0, got \($0)" }),
        ExperimentSetting(.seed, label: "seed", help: "Random seed: the same seed gives the same run, bit for bit",
                          hint: "same seed, same run", \.seed, .seed),
    ]
}

// MARK: - Experiment files

extension ExperimentSetting {
    /// Reads this setting from a JSON object; `nil` when the key is absent.
    func read(from reader: FieldReader) throws(ExperimentError) -> Value? { try readValue(reader) }

    /// The setting's value in `config` as a JSON value (a quoted string or a number).
    func jsonValue(of config: ExperimentConfig) -> String {
        let text = format(config)
        return isText ? "\"\(text)\"" : text
    }
}

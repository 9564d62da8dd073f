import Foundation
import NormMath
import NumberFormatting

/// The one setting in which the two runs of compare mode differ: `SETTING=VALUE` with the
/// names of the command-line options (`lr=2`, `variant=none`, `bn-momentum=0.5`, `batch=4`).
/// The seed is not among them: the runs share it, and with it their data and initial weights.
/// Values are parsed and written by the settings table, ``ExperimentSetting``.
public struct CompareSetting: Sendable, Equatable {
    public enum Name: String, CaseIterable, Sendable {
        case variant, lr, momentum, weightDecay = "weight-decay", bnMomentum = "bn-momentum", eps
        case epsPlacement = "eps-placement", variance, groups, depth
        /// The batch size N (the rest of the shape stays).
        case batch

        /// The row of the settings table this name changes; `nil` for the batch size, which
        /// is one dimension of the shape.
        public var setting: ExperimentSetting.Name? { ExperimentSetting.Name(rawValue: rawValue) }
    }

    /// What the second run changes, parsed once.
    private enum Change: Sendable, Equatable {
        case setting(ExperimentSetting.Value)
        case batchSize(Int)
    }

    public let name: Name
    /// The value as given (`lr=2`), or as the settings table writes a suggested one.
    public let value: String
    /// The parsed value, or why `value` is not one (``applied(to:)`` throws it).
    private let change: Result<Change, ExperimentError>

    public init(_ name: Name, _ value: String) {
        self.name = name
        self.value = value
        if let setting = name.setting {
            change = Result { () throws(ExperimentError) in .setting(try ExperimentSetting[setting].parse(value, ignoringCase: true)) }
        } else if let batchSize = Int(value) {
            change = .success(.batchSize(batchSize))
        } else {
            change = .failure(ExperimentError("\(name.rawValue) must be a whole number, got \"\(value)\""))
        }
    }

    /// `setting`'s value in `config`, as it is.
    private init(_ setting: ExperimentSetting.Name, of config: ExperimentConfig) {
        let value = ExperimentSetting[setting].value(in: config)
        name = Name(rawValue: setting.rawValue)!
        self.value = value.description
        change = .success(.setting(value))
    }

    /// Two settings are the same when they change the same thing to the same value, however
    /// it was written (`lr=1` and a suggested `lr=1.0`).
    public static func == (a: CompareSetting, b: CompareSetting) -> Bool {
        switch (a.change, b.change) {
        case (.success(let x), .success(let y)): x == y
        default: a.name == b.name && a.value == b.value
        }
    }

    /// Reads `SETTING=VALUE`, saying what is wrong with anything else.
    public static func parse(_ text: String) throws(ExperimentError) -> CompareSetting {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ExperimentError("--compare wants SETTING=VALUE, e.g. lr=2 or variant=none, got \"\(text)\"")
        }
        guard let name = Name(rawValue: parts[0].lowercased()) else {
            throw ExperimentError(
                "--compare cannot vary \"\(parts[0])\" (one of: \(Name.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return CompareSetting(name, parts[1])
    }

    /// `config` with this setting changed, validated.
    public func applied(to config: ExperimentConfig) throws(ExperimentError) -> ExperimentConfig {
        var changed = config
        switch try change.get() {
        case .setting(let value): value.apply(to: &changed)
        case .batchSize(let n): changed.shape.n = n
        }
        try changed.validate()
        _ = try Trainer(config: changed)  // also catches a batch larger than the data set
        return changed
    }

    /// How a run is named on screen, in both languages: German names the setting in
    /// German (keeping the short "lr" of the header) and writes numbers with a decimal comma.
    public func localizedLabel(of config: ExperimentConfig) -> Localized {
        let short = { (value: Double) in NumberFormat.short(value) }
        switch name {
        case .variant:
            return config.variant == .none
                ? Localized(en: config.variant.displayName, de: "ohne Norm")
                : Localized(en: config.variant.displayName, de: config.variant.displayName)
        case .lr: return Localized(en: label(of: config), de: "lr \(short(config.learningRate))")
        case .momentum: return Localized(en: label(of: config), de: "Momentum \(short(config.momentum))")
        case .weightDecay: return Localized(en: label(of: config), de: "Weight Decay \(short(config.weightDecay))")
        case .bnMomentum: return Localized(en: label(of: config), de: "BN-Momentum \(short(config.bnMomentum))")
        case .eps: return Localized(en: label(of: config), de: "ε \(short(config.eps))")
        case .epsPlacement: return Localized(en: label(of: config), de: label(of: config))
        case .variance: return Localized(en: label(of: config), de: "Varianz \(config.varianceAlgorithm.rawValue)")
        case .groups: return Localized(en: label(of: config), de: label(of: config))
        case .depth: return Localized(en: label(of: config), de: "Tiefe \(config.depth)")
        case .batch: return Localized(en: label(of: config), de: label(of: config))
        }
    }

    /// How a run is named on screen by this setting's value in `config`, e.g. "lr 0.05".
    public func label(of config: ExperimentConfig) -> String {
        let short = { (value: Double) in NumberFormat.short(value) }
        switch name {
        case .variant: return config.variant.displayName
        case .lr: return "lr \(short(config.learningRate))"
        case .momentum: return "momentum \(short(config.momentum))"
        case .weightDecay: return "weight decay \(short(config.weightDecay))"
        case .bnMomentum: return "bn-momentum \(short(config.bnMomentum))"
        case .eps: return "ε \(short(config.eps))"
        case .epsPlacement: return "ε \(config.epsPlacement.rawValue)"
        case .variance: return "variance \(config.varianceAlgorithm.rawValue)"
        case .groups: return "G = \(config.groups)"
        case .depth: return "depth \(config.depth)"
        case .batch: return "N = \(config.shape.n)"
        }
    }

    /// Settings worth a look from `config`, for `c` to cycle through: normalization on/off,
    /// a learning rate 20× larger, a batch of 4, a faster running average.
    public static func suggestions(for config: ExperimentConfig) -> [CompareSetting] {
        var faster = config
        faster.learningRate *= 20
        return [
            CompareSetting(.variant, config.variant == .none ? NormVariant.batch.rawValue : NormVariant.none.rawValue),
            CompareSetting(.lr, of: faster),
            CompareSetting(.batch, config.shape.n == 4 ? "64" : "4"),
            CompareSetting(.bnMomentum, config.bnMomentum == 0.5 ? "0.1" : "0.5"),
        ]
    }
}

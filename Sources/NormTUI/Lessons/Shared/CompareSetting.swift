import Foundation
import NormMath
import TerminalUI

/// The one setting in which the two runs of compare mode differ: `SETTING=VALUE` with the
/// names of the command-line options (`lr=2`, `variant=none`, `bn-momentum=0.5`, `batch=4`).
/// The seed is not among them: the runs share it, and with it their data and initial weights.
struct CompareSetting: Sendable, Equatable {
    enum Name: String, CaseIterable, Sendable {
        case variant, lr, momentum, weightDecay = "weight-decay", bnMomentum = "bn-momentum", eps
        case epsPlacement = "eps-placement", variance, groups, depth
        /// The batch size N (the rest of the shape stays).
        case batch
    }

    let name: Name
    let value: String

    init(_ name: Name, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Reads `SETTING=VALUE`, saying what is wrong with anything else.
    static func parse(_ text: String) throws(ExperimentError) -> CompareSetting {
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
    func applied(to config: ExperimentConfig) throws(ExperimentError) -> ExperimentConfig {
        var changed = config
        func number() throws(ExperimentError) -> Double {
            guard let number = Double(value) else { throw ExperimentError("\(name.rawValue) must be a number, got \"\(value)\"") }
            return number
        }
        func integer() throws(ExperimentError) -> Int {
            guard let integer = Int(value) else { throw ExperimentError("\(name.rawValue) must be a whole number, got \"\(value)\"") }
            return integer
        }
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ExperimentError) -> T where T.RawValue == String {
            guard let choice = T(rawValue: value.lowercased()) else {
                throw ExperimentError(
                    "\(name.rawValue) must be one of \(T.allCases.map(\.rawValue).joined(separator: "|")), got \"\(value)\"")
            }
            return choice
        }
        switch name {
        case .variant: changed.variant = try choice(NormVariant.self)
        case .lr: changed.learningRate = try number()
        case .momentum: changed.momentum = try number()
        case .weightDecay: changed.weightDecay = try number()
        case .bnMomentum: changed.bnMomentum = try number()
        case .eps: changed.eps = try number()
        case .epsPlacement: changed.epsPlacement = try choice(EpsilonPlacement.self)
        case .variance: changed.varianceAlgorithm = try choice(VarianceAlgorithm.self)
        case .groups: changed.groups = try integer()
        case .depth: changed.depth = try integer()
        case .batch:
            let shape = config.shape
            changed.shape = TensorShape(n: try integer(), c: shape.c, h: shape.h, w: shape.w)
        }
        try changed.validate()
        _ = try Trainer(config: changed)  // also catches a batch larger than the data set
        return changed
    }

    /// How a run is named on screen by this setting's value in `config`, e.g. "lr 0.05".
    func label(of config: ExperimentConfig) -> String {
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
    static func suggestions(for config: ExperimentConfig) -> [CompareSetting] {
        [
            CompareSetting(.variant, config.variant == .none ? NormVariant.batch.rawValue : NormVariant.none.rawValue),
            CompareSetting(.lr, NumberFormat.short(config.learningRate * 20)),
            CompareSetting(.batch, config.shape.n == 4 ? "64" : "4"),
            CompareSetting(.bnMomentum, config.bnMomentum == 0.5 ? "0.1" : "0.5"),
        ]
    }
}

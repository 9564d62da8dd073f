import ArgumentParser
import Foundation
import NormMath

/// The experiment options every subcommand shares (DESIGN.md: one definition). Each maps
/// onto a field of ``ExperimentConfig``; unset options keep its defaults.
struct ExperimentOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "An experiment file (JSON, as `w` saves it in the UI); options given here override it.")
    var configFile: String?

    @Option(name: .customLong("variant"), help: "Normalization: \(NormVariant.allCases.map(\.rawValue).joined(separator: "|")) (bench also takes all).")
    var variantChoice: VariantChoice?

    /// The one variant asked for, if any.
    var variant: NormVariant? {
        if case .one(let variant) = variantChoice { return variant }
        return nil
    }

    @Option(help: "Channel groups for group norm (C must be divisible by G).")
    var groups: Int?

    @Option(
        help: "NxCxHxW (batch, channels, height×width at the normalized layers), or NxC for the mlp.",
        transform: TensorShape.parse)
    var shape: TensorShape?

    @Option(help: "Model: conv|mlp.")
    var model: ModelKind?

    @Option(help: "Number of normalized blocks (1-12).")
    var depth: Int?

    @Option(help: "Data set: \(DatasetName.allNames.joined(separator: "|")).")
    var dataset: String?

    @Option(help: "SGD learning rate.")
    var lr: Double?

    @Option(help: "SGD momentum.")
    var momentum: Double?

    @Option(name: .customLong("weight-decay"), help: "SGD weight decay (L2, added to the gradient).")
    var weightDecay: Double?

    @Option(name: .customLong("bn-momentum"), help: "Batch norm's momentum for the running statistics.")
    var bnMomentum: Double?

    @Option(help: "The ε in the denominator.")
    var eps: Double?

    @Option(name: .customLong("eps-placement"), help: "inside: √(σ²+ε) as PyTorch; outside: σ+ε as the glossary.")
    var epsPlacement: EpsilonPlacement?

    @Option(name: .customLong("variance"), help: "Variance algorithm: two-pass|welford|naive.")
    var varianceAlgorithm: VarianceAlgorithm?

    @Option(help: "Random seed: the same seed gives the same run, bit for bit.")
    var seed: UInt64?

    /// The configuration these options describe, validated.
    /// - Parameter allowingAllVariants: `bench` times every variant for `--variant all`; the
    ///   experiment then keeps its default variant.
    func config(allowingAllVariants: Bool = false) throws -> ExperimentConfig {
        if variantChoice == .all, !allowingAllVariants {
            throw CommandFailure("--variant all is for normtui bench only; name one variant")
        }
        var config = try loadFile()
        if let variant { config.variant = variant }
        if let groups { config.groups = groups }
        if let model {
            config.model = model
            // The MLP normalizes [N, C]: a shape given without H×W means H = W = 1.
            if model == .mlp, shape == nil { config.shape = TensorShape(n: config.shape.n, c: config.shape.c) }
        }
        if let shape { config.shape = shape }
        if let depth { config.depth = depth }
        if let dataset { config.dataset = DatasetName(dataset) }
        if let lr { config.learningRate = lr }
        if let momentum { config.momentum = momentum }
        if let weightDecay { config.weightDecay = weightDecay }
        if let bnMomentum { config.bnMomentum = bnMomentum }
        if let eps { config.eps = eps }
        if let epsPlacement { config.epsPlacement = epsPlacement }
        if let varianceAlgorithm { config.varianceAlgorithm = varianceAlgorithm }
        if let seed { config.seed = seed }
        do { try config.validate() } catch { throw CommandFailure(error.description) }
        return config
    }
}

extension ExperimentOptions {
    /// The experiment in `--config`, or the defaults.
    func loadFile() throws -> ExperimentConfig {
        guard let path = configFile else { return ExperimentConfig() }
        let data = try InputFile.read(path, what: "config")
        do {
            return try ExperimentConfig(json: data)
        } catch {
            throw CommandFailure("config \(path): \(error.description)")
        }
    }
}

/// `--variant`: one variant, or `all` (which only `bench` accepts: it times every kernel).
enum VariantChoice: Equatable, ExpressibleByArgument {
    case one(NormVariant)
    case all

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let variant = NormVariant(rawValue: argument) {
            self = .one(variant)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { NormVariant.allCases.map(\.rawValue) + ["all"] }
}

extension NormVariant: ExpressibleByArgument {}
extension ModelKind: ExpressibleByArgument {}
extension EpsilonPlacement: ExpressibleByArgument {}
extension VarianceAlgorithm: ExpressibleByArgument {}

extension TensorShape {
    /// Reads `32x16x8x8`, `32×16×8×8` or `64x32`.
    init?(argument: String) {
        guard let shape = try? TensorShape.parse(argument) else { return nil }
        self = shape
    }

    /// Reads a shape from the command line, saying what is wrong with a bad one.
    static func parse(_ text: String) throws -> TensorShape {
        do { return try TensorShape(parsing: text) } catch { throw ValidationError(error.description) }
    }
}

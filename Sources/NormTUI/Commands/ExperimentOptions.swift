import ArgumentParser
import Foundation
import NormMath
import NormLessons

/// The experiment options every subcommand shares (DESIGN.md: one definition). Each is a
/// row of ``ExperimentSetting/all``: its flag, help text, parser and field come from there;
/// unset options keep the defaults (or the `--config` file's values).
struct ExperimentOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "An experiment file (JSON, as `w` saves it in the UI); options given here override it.",
            completion: .file(extensions: ["json"]))
    var configFile: String?

    // The help names the six variants once (the table's list); `all` is bench's alone, so
    // only bench's help speaks of it.
    @Option(name: .customLong(ExperimentSetting[.variant].flag), help: ArgumentHelp(ExperimentSetting[.variant].commandLineHelp))
    var variantChoice: VariantChoice?

    /// The one variant asked for, if any.
    var variant: NormVariant? {
        if case .one(let variant) = variantChoice { return variant }
        return nil
    }

    @Option(name: .customLong(ExperimentSetting[.groups].flag), parsing: .unconditional, help: .setting(.groups), transform: ExperimentSetting[.groups].argument)
    var groups: ExperimentSetting.Value?

    /// Typed rather than a table value: `bench` times its kernels on this shape.
    @Option(name: .customLong(ExperimentSetting[.shape].flag), help: .setting(.shape), transform: TensorShape.parse)
    var shape: TensorShape?

    @Option(name: .customLong(ExperimentSetting[.model].flag), help: .setting(.model), transform: ExperimentSetting[.model].argument)
    var model: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.depth].flag), parsing: .unconditional, help: .setting(.depth), transform: ExperimentSetting[.depth].argument)
    var depth: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.dataset].flag), help: .setting(.dataset),
            completion: .list(DatasetName.allNames), transform: ExperimentSetting[.dataset].argument)
    var dataset: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.lr].flag), parsing: .unconditional, help: .setting(.lr), transform: ExperimentSetting[.lr].argument)
    var lr: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.momentum].flag), parsing: .unconditional, help: .setting(.momentum), transform: ExperimentSetting[.momentum].argument)
    var momentum: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.weightDecay].flag), parsing: .unconditional, help: .setting(.weightDecay),
            transform: ExperimentSetting[.weightDecay].argument)
    var weightDecay: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.bnMomentum].flag), parsing: .unconditional, help: .setting(.bnMomentum),
            transform: ExperimentSetting[.bnMomentum].argument)
    var bnMomentum: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.eps].flag), parsing: .unconditional, help: .setting(.eps), transform: ExperimentSetting[.eps].argument)
    var eps: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.epsPlacement].flag), help: .setting(.epsPlacement),
            transform: ExperimentSetting[.epsPlacement].argument)
    var epsPlacement: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.variance].flag), help: .setting(.variance),
            transform: ExperimentSetting[.variance].argument)
    var varianceAlgorithm: ExperimentSetting.Value?

    @Option(name: .customLong(ExperimentSetting[.seed].flag), parsing: .unconditional, help: .setting(.seed), transform: ExperimentSetting[.seed].argument)
    var seed: ExperimentSetting.Value?

    /// The options given as table values; `--variant` and `--shape` are applied by hand.
    private var givenValues: [ExperimentSetting.Value] {
        [groups, model, depth, dataset, lr, momentum, weightDecay, bnMomentum, eps, epsPlacement, varianceAlgorithm, seed]
            .compactMap { $0 }
    }

    /// The configuration these options describe, validated.
    /// - Parameter allowingAllVariants: `bench` times every variant for `--variant all`; the
    ///   experiment then keeps its default variant.
    func config(allowingAllVariants: Bool = false) throws -> ExperimentConfig {
        if variantChoice == .all, !allowingAllVariants {
            throw CommandFailure("--variant all is for normtui bench only; name one variant")
        }
        var config = try loadFile()
        if let variant { config.variant = variant }
        for value in givenValues { value.apply(to: &config) }
        // The MLP normalizes [N, C]: a shape given without H×W means H = W = 1.
        if model != nil, config.model == .mlp, shape == nil { config.shape = TensorShape(n: config.shape.n, c: config.shape.c) }
        if let shape { config.shape = shape }
        do { try config.validate() } catch { throw CommandFailure(error.description) }
        return config
    }
}

extension ExperimentSetting {
    /// Parses this setting's option, saying what is wrong with a bad value.
    func argument(_ text: String) throws -> Value {
        do { return try parse(text) } catch { throw ValidationError(error.description) }
    }
}

extension ArgumentHelp {
    /// An option's help from the settings table, default value included.
    static func setting(_ name: ExperimentSetting.Name) -> ArgumentHelp { ArgumentHelp(ExperimentSetting[name].commandLineHelp) }
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

    /// No `allValueStrings`: argument-parser would add "(values: …)" to a help that lists
    /// them already. Shells still complete the six variants.
    static var defaultCompletionKind: CompletionKind { .list(NormVariant.allCases.map(\.rawValue)) }
}

extension NormVariant: ExpressibleByArgument {}

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

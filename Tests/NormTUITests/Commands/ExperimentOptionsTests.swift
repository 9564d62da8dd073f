import ArgumentParser
import Foundation
import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// The command line is the settings table: the same flags, and the same values.
struct ExperimentOptionsTests {
    /// Every `--flag` the experiment options and `train` offer, from their help text.
    static func flags(in help: String) -> Set<String> {
        var flags: Set<String> = []
        for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }) where word.hasPrefix("--") {
            flags.insert(String(word.dropFirst(2)))
        }
        return flags
    }

    @Test func theFlagsAreTheTablesNames() {
        let options = Self.flags(in: ExperimentOptions.helpMessage(columns: 1000)).subtracting(["config", "help"])
        let train = Self.flags(in: TrainCommand.helpMessage(columns: 1000))
            .subtracting(options).subtracting(["config", "help", "steps", "format", "threads"])
        #expect(options.union(train) == Set(ExperimentSetting.Name.allCases.map(\.rawValue)))
        #expect(train == ["eval-every"])
    }

    @Test func everyFlagTakesTheTablesValues() throws {
        let unusual = UnusualExperiment.config
        var arguments: [String] = []
        for setting in ExperimentSetting.all where setting.name != .evalEvery {
            arguments += ["--\(setting.flag)", setting.format(unusual)]
        }
        var expected = unusual
        expected.evalEvery = ExperimentConfig().evalEvery
        #expect(try ExperimentOptions.parse(arguments).config() == expected)
    }

    @Test func helpShowsEachDefault() {
        let help = ExperimentOptions.helpMessage(columns: 1000)
        #expect(help.contains("--lr <lr>               SGD learning rate (default: 0.05)."))
        #expect(help.contains("(digits|blobs|stripes|contrast; default: digits)"))
    }

    /// Letter case counts on the command line (`--model MLP` is refused), as it always did.
    @Test func choicesAreTakenExactly() {
        #expect(throws: (any Error).self) { try ExperimentOptions.parse(["--model", "MLP"]) }
        #expect(throws: (any Error).self) { try ExperimentOptions.parse(["--eps-placement", "INSIDE"]) }
    }

    @Test func anUnknownDataSetIsRefusedWithTheConfigsSentence() throws {
        let options = try ExperimentOptions.parse(["--dataset", "mnist"])
        do {
            _ = try options.config()
            Issue.record("accepted")
        } catch let failure as CommandFailure {
            #expect(failure.message == "unknown data set 'mnist'; choose one of: digits, blobs, stripes, contrast")
        }
    }
}

/// A configuration whose every setting differs from the default and still runs.
enum UnusualExperiment {
    static var config: ExperimentConfig {
        var config = ExperimentConfig()
        config.variant = .group
        config.groups = 8
        config.shape = TensorShape(n: 16, c: 32, h: 4, w: 6)
        config.depth = 5
        config.dataset = .stripes
        config.learningRate = 0.0123
        config.momentum = 0.5
        config.weightDecay = 1e-4
        config.bnMomentum = 0.25
        config.eps = 1e-3
        config.epsPlacement = .outside
        config.varianceAlgorithm = .welford
        config.evalEvery = 7
        config.seed = 42
        return config
    }
}

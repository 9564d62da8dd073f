import Foundation
import Testing
@testable import NormMath

/// The settings table: every setting parses what it writes, survives an experiment file, and
/// is refused by name when impossible.
struct ExperimentSettingTests {
    /// A configuration whose every setting differs from the default, and still runs.
    static var unusual: ExperimentConfig {
        var config = ExperimentConfig()
        config.variant = .group
        config.groups = 8
        config.shape = TensorShape(n: 16, c: 32, h: 4, w: 6)
        config.model = .conv
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

    @Test func theTableHasEverySettingOnceInTheOrderOfItsNames() {
        #expect(ExperimentSetting.all.map(\.name) == ExperimentSetting.Name.allCases)
    }

    @Test(arguments: ExperimentSetting.Name.allCases)
    func everySettingParsesWhatItWrites(name: ExperimentSetting.Name) throws {
        let setting = ExperimentSetting[name]
        for config in [ExperimentConfig(), Self.unusual] {
            let text = setting.format(config)
            var changed = name == .shape ? Self.unusual : ExperimentConfig()
            try setting.parse(text).apply(to: &changed)
            #expect(setting.format(changed) == text)
            #expect(try setting.parse(text) == setting.value(in: config))
        }
    }

    @Test(arguments: ExperimentSetting.Name.allCases)
    func everySettingSurvivesAnExperimentFile(name: ExperimentSetting.Name) throws {
        let setting = ExperimentSetting[name]
        var config = ExperimentConfig()
        setting.value(in: Self.unusual).apply(to: &config)
        if name == .groups { config.variant = .group }  // 8 groups of 16 channels
        let loaded = try ExperimentConfig(json: Data(config.json.utf8))
        #expect(loaded == config)
        #expect(config.json.contains("\"\(setting.jsonKey)\": "))
    }

    @Test func jsonKeysAreTheOptionNamesInSnakeCase() {
        for setting in ExperimentSetting.all {
            #expect(setting.jsonKey == setting.flag.replacingOccurrences(of: "-", with: "_"))
        }
        #expect(ExperimentSetting[.weightDecay].jsonKey == "weight_decay")
        #expect(ExperimentSetting[.lr].jsonKey == "lr")
    }

    @Test func theWholeUnusualExperimentSurvivesAFile() throws {
        #expect(try ExperimentConfig(json: Data(Self.unusual.json.utf8)) == Self.unusual)
    }

    /// What the version before the settings table wrote with `w` (keys in its order).
    @Test func anOldExperimentFileStillLoads() throws {
        let old = """
            {
              "variant": "group",
              "groups": 8,
              "shape": "16x32x4x4",
              "model": "conv",
              "depth": 3,
              "dataset": "blobs",
              "lr": 0.125,
              "momentum": 0.9,
              "weight_decay": 0.001,
              "bn_momentum": 0.2,
              "eps": 1e-05,
              "eps_placement": "outside",
              "variance": "welford",
              "seed": 42,
              "eval_every": 7
            }
            """
        let loaded = try ExperimentConfig(json: Data(old.utf8))
        var expected = ExperimentConfig()
        expected.variant = .group
        expected.groups = 8
        expected.shape = TensorShape(n: 16, c: 32, h: 4, w: 4)
        expected.dataset = .blobs
        expected.learningRate = 0.125
        expected.weightDecay = 0.001
        expected.bnMomentum = 0.2
        expected.epsPlacement = .outside
        expected.varianceAlgorithm = .welford
        expected.seed = 42
        expected.evalEvery = 7
        #expect(loaded == expected)
    }

    @Test func theFileIsWrittenInTheTablesOrder() {
        let keys = ExperimentConfig().json.split(separator: "\n").dropFirst().dropLast()
            .map { $0.split(separator: "\"")[1] }
        #expect(keys.map(String.init) == ExperimentSetting.all.map(\.jsonKey))
    }

    @Test func anUnknownDataSetIsRefusedInTheSameWordsFromEveryEntryPoint() throws {
        let sentence = "unknown data set 'mnist'; choose one of: digits, blobs, stripes, contrast"
        var config = ExperimentConfig()
        try ExperimentSetting[.dataset].parse("mnist").apply(to: &config)
        #expect(throws: ExperimentError(field: .dataset, sentence)) { try config.validate() }
        #expect(throws: ExperimentError(field: .dataset, sentence)) {
            try ExperimentConfig(json: Data(#"{"dataset": "mnist"}"#.utf8))
        }
    }

    struct Blame: CustomTestStringConvertible, Sendable {
        let field: ExperimentSetting.Name
        let config: ExperimentConfig
        var testDescription: String { "\(field)" }
    }

    static func changed(_ change: (inout ExperimentConfig) -> Void) -> ExperimentConfig {
        var config = ExperimentConfig()
        change(&config)
        return config
    }

    static let blames: [Blame] = [
        Blame(field: .depth, config: changed { $0.depth = 0 }),
        Blame(field: .lr, config: changed { $0.learningRate = -1 }),
        Blame(field: .momentum, config: changed { $0.momentum = 1 }),
        Blame(field: .weightDecay, config: changed { $0.weightDecay = -1 }),
        Blame(field: .evalEvery, config: changed { $0.evalEvery = -1 }),
        Blame(field: .groups, config: changed { $0.variant = .group; $0.groups = 0 }),
        Blame(field: .groups, config: changed { $0.variant = .group; $0.groups = 5 }),
        Blame(field: .shape, config: changed { $0.model = .mlp }),
        Blame(field: .shape, config: changed { $0.variant = .instance; $0.model = .mlp; $0.shape = TensorShape(n: 8, c: 8) }),
        Blame(field: .shape, config: changed { $0.model = .mlp; $0.shape = TensorShape(n: 1, c: 8) }),
        Blame(field: .shape, config: changed { $0.shape = TensorShape(n: 8, c: 8, h: 1, w: 4) }),
        Blame(field: .shape, config: changed { $0.shape = TensorShape(n: 1024, c: 512, h: 64, w: 64) }),
        Blame(field: .eps, config: changed { $0.eps = -1 }),
        Blame(field: .bnMomentum, config: changed { $0.bnMomentum = 2 }),
        Blame(field: .dataset, config: changed { $0.dataset = "mnist" }),
    ]

    @Test(arguments: blames)
    func validationNamesTheSettingToBlame(blame: Blame) {
        do {
            try blame.config.validate()
            Issue.record("accepted")
        } catch {
            #expect(error.field == blame.field, "\(error.description)")
        }
    }
}

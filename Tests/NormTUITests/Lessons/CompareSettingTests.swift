import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Compare mode's settings are rows of the settings table (and the batch size).
struct CompareSettingTests {
    @Test func everyNameButTheBatchSizeIsARowOfTheTable() {
        for name in CompareSetting.Name.allCases {
            #expect((name.setting == nil) == (name == .batch), "\(name)")
            #expect(name.setting.map(\.rawValue) ?? name.rawValue == name.rawValue)
        }
    }

    @Test func theSuggestedLearningRateIsExactlyTwentyTimesLarger() throws {
        var config = ExperimentConfig()
        config.learningRate = 0.0123
        let faster = try #require(CompareSetting.suggestions(for: config).first { $0.name == .lr })
        #expect(try faster.applied(to: config).learningRate == 0.0123 * 20)
    }

    @Test func aValueIsTheSameHoweverItIsWritten() throws {
        let suggested = try #require(CompareSetting.suggestions(for: ExperimentConfig()).first { $0.name == .lr })
        #expect(try CompareSetting.parse("lr=1") == suggested)
        #expect(try CompareSetting.parse("lr=1.0") == CompareSetting(.lr, "1"))
        #expect(try CompareSetting.parse("lr=2") != CompareSetting(.lr, "1"))
        #expect(CompareSetting(.lr, "fast") == CompareSetting(.lr, "fast"))
    }

    @Test func choicesIgnoreCaseAsTheyAlwaysDidHereButNotOnTheCommandLine() throws {
        #expect(try CompareSetting.parse("variant=NONE").applied(to: ExperimentConfig()).variant == NormVariant.none)
        #expect(throws: ExperimentError.self) { try ExperimentSetting[.variant].parse("NONE") }
    }

    @Test func aValueThatDoesNotParseIsRefusedInTheTablesWords() {
        #expect(throws: ExperimentError(field: .lr, "lr must be a number, got \"fast\"")) {
            try CompareSetting(.lr, "fast").applied(to: ExperimentConfig())
        }
        #expect(throws: ExperimentError(field: .variant, "variant must be one of batch|layer|instance|group|rms|none, got \"X\"")) {
            try CompareSetting(.variant, "X").applied(to: ExperimentConfig())
        }
        #expect(throws: ExperimentError("batch must be a whole number, got \"many\"")) {
            try CompareSetting(.batch, "many").applied(to: ExperimentConfig())
        }
    }
}

import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Compare mode: two runs that differ in exactly one setting, side by side.
struct ComparedRunsTests {
    @Test func settingsParseApplyAndRefuseWithAReason() throws {
        let setting = try CompareSetting.parse("lr=2")
        #expect(setting == CompareSetting(.lr, "2"))
        #expect(try setting.applied(to: ExperimentConfig()).learningRate == 2)
        #expect(try CompareSetting.parse("batch=4").applied(to: ExperimentConfig()).shape == TensorShape(n: 4, c: 16, h: 8, w: 8))
        #expect(try CompareSetting.parse("variant=none").label(of: ExperimentConfig()) == "Batch Norm")
        #expect(throws: ExperimentError.self) { try CompareSetting.parse("seed=3") }
        #expect(throws: ExperimentError.self) { try CompareSetting.parse("lr") }
        #expect(throws: ExperimentError.self) { try CompareSetting.parse("lr=fast").applied(to: ExperimentConfig()) }
        #expect(throws: ExperimentError.self) { try CompareSetting.parse("depth=0").applied(to: ExperimentConfig()) }
    }

    /// Same seed: with a setting that does not touch the first forward pass (the learning
    /// rate), both runs see the same batch with the same weights at step 1.
    @Test func bothRunsStartFromTheSameWeightsAndData() throws {
        var pair = try ComparedRuns(base: ExperimentConfig(), setting: CompareSetting(.lr, "2"))
        pair.step()
        #expect(pair[0].history.loss.last == pair[1].history.loss.last)
        pair.step()
        #expect(pair[0].history.loss.last != pair[1].history.loss.last)
    }

    @Test func cCyclesThroughTheSettingsFromTheStart() {
        var engine = ComparedRunsEngine(base: ExperimentConfig(), settings: CompareSetting.suggestions(for: ExperimentConfig()))
        #expect(engine.setting.name == .variant)
        engine.advance()
        #expect(engine.handle("c") != nil)
        #expect(engine.setting.name == .lr && engine.stepCount == 0)
    }

    @Test func cOnTheMainScreenOpensCompareModeForTheCurrentExperiment() {
        var config = ExperimentConfig()
        config.learningRate = 0.1
        var run = ScriptedRun(config: config, width: 120, height: 40)
        run.press([.character("c")])
        #expect(run.state.lesson?.guide.id == CompareMode.id)
        run.advanceLesson(untilStep: 3)
        let text = run.render(glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("Batch Norm") && text.contains("no normalization") && text.contains("step 3"))
        run.press([.escape])
        #expect(run.state.lesson == nil)
    }

    @Test func compareModeRendersAtBothSizesInBothLanguages() {
        let lesson = Guide.compare(CompareMode(base: ExperimentConfig(), setting: CompareSetting(.lr, "2")))
        for (width, height) in [(120, 40), (80, 24)] {
            for language in Language.allCases {
                var run = ScriptedRun(config: ExperimentConfig(), width: width, height: height, language: language)
                run.open(lesson)
                run.advanceLesson(untilStep: 10)
                let text = run.render(glyphs: .unicode).text.joined(separator: "\n")
                let names = language == .de ? ("lr 0,05", "lr 2") : ("lr 0.05", "lr 2")
                #expect(text.contains(names.0) && text.contains(names.1), "\(width)x\(height) \(language)")
                #expect(text.contains(language == .de ? "Vergleichsmodus" : "Compare mode"))
            }
        }
    }
}

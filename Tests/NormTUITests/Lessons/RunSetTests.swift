import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Runs × seeds: every run of one seed starts from the same data and weights; seeds differ.
struct RunSetTests {
    @Test func runsOfOneSeedStartAlikeAndSeedsDiffer() {
        var fast = ExperimentConfig()
        fast.learningRate = 2
        var set = RunSet([(Localized(en: "a", de: "a"), ExperimentConfig()), (Localized(en: "b", de: "b"), fast)], seeds: [1, 2])
        #expect(set.count == 2 && set.seeds == [1, 2])
        set.step()
        // The learning rate does not touch the first forward pass: same batch, same weights.
        #expect(set[0, seed: 0].history.loss.last == set[1, seed: 0].history.loss.last)
        #expect(set[0, seed: 1].history.loss.last == set[1, seed: 1].history.loss.last)
        #expect(set[0, seed: 0].history.loss.last != set[0, seed: 1].history.loss.last)
        #expect(set[1, seed: 1].trainer.config.seed == 2 && set[1, seed: 1].trainer.config.learningRate == 2)
        set.step()
        #expect(set[0].history.loss.last != set[1].history.loss.last)
        #expect(set.stepCount == 2 && set[1, seed: 1].trainer.stepCount == 2)
    }

    @Test func oneSeedByDefaultTheConfigurationsOwn() {
        var config = ExperimentConfig()
        config.seed = 7
        let set = RunSet(base: config, variants: [(Localized(en: "BN", de: "BN"), .batch)])
        #expect(set.seeds == [7] && set.runs.count == 1)
    }

    @Test func aPlanPreparesItsTrainerBeforeTheFirstStep() {
        let plan = RunSet.Plan(name: Localized(en: "eval", de: "eval"), config: ExperimentConfig()) { $0.measuresEvalMode = true }
        var set = RunSet(plans: [plan])
        set.step()
        #expect(set[0].history.latest?.evalModeBatch != nil)
    }
}

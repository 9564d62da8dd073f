import Testing
import NormMath
import TerminalUI
@testable import NormTUI
@testable import NormLessons

/// The spread over seeds: medians and ranges per step, the table cells that show them, and the
/// `<`/`>` keys that change how many seeds a training lesson runs on.
struct SeedSpreadTests {
    @Test func medianAndRangePerStepSkipMissingValues() {
        let spread = SeedSpread([[1, 5, 3], [2, .nan, 9], [3, 6]])
        #expect(spread.seedCount == 3)
        #expect(spread.medians == [2, 5.5, 6])
        #expect(spread.lows == [1, 5, 3] && spread.highs == [3, 6, 9])
        #expect(SeedSpread([[1], [.infinity]]).medians == [1])
        #expect(SeedSpread([[.nan], [.nan]]).medians[0].isNaN)
        #expect(SeedSpread.summary([0.9, 0.2, 0.5, .nan])! == (0.5, 0.2, 0.9))
        #expect(SeedSpread.summary([.nan]) == nil)
    }

    @Test func tableCellsShowTheMedianAndTheRangeOnlyForSeveralSeeds() {
        #expect(LessonFormat.percent(seeds: [0.913]) == "91.3%")
        #expect(LessonFormat.percent(seeds: [0.88, 0.96, 0.93]) == "93 (88–96)%")
        #expect(LessonFormat.percent(seeds: [0.1, 0.1, 0.1]) == "10%")
        #expect(LessonFormat.percent(seeds: [-0.14, -0.07, -0.04]) == "-7 (-14…-4)%")
        #expect(LessonFormat.short(seeds: [2.02, 1.5, 1.48]) == "1.5 (1.5–2)")
        #expect(LessonFormat.short(seeds: [2.02, 1.5, 1.48], showsRange: false) == "1.5")
        #expect(LessonFormat.percent(seeds: [.nan, .nan]) == LessonFormat.missing)
    }

    @Test func aRunSetsSpreadIsOverItsSeeds() {
        var set = RunSet(base: ExperimentConfig(), variants: [(Localized(en: "bn", de: "bn"), .batch)], seeds: [1, 2, 3])
        set.step()
        set.step()
        let spread = set.spread(0) { $0.history.loss.elements }
        let losses = (0..<3).map { set[0, seed: $0].history.loss.elements }
        #expect(spread.seedCount == 3 && spread.medians.count == 2)
        #expect(spread.lows[1] == losses.map { $0[1] }.min() && spread.highs[1] == losses.map { $0[1] }.max())
    }

    @Test func trainingLessonsRunThreeSeedsOnScreenAndOthersOne() {
        let training = Guide.lesson(LearningRateLesson.lesson), tensor = Guide.lesson(StatisticsGroupsLesson.lesson)
        #expect(training.seeds(from: .onScreen).count == 3)
        #expect(tensor.seeds(from: .onScreen) == LessonSeeds(first: 1))
        #expect(Guide.compare(CompareMode(base: ExperimentConfig())).seeds(from: LessonSeeds(first: 4, count: 3)).count == 1)
    }

    @Test func greaterAndLessChangeTheSeedsOfATrainingLessonAndRestartIt() {
        var state = AppState(config: ExperimentConfig(), width: 120, height: 40)
        state.asksQuestions = false
        _ = open(.lesson(LearningRateLesson.lesson), &state)
        let generation = state.lessonGeneration
        let more = update(&state, .key(.character(">")))
        #expect(state.lessonSeeds == LessonSeeds(first: 1, count: 4))
        #expect(more == [.lesson(.restart(generation: generation + 1, seeds: LessonSeeds(first: 1, count: 4)))])
        #expect(state.status?.text == "seeds 1–4: lines are medians, shades the range")
        for _ in 0..<3 { _ = update(&state, .key(.character("<"))) }
        #expect(state.lessonSeeds.count == 1 && state.status?.text == "seed 1 alone")
        // Not below one seed: nothing restarts.
        #expect(update(&state, .key(.character("<"))).isEmpty && state.lessonSeeds.count == 1)
        // A lesson without training runs one seed: the keys say so and change nothing.
        _ = open(.lesson(StatisticsGroupsLesson.lesson), &state)
        #expect(update(&state, .key(.character(">"))).isEmpty && state.lessonSeeds.count == 1)
        #expect(state.status?.text.hasPrefix("this lesson runs on one seed") == true)
    }

    @Test func theScreenDrawsTheSpreadAndTheClaimMarker() {
        // RMSNorm's claims about the statistics are judged at step 1: the marker is ✓.
        let lines = lessonScreenLines(RMSNormLesson.lesson, steps: 40, width: 120, height: 40)
        let text = lines.joined(separator: "\n")
        #expect(lines[0].contains("seeds 1–3"))
        #expect(text.contains("░"), "the loss band")
        #expect(lines.contains { $0.contains("└✓") }, "the marker at step 1")
    }
}

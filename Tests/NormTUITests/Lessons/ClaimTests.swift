import Foundation
@testable import NormLessons
@testable import NormTUI
import Testing

/// Claims are judged at their step, on each seed alone, by `--check` and by the lesson's own
/// thread; a claim that fails on one seed says so.
@Suite struct ClaimTests {
    /// A lesson whose engine counts steps; its claim holds when the seed is odd.
    static let counting = Lesson(
        id: "counting", number: 99, section: "test", title: Localized(en: "Counting", de: "Zählen"),
        summary: Localized(en: "", de: ""), pages: [LessonPage(title: Localized(en: "p", de: "p"), text: Localized(en: "t", de: "t"))],
        claims: [
            .on(CountingEngine.self, id: "odd-seed", text: Localized(en: "The seed is odd.", de: "Der Seed ist ungerade."), step: 3) { engine, seed in
                let value = engine.seeds.all[seed]
                return Verdict(holds: value % 2 == 1, measured: Localized(en: "seed \(value) at step \(engine.stepCount)", de: "Seed \(value)"))
            },
        ],
        makeEngine: { CountingEngine(seeds: $0) })

    struct CountingEngine: LessonEngine {
        let seeds: LessonSeeds
        var stepCount = 0
        mutating func advance() { stepCount += 1 }
        func record() -> LessonRecord { LessonRecord(step: stepCount) }
    }

    @Test func checkJudgesEachSeedAloneAtTheClaimsStep() {
        let results = ClaimCheck(lesson: Self.counting, seeds: LessonSeeds(first: 3, count: 3)).run()
        #expect(results.count == 1)
        #expect(results[0].verdicts.map(\.holds) == [true, false, true])
        #expect(results[0].verdicts[0].measured.en == "seed 3 at step 3")
        #expect(results[0].holdCount == 2 && !results[0].holdsEverywhere)
    }

    @Test func theReportNamesTheFirstSeedAClaimFailsOn() {
        let seeds = LessonSeeds(first: 3, count: 3)
        let report = ClaimReport(
            lesson: Self.counting, seeds: seeds.all, results: ClaimCheck(lesson: Self.counting, seeds: seeds).run(), language: .en)
        #expect(report.firstFailure?.claim == "odd-seed" && report.firstFailure?.seed == 4)
        #expect(report.text.contains("✗ 2/3  odd-seed (judged at step 3)"))
        let json = try? JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect(json?["lesson"] as? String == "counting")
        #expect((json?["seeds"] as? [Int]) == [3, 4, 5])
        let claims = json?["claims"] as? [[String: Any]]
        #expect(claims?.first?["holds"] as? [Bool] == [true, false, true])
    }

    @Test func theLessonThreadJudgesOnceAtTheStepOnEverySeed() {
        var worker = LessonWorker(lesson: Self.counting, generation: 1, seeds: LessonSeeds(first: 1, count: 2))
        for _ in 0..<2 { worker.step() }
        #expect(worker.snapshot.verdicts.isEmpty)
        worker.step()
        #expect(worker.snapshot.verdicts["odd-seed"]?.map(\.holds) == [true, false])
        worker.step()
        #expect(worker.snapshot.verdicts["odd-seed"]?.first?.measured.en == "seed 1 at step 3", "judged once, at step 3")
    }

    @Test func aLessonKeyThatChangesTheExperimentStopsTheJudging() {
        var worker = LessonWorker(lesson: LearningRateLesson.lesson, generation: 1)
        worker.step()
        worker.apply([.key("[")])
        #expect(worker.snapshot.isCustomized)
        worker.apply([.restart(generation: 2)])
        #expect(!worker.snapshot.isCustomized && worker.snapshot.verdicts.isEmpty)
    }

    /// The claims page says what will be judged, then ✓ or ✗ with the numbers.
    @Test func theClaimsPageShowsVerdicts() {
        var worker = LessonWorker(lesson: Self.counting, generation: 1, seeds: LessonSeeds(first: 2, count: 1))
        let before = ClaimsPage(claims: Self.counting.claims, snapshot: worker.snapshot).text(.en, glyphs: .unicode)
        #expect(before.contains("… The seed is odd.") && before.contains("judged at step 3"))
        for _ in 0..<3 { worker.step() }
        let after = ClaimsPage(claims: Self.counting.claims, snapshot: worker.snapshot)
        #expect(after.text(.en, glyphs: .unicode).hasPrefix("✗ The seed is odd.\n  seed 2 at step 3"))
        #expect(after.text(.en, glyphs: .ascii).hasPrefix("x The seed is odd."))
        #expect(after.summary(glyphs: .unicode) == "✓ 0/1")
    }
}

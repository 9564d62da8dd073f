import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 18 shows what it claims, measured on the default seed.
struct RevINLessonTests {
    /// Every claim holds on seed 1 (`--check --seeds 10` judges ten).
    @Test func theClaimsHoldOnTheDefaultSeed() {
        let results = ClaimCheck(lesson: RevINLesson.lesson, seeds: .standard).run()
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    /// The test period lies beyond the training period: standardized by the training period,
    /// the training values have mean 0 and the test values sit well above them.
    @Test func theTestPeriodIsShifted() {
        let data = ShiftedSeries(seed: 1)
        let training = data.values.flatMap { $0[0..<ShiftedSeries.trainingLength] }.map(Double.init)
        let test = data.values.flatMap { $0[ShiftedSeries.trainingLength...] }.map(Double.init)
        #expect(abs(training.reduce(0, +) / Double(training.count)) < 1e-4)
        #expect(test.reduce(0, +) / Double(test.count) > 2)
        #expect(ShiftedSeries.testWindows.allSatisfy { $0.start >= ShiftedSeries.trainingLength })
        #expect(ShiftedSeries.trainingWindows.allSatisfy {
            $0.start + ShiftedSeries.lookBack + ShiftedSeries.horizon <= ShiftedSeries.trainingLength
        })
    }

    /// Both forecasters of a seed start from the same weights; only one has RevIN.
    @Test func bothForecastersShareTheirStart() {
        let engine = RevINEngine()
        let plain = engine.runs[0].forecasters[0], revin = engine.runs[0].forecasters[1]
        #expect(plain.hidden.weight == revin.hidden.weight && plain.output.weight == revin.output.weight)
        #expect(plain.revin == nil && revin.revin != nil)
    }

    @Test func fShowsTheNextSeries() {
        var engine = RevINEngine()
        #expect(RevINEngine.testWindows[engine.shownWindow].series == 0)
        #expect(engine.handle("f")?.en == "series 2, last test window")
        #expect(RevINEngine.testWindows[engine.shownWindow].series == 1)
        #expect(engine.handle("w") == nil)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(RevINLesson.lesson, steps: 30, expecting: [.en: "test period", .de: "Testzeitraum"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = RevINEngine()
        for _ in 0..<RevINEngine.evaluationInterval { engine.advance() }
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.values.allSatisfy { $0 != .missing })
    }
}

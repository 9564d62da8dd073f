import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 6 shows what it claims, measured on the default seed: the input of layer 3's
/// ReLU (channel 0) widens many times over without normalization, a few times with it.
struct CovariateShiftLessonTests {
    @Test func theInputDistributionMovesFarLessWithBatchNorm() {
        var engine = CovariateShiftEngine()
        for _ in 0..<300 { engine.advance() }
        let normalized = engine.tracks[0].widening ?? .infinity, plain = engine.tracks[1].widening ?? 0
        // Batch norm's distribution still moves (γ and β learn): page 2 says so.
        #expect(normalized > 1.2 && normalized < 5, "batch norm 15–85 % range widened ×\(normalized)")
        #expect(plain > 10, "plain 15–85 % range widened only ×\(plain)")
        #expect(engine.tracks[0].ridgeline.count == 30)
    }

    @Test func choosingAnotherChannelStartsTheCurvesAgain() {
        var engine = CovariateShiftEngine()
        for _ in 0..<5 { engine.advance() }
        #expect(engine.handle("c") != nil)
        #expect(engine.channel == 1 && engine.trackedFrom == 5 && engine.tracks[0].p50.isEmpty)
        _ = engine.handle("[")
        #expect(engine.block == 1)
        engine.advance()
        #expect(engine.tracks[1].p50.count == 1)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(
            CovariateShiftLesson.lesson, steps: 25, expecting: [.en: "wider", .de: "breiter"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = CovariateShiftEngine()
        engine.advance()
    }
}

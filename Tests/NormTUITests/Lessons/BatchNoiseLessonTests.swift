import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 7, measured on the default seed: the batch noise falls as 1/√N; the claimed
/// regularization (a smaller train/held-out gap with small batches) does not show here, and
/// the lesson says so.
struct BatchNoiseLessonTests {
    @Test func theSpreadOfTheBatchMeanFallsAsOneOverRootN() {
        var engine = BatchNoiseEngine()
        engine.advance()
        let spreads = engine.measurements.map { $0.elements[0].spread.relativeSpreadOfMeans }
        // N = 4 → 64 is 16 times the batch: 1/√N predicts a quarter of the spread.
        let ratio = spreads[0] / spreads[2]
        #expect(ratio > 3 && ratio < 5.5, "spread of the batch mean by N: \(spreads)")
        let varianceSpreads = engine.measurements.map { $0.elements[0].spread.relativeSpreadOfVariances }
        #expect(varianceSpreads[0] > varianceSpreads[1] && varianceSpreads[1] > varianceSpreads[2], "\(varianceSpreads)")
    }

    /// The claim of page 2 fails on this toy problem (page 3): after 600 steps the smallest
    /// batches do not generalize better — their gap is no smaller than the largest batches'.
    @Test func smallBatchesDoNotShrinkTheGeneralizationGapHere() {
        var engine = BatchNoiseEngine()
        for _ in 0...600 { engine.advance() }
        let small = engine.measurements[0].last!, large = engine.measurements[2].last!
        #expect(small.step == 600)
        #expect(small.gap >= large.gap, "gap at N = 4: \(small.gap), at N = 64: \(large.gap)")
        #expect(large.heldOut.accuracy > small.heldOut.accuracy)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(BatchNoiseLesson.lesson, steps: 2, expecting: [.en: "held-out", .de: "Lücke"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = BatchNoiseEngine()
        engine.advance()
    }
}

import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 7 shows what it claims, measured on the default seed.
struct LearningRateLessonTests {
    /// At lr 2 batch norm learns and the plain network stays at chance.
    @Test func atLearningRateTwoBatchNormLearnsAndThePlainNetworkDoesNot() {
        var engine = LearningRateEngine()
        #expect(engine.learningRate == 2)
        for _ in 0..<300 { engine.advance() }
        let normalized = engine.heldOutAccuracy(0) ?? 0, plain = engine.heldOutAccuracy(1) ?? 1
        #expect(normalized > 0.8, "batch norm held-out accuracy \(normalized)")
        #expect(plain < 0.3, "plain held-out accuracy \(plain)")
        // Honest caveat shown on page 3: once stuck, the plain network's band is narrow too,
        // but at the loss of guessing (ln 10 ≈ 2.3).
        let stuckBand = engine.bands[1].last?.range
        #expect(stuckBand.map { $0.lowerBound > 2 } ?? true, "the stuck network's band \(String(describing: stuckBand))")
    }

    /// Where both learn (lr 0.05) the loss along the gradient spreads far less with batch norm.
    @Test func theBandAlongTheGradientIsNarrowerWithBatchNorm() {
        var engine = LearningRateEngine(rateIndex: 0)
        #expect(engine.learningRate == 0.05)
        for _ in 0..<250 { engine.advance() }
        let normalized = engine.meanBandWidth(0, from: 100) ?? .infinity
        let plain = engine.meanBandWidth(1, from: 100) ?? 0
        #expect(normalized * 5 < plain, "mean band width from step 100: batch norm \(normalized), plain \(plain)")
    }

    @Test func bracketsChangeTheLearningRateAndRestart() {
        var engine = LearningRateEngine()
        engine.advance()
        #expect(engine.handle("[") != nil)
        #expect(engine.learningRate == 0.5 && engine.stepCount == 0)
        #expect(engine.handle("x") == nil)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(LearningRateLesson.lesson, steps: 12, expecting: [.en: "held-out accuracy", .de: "Genauigkeit"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = LearningRateEngine()
        engine.advance()
    }
}

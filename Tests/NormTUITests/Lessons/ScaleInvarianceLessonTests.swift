import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 9 shows what it claims: after k, batch norm's outputs are unchanged and its
/// gradient is divided by k; without normalization the outputs change.
struct ScaleInvarianceLessonTests {
    @Test func scalingLeavesBatchNormAloneAndChangesThePlainNetwork() {
        var engine = ScaleInvarianceEngine()
        for _ in 0..<20 { engine.advance() }
        let message = engine.handle("k")
        #expect(message != nil)
        let normalized = engine.lastEffect[0], plain = engine.lastEffect[1]
        #expect(normalized.logitChange < 1e-3, "batch norm outputs changed by \(normalized.logitChange)")
        #expect(abs(normalized.lossAfter - normalized.lossBefore) < 1e-4)
        #expect(abs(normalized.gradientRatio - 0.25) < 0.01, "gradient ratio \(normalized.gradientRatio)")
        #expect(plain.logitChange > 1, "the plain network's outputs changed by only \(plain.logitChange)")
        // The screen's factor: batch norm's outputs keep their size, the plain network's grow.
        #expect(abs(normalized.outputGrowth - 1) < 1e-4)
        #expect(plain.outputGrowth > 2, "the plain network's outputs grew only ×\(plain.outputGrowth)")
        // K undoes it.
        _ = engine.handle("K")
        #expect(engine.totalScale == 1)
        #expect(abs(engine.lastEffect[0].gradientRatio - 4) < 0.1)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() throws {
        let lesson = try #require(LessonCatalog.find("scale-invariance"))
        for (width, height) in [(120, 40), (80, 24)] {
            for language in Language.allCases {
                var run = ScriptedRun(config: ExperimentConfig(), width: width, height: height, language: language)
                run.open(lesson)
                run.advanceLesson(untilStep: 5)
                run.press([.character("k"), .character("n")])
                let text = run.render(glyphs: .unicode).text.joined(separator: "\n")
                #expect(text.contains(language == .de ? "Lektion 9" : "Lesson 9"))
                #expect(text.contains("Batch Norm"))
                #expect(text.contains(language == .de ? "Warum (2/\(lesson.pageCount))" : "Why (2/\(lesson.pageCount))"))
            }
        }
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = ScaleInvarianceEngine()
        engine.advance()
    }

    /// k scales the runs of every seed, and measuring an effect leaves the engine as it was.
    @Test func scalingReachesEverySeedAndMeasuringChangesNothing() {
        var engine = ScaleInvarianceEngine(seeds: LessonSeeds(first: 1, count: 2))
        for _ in 0..<3 { engine.advance() }
        let before = engine.effect(of: 4, run: 0, seed: 1)
        #expect(abs(before.gradientRatio - 0.25) < 1e-3)
        #expect(engine.effect(of: 4, run: 0, seed: 1).gradientBefore == before.gradientBefore)
        engine.scale(by: 4)
        // Scaled once more, seed 2's gradient is now a quarter of what it was.
        #expect(abs(engine.effect(of: 1, run: 0, seed: 1).gradientBefore / before.gradientBefore - 0.25) < 1e-3)
    }
}

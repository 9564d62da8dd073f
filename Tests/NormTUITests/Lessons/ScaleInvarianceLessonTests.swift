import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 6 shows what it claims: after k, batch norm's outputs are unchanged and its
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
                #expect(text.contains(language == .de ? "Lektion 6" : "Lesson 6"))
                #expect(text.contains("Batch Norm"))
                #expect(text.contains(language == .de ? "Warum (2/3)" : "Why (2/3)"))
            }
        }
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = ScaleInvarianceEngine()
        engine.advance()
    }
}

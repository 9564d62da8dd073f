import NormMath
import Testing
@testable import NormTUI
@testable import NormLessons

/// Lesson 16 measures, at lr 0.2 on a 6-block conv net: the plain network is thrown off, the
/// clipped ones train, batch norm trains best, and a clipped step with momentum moves a unit by
/// more than lr·λ.
@Suite struct NormalizerFreeLessonTests {
    /// Every claim on seed 1, judged at step 400 as `--check` does.
    @Test func claimsHoldOnTheDefaultSeed() {
        let results = ClaimCheck(lesson: NormalizerFreeLesson.lesson, seeds: .standard).run()
        #expect(results.count == NormalizerFreeLesson.claims.count)
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    /// The step bound's measurement: the largest relative change of one unit (a row).
    @Test func unitStepSizeIsTheLargestRelativeChangeOfARow() {
        let before: [Float] = [3, 4, 0, 1]  // rows of 2: sizes 5 and 1
        let after: [Float] = [3, 4.1, 0, 1.05]  // changes 0.1 (2% of 5) and 0.05 (5% of 1)
        let largest = UnitStepSize.largestChange(before, after, unitSize: 2)
        #expect(abs(largest - 0.05) < 1e-6)
        #expect(UnitStepSize.largestChange([0, 0], [1, 1], unitSize: 2) == 0, "a unit of size 0 has no relative change")
    }

    /// The step-bound claim fails for a step within lr·λ, as the false old sentence had it.
    @Test func theStepBoundClaimCanFail() {
        var engine = NormalizerFreeEngine()
        engine.advance()
        let claim = NormalizerFreeLesson.claims.first { $0.id == "momentum-step-bound" }!
        // One step from momentum zero is a single clipped gradient: at most lr·λ (up to
        // rounding), so "at least 3·lr·λ" cannot hold yet.
        #expect(!claim.judge(engine, 0).holds)
        #expect(engine.largestUnitStep[0][2] <= NormalizerFreeEngine.learningRate * 0.01 * 1.001)
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func screenFitsAndShowsTheFourNetworks(size: (width: Int, height: Int)) {
        let screen = lessonScreenLines(NormalizerFreeLesson.lesson, steps: 30, width: size.width, height: size.height)
        #expect(screen.count == size.height)
        #expect(screen.allSatisfy { $0.count <= size.width })
        let text = screen.joined(separator: "\n")
        #expect(text.contains("no normalization"))
        #expect(text.contains("LSUV init + AGC"))
        let ascii = lessonScreenLines(
            NormalizerFreeLesson.lesson, steps: 30, width: size.width, height: size.height, language: .de, glyphs: .ascii)
        #expect(ascii.allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}

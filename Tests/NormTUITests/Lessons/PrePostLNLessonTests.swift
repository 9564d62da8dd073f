import NormMath
import Testing
@testable import NormTUI
@testable import NormLessons

/// Lesson 11 measures Xiong et al. (2020) on a 12-block residual MLP: at initialization Pre-LN's
/// gradients shrink toward the output and Post-LN's stay higher there; in training Pre-LN leads.
@Suite struct PrePostLNLessonTests {
    /// The gradient claims are judged at initialization: cheap enough to judge on several seeds
    /// here, including seed 3, where Post-LN's gradients do not grow from block 1 to block 12.
    @Test func gradientClaimsHoldAtInitializationOnSeveralSeeds() {
        let engine = PrePostLNEngine(seeds: LessonSeeds(first: 1, count: 3))
        #expect(engine.lastToFirstRatio(.post, seed: 2) < 1, "seed 3: Post-LN need not grow toward the output")
        for claim in PrePostLNLesson.claims where claim.step == 0 {
            for seed in 0..<3 {
                let verdict = claim.judge(engine, seed)
                #expect(verdict.holds, "\(claim.id) on seed \(seed + 1): \(verdict.measured.en)")
            }
        }
    }

    /// The runs of each seed are the same as a lesson started on that seed alone.
    @Test func eachSeedRunsAsIfAlone() {
        var several = PrePostLNEngine(seeds: LessonSeeds(first: 1, count: 2))
        var alone = PrePostLNEngine(seeds: LessonSeeds(first: 2))
        for _ in 0..<3 {
            several.advance()
            alone.advance()
        }
        #expect(several.recentLoss(seed: 1) == alone.recentLoss())
        #expect(several.initialGradientNorms(.post, seed: 1) == alone.initialGradientNorms(.post))
    }

    /// The training claims on seed 1, judged at step 1000 as `--check` does.
    @Test func trainingClaimsHoldOnTheDefaultSeed() {
        let results = ClaimCheck(lesson: PrePostLNLesson.lesson, seeds: .standard).run()
        #expect(results.count == PrePostLNLesson.claims.count)
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func screenFitsAndShowsBothPlacements(size: (width: Int, height: Int)) {
        let screen = lessonScreenLines(PrePostLNLesson.lesson, steps: 30, width: size.width, height: size.height)
        #expect(screen.count == size.height)
        #expect(screen.allSatisfy { $0.count <= size.width })
        let text = screen.joined(separator: "\n")
        #expect(text.contains("A Post-LN"))
        #expect(text.contains("Post+W"))
        let ascii = lessonScreenLines(
            PrePostLNLesson.lesson, steps: 30, width: size.width, height: size.height, language: .de, glyphs: .ascii)
        #expect(ascii.allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}

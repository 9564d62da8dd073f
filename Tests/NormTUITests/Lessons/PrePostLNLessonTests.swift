import NormMath
import Testing
@testable import NormTUI
@testable import NormLessons

/// Lesson 10 measures Xiong et al. (2020) on a 12-block residual MLP: Post-LN's gradients grow
/// toward the output at initialization and Pre-LN's do not; Post-LN needs the warm-up.
@Suite struct PrePostLNLessonTests {
    @Test func postLNGradientsGrowTowardTheOutputAndPreLNGradientsDoNot() {
        let engine = PrePostLNEngine()
        // Measured: Post-LN 1.61×, Pre-LN 0.384× (Pre-LN's even shrink: the stream grows with depth).
        #expect(engine.lastToFirstRatio(.post) > 1.5)
        #expect(engine.lastToFirstRatio(.pre) < 1)
        let post = engine.initialGradientNorms[.post]!
        #expect(zip(post, post.dropFirst()).filter { $1 > $0 }.count >= 8, "Post-LN mostly rises: \(post)")
    }

    @Test func postLNWithoutWarmupCollapsesWhileWarmupAndPreLNKeepLearning() {
        var engine = PrePostLNEngine()
        for _ in 0..<1000 { engine.advance() }
        let loss = engine.recentLoss(window: 100)  // Post, Post+W, Pre, Pre+W
        // Measured: steps 801–1200 averaged 2.31, 0.70, 0.00, 0.00; chance level is ln 10 ≈ 2.30.
        #expect(loss[0] > 2.2, "Post-LN without warm-up: \(loss[0])")
        #expect(loss[1] < 1.5, "Post-LN with warm-up: \(loss[1])")
        #expect(loss[2] < 0.05 && loss[3] < 0.05, "Pre-LN: \(loss[2]), \(loss[3])")
        let accuracy = engine.heldOutAccuracy()
        #expect(accuracy[2] > 0.9 && accuracy[3] > 0.9)
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

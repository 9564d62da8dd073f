@testable import NormTUI
import Testing
@testable import NormLessons

@Suite struct AdaINLessonTests {
    /// After 30 training steps: every channel of the AdaIN maps has the style's μ and σ
    /// within 1e-3 (relative), keeps the content's layout (correlation > 0.999) and takes
    /// nothing of the style's (its correlation with the style map is the content map's).
    @Test func styleStatisticsContentLayout() {
        var engine = AdaINEngine()
        for _ in 0..<30 { engine.advance() }
        #expect(engine.run[0].history.loss.elements.count == 29)
        let channels = engine.transfer.channels
        #expect(channels.count == 8)
        for channel in channels {
            let scale = max(1, abs(channel.style.mean))
            #expect(abs(channel.adain.mean - channel.style.mean) < 1e-3 * scale)
            #expect(abs(channel.adain.standardDeviation - channel.style.standardDeviation) < 1e-3 * channel.style.standardDeviation)
            #expect(channel.correlationWithContent > 0.999)
        }
        // AdaIN adds nothing of the style's layout: its correlation with the style is the content's.
        #expect(engine.largestStyleCorrelationGain() < 1e-3)
        #expect(engine.largestStatisticsGap() < 0.01)
        // The two images differ in style: the style's feature spread is several times the content's.
        let ratio = channels.map { $0.style.standardDeviation / $0.content.standardDeviation }.min()!
        #expect(ratio > 3)
    }

    @Test func keysPickChannelAndImages() {
        var engine = AdaINEngine()
        engine.advance()
        let style = engine.styleIndex
        // c and g only change the drawing: no status message, so the claims are still judged.
        #expect(engine.handle("c") == nil)
        #expect(engine.channel == 1)
        #expect(engine.sharedScale)
        #expect(engine.handle("g") == nil)
        #expect(!engine.sharedScale)
        _ = engine.handle("x")
        #expect(engine.contentIndex == style && engine.styleIndex == 0)
        _ = engine.handle("i")
        #expect(engine.styleIndex == 1)
        #expect(engine.transfer.channels.allSatisfy { $0.correlationWithContent > 0.999 })
    }

    /// Every claim on two seeds, at step 1 and after training, as `--check` judges them.
    @Test func claimsHoldOnTwoSeeds() {
        let results = ClaimCheck(lesson: AdaINLesson.lesson, seeds: LessonSeeds(first: 1, count: 2)).run()
        #expect(results.count == 6)
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    /// Each seed has its own images and network: the second seed's pair is chosen from its own
    /// held-out set, as if it ran alone.
    @Test func eachSeedAsIfAlone() {
        let several = AdaINEngine(seeds: LessonSeeds(first: 1, count: 2))
        let alone = AdaINEngine(seeds: LessonSeeds(first: 2))
        #expect(several.pairs[1] == alone.pairs[0])
        #expect(several.transfers[1].adain == alone.transfer.adain)
    }

    @Test func screens() {
        let lesson = AdaINLesson.lesson
        let large = lessonScreen(lesson, steps: 2, width: 120, height: 40)
        #expect(large.contains("input images (each on its own scale)"))
        #expect(large.contains("block 1, channel 0 of 8, one grey scale"))
        #expect(large.contains("content #0"))
        #expect(large.contains("AdaIN"))
        #expect(large.contains("r cont."))
        #expect(large.contains("▀"))
        let small = lessonScreen(lesson, steps: 1, keys: [.character("c")], width: 80, height: 24, language: .de)
        #expect(small.contains("Block 1, Kanal 1 von 8"))
        #expect(small.contains("r Inh."))
        #expect(small.contains("r Stil"), "both correlations fit at 80×24")
        let ownScale = lessonScreen(lesson, steps: 1, keys: [.character("g")], width: 80, height: 24)
        #expect(ownScale.contains("block 1, channel 0 of 8, own scale each"))
        let ascii = lessonScreen(lesson, steps: 1, width: 80, height: 24, glyphs: .ascii)
        #expect(!ascii.contains("▀") && ascii.contains("r cont."))
    }
}

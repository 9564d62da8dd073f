@testable import NormTUI
import Testing
@testable import NormLessons

@Suite struct AdaINLessonTests {
    /// After 30 training steps: every channel of the AdaIN maps has the style's μ and σ
    /// within 1e-3 (relative), keeps the content's layout (correlation > 0.999) and does not
    /// take the style's (mean |correlation| with the style map < 0.3).
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
        let styleCorrelation = channels.map { abs($0.correlationWithStyle) }.reduce(0, +) / Double(channels.count)
        #expect(styleCorrelation < 0.3)
        // The two images differ in style: the style's feature spread is several times the content's.
        let ratio = channels.map { $0.style.standardDeviation / $0.content.standardDeviation }.min()!
        #expect(ratio > 3)
    }

    @Test func keysPickChannelAndImages() {
        var engine = AdaINEngine()
        engine.advance()
        let style = engine.styleIndex
        _ = engine.handle("c")
        #expect(engine.channel == 1)
        _ = engine.handle("x")
        #expect(engine.contentIndex == style && engine.styleIndex == 0)
        _ = engine.handle("i")
        #expect(engine.styleIndex == 1)
        #expect(engine.transfer.channels.allSatisfy { $0.correlationWithContent > 0.999 })
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
        let ascii = lessonScreen(lesson, steps: 1, width: 80, height: 24, glyphs: .ascii)
        #expect(!ascii.contains("▀") && ascii.contains("r cont."))
    }
}

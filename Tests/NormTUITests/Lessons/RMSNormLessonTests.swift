@testable import NormTUI
import Testing
@testable import NormLessons

@Suite struct RMSNormLessonTests {
    /// Zero-mean inputs: RMSNorm and layer norm give the same output.
    @Test func zeroMeanInputsGiveTheSameOutput() {
        let engine = RMSNormEngine()
        #expect(engine.comparison.offset == 0)
        #expect(engine.comparison.largestDifference < 1e-5)
    }

    /// With an offset a the layer norm output keeps mean 0 and σ 1; RMSNorm's has mean
    /// a/√(1 + a²) and σ 1/√(1 + a²).
    @Test func anOffsetSurvivesRMSNorm() {
        var engine = RMSNormEngine()
        var means: [Double] = []
        for _ in 1..<RMSNormEngine.offsets.count {
            _ = engine.handle("o")
            let comparison = engine.comparison
            let layer = SampleStatistics(comparison.layerNorm), rms = SampleStatistics(comparison.rmsNorm)
            #expect(abs(layer.mean) < 1e-6)
            #expect(abs(layer.standardDeviation - 1) < 1e-4)
            #expect(abs(rms.mean - comparison.predictedRMSMean) < 1e-3)
            #expect(abs(rms.standardDeviation - comparison.predictedRMSSpread) < 1e-3)
            means.append(rms.mean)
        }
        #expect(engine.comparison.offset == 8)
        #expect(abs(means[3] - 2 / 5.0.squareRoot()) < 1e-3)  // a = 2: 0.894
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 })
        #expect(engine.comparison.largestDifference > 0.5)
    }

    /// Both variants train: after 40 steps the loss of each is finite and below its first.
    @Test func bothVariantsTrain() {
        var engine = RMSNormEngine()
        for _ in 0..<40 { engine.advance() }
        for index in 0..<2 {
            let losses = engine.runs[index].history.loss.elements
            #expect(losses.count == 40)
            #expect(losses.allSatisfy { $0.isFinite })
            #expect(losses.suffix(5).reduce(0, +) / 5 < losses[0])
        }
    }

    @Test func screens() {
        let lesson = RMSNormLesson.lesson
        let large = lessonScreen(lesson, steps: 3, keys: [.character("o"), .character("o"), .character("o"), .character("o")],
                                 width: 120, height: 40)
        #expect(large.contains("offset a = 2: statistics of each output"))
        #expect(large.contains("0.894, 0.447"))
        #expect(large.contains("max |Δy|"))
        #expect(large.contains("training on the digits: loss"))
        let small = lessonScreen(lesson, steps: 1, width: 80, height: 24, language: .de)
        #expect(small.contains("Offset a = 0: Statistik je Ausgabe"))
        #expect(small.contains("RMSNorm: x/√(ms + ε)"))
    }
}

import NormMath
import Testing
@testable import NormTUI
@testable import NormLessons

/// Lesson 3 measures what Wu & He (2018, Fig. 1) report, on the digits: batch norm's eval-mode
/// accuracy collapses at the smallest batch while group norm's does not.
@Suite struct BatchSizeLessonTests {
    /// The default sweep's epochs at its two ends (N = 16 and N = 1): the full sweep's N = 1
    /// points are most of its cost, and the claim is about them.
    @Test func batchNormCollapsesAtBatchOneInEvalModeWhileGroupNormHolds() {
        var engine = BatchSizeEngine(sweep: BatchSizeSweep(batchSizes: [16, 1], epochs: BatchSizeEngine.defaultEpochs))
        while !engine.isFinished { engine.advance() }
        #expect(engine.progress == 1)
        let bn = engine.evalAccuracies(.batch), gn = engine.evalAccuracies(.group)
        // Measured: BN 97.2% → 10.3%, GN 95.8% → 96.9%.
        #expect(bn[0]! > 0.9 && gn[0]! > 0.9)
        #expect(gn[1]! > 0.9)
        #expect(bn[1]! < 0.2, "batch norm at N = 1 in eval mode: \(bn[1]!)")
        // The same N = 1 network with each image's own statistics, as in training, is fine:
        // the collapse is the train/inference discrepancy.
        let trainMode = engine.sweep.result(batchSize: 1, variant: .batch)?.trainModeAccuracy
        #expect(trainMode! > 0.9)
        #expect(BatchSizeEngine.spread(gn)! < 0.05)
    }

    @Test func recordsOneColumnPerBatchSizeAndVariant() {
        var engine = BatchSizeEngine(sweep: BatchSizeSweep(batchSizes: [32], epochs: 1))
        while !engine.isFinished { engine.advance() }
        let record = engine.record()
        #expect(record.columns == ["step", "progress", "bn_eval_accuracy_n32", "gn_eval_accuracy_n32", "bn_train_mode_accuracy_n32"])
        guard case .number(let accuracy) = record["bn_eval_accuracy_n32"] else { Issue.record("no BN accuracy"); return }
        #expect((0...1).contains(accuracy))
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func screenFitsAndShowsTheSweep(size: (width: Int, height: Int)) {
        let screen = lessonScreenLines(BatchSizeLesson.lesson, steps: 12, width: size.width, height: size.height)
        #expect(screen.count == size.height)
        #expect(screen.allSatisfy { $0.count <= size.width })
        let text = screen.joined(separator: "\n")
        #expect(text.contains("B Batch Norm"))
        #expect(text.contains("BN eval"))
        #expect(text.contains("networks"))
        let ascii = lessonScreenLines(
            BatchSizeLesson.lesson, steps: 12, width: size.width, height: size.height, language: .de, glyphs: .ascii)
        #expect(ascii.allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}

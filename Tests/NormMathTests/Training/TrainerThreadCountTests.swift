import Testing
@testable import NormMath

/// A step on several threads computes every piece with the code one thread would run, and adds
/// the convolutions' weight gradients in blocks fixed by the batch alone: the reports and the
/// weights are the same bits for every thread count.
struct TrainerThreadCountTests {
    /// Every number a step reports, as bit patterns, so that −0 ≠ +0 and NaN == NaN.
    static func bits(_ report: StepReport) -> [UInt64] {
        var values = [report.loss, report.accuracy, report.evalModeBatch?.loss ?? 0, report.evalModeBatch?.accuracy ?? 0]
        for layer in report.layers {
            for summary in [layer.pre, layer.post] + (layer.evalModePost.map { [$0] } ?? []) {
                values += [summary.mean, summary.std, summary.minimum, summary.maximum, summary.histogram.lowerBound]
                values += summary.percentiles + summary.histogram.counts.map(Double.init)
            }
            values += layer.batchMean + layer.batchVar
            values += (layer.runningMean ?? []).map(Double.init) + (layer.runningVar ?? []).map(Double.init)
            values += [layer.weightGradNorm, layer.activationGradNorm, layer.weightNorm, layer.updateRatio]
        }
        return values.map(\.bitPattern)
    }

    /// The default shape (32×16×8×8) is large enough that the convolutions and the weight
    /// gradient's four sample blocks really go to two threads; 48 samples make a last block of
    /// its own on one of them.
    @Test("N = 1 and N = 2 (and 3) give the same reports and weights, bit for bit",
          arguments: [(NormVariant.batch, 32), (.group, 48), (.none, 32)])
    func sameBitsForEveryThreadCount(variant: NormVariant, batch: Int) throws {
        var config = ExperimentConfig()
        config.variant = variant
        config.shape = TensorShape(n: batch, c: 16, h: 8, w: 8)
        config.evalEvery = 0
        func run(threads: Int) throws -> (reports: [[UInt64]], weights: [[UInt32]]) {
            var trainer = try Trainer(config: config)
            trainer.threads = threads
            trainer.measuresEvalMode = true
            let reports = (0..<4).map { _ in Self.bits(trainer.step()) }
            let weights = trainer.network.blocks.map { $0.weight.map(\.bitPattern) + ($0.bias ?? []).map(\.bitPattern) }
            return (reports, weights + [trainer.network.head.weight.map(\.bitPattern)])
        }
        let one = try run(threads: 1)
        for threads in [2, 3] {
            let many = try run(threads: threads)
            #expect(many.reports == one.reports, "\(threads) threads")
            #expect(many.weights == one.weights, "\(threads) threads")
        }
    }

    /// The convolution's parameter gradients alone, on a batch whose blocks split unevenly.
    @Test func convolutionGradientsDoNotDependOnThreads() {
        var generator = SeededGenerator(seed: 14)
        let shape = TensorShape(n: 37, c: 8, h: 12, w: 12)
        let conv = Conv2D(inChannels: 8, outChannels: 16, bias: true, using: &generator)
        let x = (0..<shape.count).map { _ in generator.nextUniform(in: -1, 1) }
        let dy = (0..<conv.outputShape(for: shape).count).map { _ in generator.nextUniform(in: -1, 1) }
        func run(threads: Int) -> (dx: [UInt32], dw: [UInt32], db: [UInt32], y: [UInt32]) {
            var gradients = Conv2D.Gradients(for: conv)
            let dx = conv.backward(dy: dy, x: x, shape: shape, threads: threads, gradients: &gradients)
            let y = conv.forward(x, shape: shape, threads: threads)
            return (dx.map(\.bitPattern), gradients.weight.map(\.bitPattern), gradients.bias!.map(\.bitPattern), y.map(\.bitPattern))
        }
        let one = run(threads: 1)
        for threads in [2, 4] {
            let many = run(threads: threads)
            #expect(many.dx == one.dx && many.dw == one.dw && many.db == one.db && many.y == one.y, "\(threads) threads")
        }
    }
}

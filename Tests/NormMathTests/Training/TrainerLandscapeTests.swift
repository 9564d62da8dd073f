import Testing
@testable import NormMath

/// The probes the training lessons add: the loss along the gradient, one channel's values,
/// the spread of batch statistics. None of them may change the run.
struct TrainerLandscapeTests {
    func trainer(_ variant: NormVariant = .batch) throws -> Trainer {
        var config = ExperimentConfig()
        config.variant = variant
        config.evalEvery = 0
        return try Trainer(config: config)
    }

    @Test func aTinyStepAlongTheGradientLowersTheLossByTheGradientNormSquared() throws {
        var run = try trainer()
        for _ in 0..<3 { _ = run.step() }
        let batch = run.probeBatch()
        let eta = 1e-3
        let result = run.lossAlongGradient(on: batch, stepSizes: [eta])
        // First order: L(w − ηg) ≈ L(w) − η‖g‖².
        let predicted = result.lossHere - eta * result.gradientNorm * result.gradientNorm
        #expect(abs(result.losses[0] - predicted) < 0.2 * eta * result.gradientNorm * result.gradientNorm,
                "loss \(result.lossHere) → \(result.losses[0]), first-order prediction \(predicted)")
        #expect(result.lossHere == run.inspect(batch).loss)
    }

    @Test func measuringLeavesTheRunAsItWas() throws {
        var measured = try trainer(), untouched = try trainer()
        _ = measured.step()
        _ = untouched.step()
        _ = measured.lossAlongGradient(on: measured.probeBatch(), stepSizes: [0.1, 1])
        _ = measured.channelValues(block: 1, channel: 3, on: measured.probeBatch())
        _ = measured.batchStatisticsSpread(block: 0, batchSize: 8, batchCount: 4)
        _ = measured.evaluateTrainingSet()
        #expect(measured.network.blocks[0].norm.runningMean == untouched.network.blocks[0].norm.runningMean)
        #expect(measured.step().loss == untouched.step().loss)
    }

    @Test func theBandIsNilWhenAStepLeavesTheNumbers() {
        let band = LossAlongGradient(stepSizes: [1, 2], lossHere: 2, losses: [1, .nan], gradientNorm: 1)
        #expect(band.range == nil)
        #expect(LossAlongGradient(stepSizes: [1, 2], lossHere: 2, losses: [3, 1], gradientNorm: 1).range == 1...3)
    }

    @Test func channelValuesAreTheChannelsSliceAndBatchNormStandardizesThem() throws {
        let run = try trainer()
        let batch = run.probeBatch()
        let values = run.channelValues(block: 0, channel: 2, on: batch)
        #expect(values.pre.count == batch.shape.n * 64 && values.post.count == values.pre.count)
        // γ = 1, β = 0 at the start: the post-norm channel has mean 0 and variance ≈ 1.
        let mean = values.post.reduce(0) { $0 + Double($1) } / Double(values.post.count)
        let variance = values.post.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.post.count)
        #expect(abs(mean) < 1e-4 && abs(variance - 1) < 1e-3)
    }

    @Test func percentilesInterpolateBetweenSortedValues() {
        #expect(ChannelValues.percentiles([4, 1, 3, 2, 5], at: [0, 50, 100, 25]) == [1, 3, 5, 2])
        #expect(ChannelValues.percentiles([], at: [50])[0].isNaN)
    }

    @Test func theSpreadOfBatchMeansShrinksWithTheBatchSize() throws {
        let run = try trainer()
        let small = run.batchStatisticsSpread(block: 0, batchSize: 4, batchCount: 16)
        let large = run.batchStatisticsSpread(block: 0, batchSize: 64, batchCount: 16)
        #expect(small.batchCount == 16 && small.spreadOfMeans.count == 16)
        #expect(small.relativeSpreadOfMeans > 2 * large.relativeSpreadOfMeans)
        // The same batches every call.
        #expect(run.batchStatisticsSpread(block: 0, batchSize: 4, batchCount: 16) == small)
    }

    @Test func trainingSetAccuracyIsMeasuredOnEveryTrainingImage() throws {
        var run = try trainer()
        for _ in 0..<100 { _ = run.step() }
        let training = run.evaluateTrainingSet(), heldOut = run.evaluate()
        #expect(training.accuracy > 0.8 && heldOut.accuracy > 0.8)
        #expect(abs(training.accuracy - heldOut.accuracy) < 0.1)
    }
}

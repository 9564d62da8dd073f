import Testing
@testable import NormMath

struct UnitVarianceInitializationTests {
    @Test func everyBlockStartsWithUnitStandardDeviation() throws {
        var config = ExperimentConfig()
        config.variant = .none
        config.depth = 4
        let trainer = try Trainer(config: config)
        let batch = trainer.probeBatch()
        var network = trainer.network
        try network.scaleToUnitVariance(on: batch.images, batch: batch.shape.n)
        let pass = try network.forward(batch.images, batch: batch.shape.n, mode: .train)
        for pre in pass.pre {
            let mean = pre.reduce(0) { $0 + Double($1) } / Double(pre.count)
            let variance = pre.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(pre.count)
            #expect(abs(variance.squareRoot() - 1) < 1e-3)
        }
    }
}

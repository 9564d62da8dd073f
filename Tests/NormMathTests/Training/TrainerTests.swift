import Testing
@testable import NormMath

/// The training engine, end to end: it learns, it repeats itself exactly, it reports
/// divergence instead of crashing, and it refuses impossible settings.
struct TrainerTests {
    static func config(_ variant: NormVariant, _ change: (inout ExperimentConfig) -> Void = { _ in }) -> ExperimentConfig {
        var config = ExperimentConfig()
        config.variant = variant
        change(&config)
        return config
    }

    /// The default run (digits, conv, depth 3, 32×16×8×8) learns with every variant and
    /// without normalization within a few hundred steps.
    @Test(arguments: NormVariant.allCases)
    func lossFallsOnDigits(variant: NormVariant) throws {
        var trainer = try Trainer(config: Self.config(variant) { $0.evalEvery = 0 })
        var losses: [Double] = []
        for _ in 0..<300 {
            let report = trainer.step()
            #expect(report.divergence == nil)
            losses.append(report.loss)
        }
        let first = losses.prefix(20).reduce(0, +) / 20, last = losses.suffix(20).reduce(0, +) / 20
        #expect(last < 0.6 * first, "loss \(first) → \(last)")
        let evaluation = trainer.evaluate()
        #expect(evaluation.accuracy > 0.6, "held-out accuracy \(evaluation.accuracy)")
    }

    @Test func theMLPLearnsToo() throws {
        var trainer = try Trainer(config: Self.config(.layer) {
            $0.model = .mlp
            $0.shape = TensorShape(n: 32, c: 32)
            $0.evalEvery = 0
        })
        let first = trainer.step().loss
        for _ in 0..<300 { _ = trainer.step() }
        #expect(trainer.evaluate().accuracy > 0.6)
        #expect(trainer.step().loss < first)
    }

    @Test func sameSeedSameNumbersBitForBit() throws {
        let config = Self.config(.group) { $0.evalEvery = 5 }
        var a = try Trainer(config: config), b = try Trainer(config: config)
        for _ in 0..<15 {
            let (ra, rb) = (a.step(), b.step())
            #expect(ra.loss.bitPattern == rb.loss.bitPattern)
            #expect(ra.evaluation == rb.evaluation)
            #expect(ra.layers.map(\.pre) == rb.layers.map(\.pre))
            #expect(ra.layers.map(\.weightGradNorm) == rb.layers.map(\.weightGradNorm))
        }
        var c = try Trainer(config: config)
        var d = try Trainer(config: Self.config(.group) { $0.seed = 2; $0.evalEvery = 5 })
        #expect(c.step().loss != d.step().loss, "another seed, another run")
    }

    @Test func everyStepReportsEveryProbe() throws {
        var trainer = try Trainer(config: Self.config(.batch) { $0.evalEvery = 2 })
        let first = trainer.step(), second = trainer.step()
        #expect(first.evaluation == nil)
        #expect(second.evaluation != nil)
        #expect(first.layers.count == 3)
        for probe in second.layers {
            let counted: Int = probe.pre.histogram.counts.reduce(0, +)
            #expect(counted == 32_768)
            #expect(probe.pre.percentiles.count == 5)
            #expect(probe.pre.percentiles == probe.pre.percentiles.sorted())
            #expect(probe.batchMean.count == 16 && probe.batchVar.count == 16)
            #expect(probe.runningMean?.count == 16 && probe.runningVar?.count == 16)
            #expect(probe.weightGradNorm > 0 && probe.activationGradNorm > 0)
            #expect(probe.updateRatio > 0 && probe.updateRatio < 1)
            // Batch norm's output has mean 0 and std 1 per channel, so overall too.
        }
        // Before any update (γ = 1, β = 0) batch norm's output has mean 0 and std 1.
        for probe in first.layers {
            let (postMean, postStd) = (probe.post.mean, probe.post.std)
            #expect(abs(postMean) < 1e-5)
            #expect(abs(postStd - 1) < 1e-3)
        }
        var layerTrainer = try Trainer(config: Self.config(.layer))
        #expect(layerTrainer.step().layers[0].runningMean == nil)
    }

    /// Without normalization a large learning rate blows the run up; the report says where.
    @Test func divergenceIsAResultNotACrash() throws {
        var trainer = try Trainer(config: Self.config(.none) { $0.learningRate = 20 })
        var report: StepReport?
        for _ in 0..<200 {
            report = trainer.step()
            if trainer.isDiverged { break }
        }
        let divergence = try #require(report?.divergence)
        #expect(trainer.isDiverged)
        #expect(divergence.step == report!.step)
        #expect(divergence.description.contains("at step \(divergence.step)"))
        #expect(trainer.divergence == divergence)
    }

    struct BadSetting: CustomTestStringConvertible, Sendable {
        let name: String
        let config: ExperimentConfig
        let says: String
        var testDescription: String { name }
    }

    static let badSettings: [BadSetting] = [
        BadSetting(name: "C not divisible by G", config: config(.group) { $0.shape.c = 12; $0.groups = 5 },
                   says: "C = 12 is not divisible by G = 5"),
        BadSetting(name: "depth 0", config: config(.batch) { $0.depth = 0 }, says: "depth must be between 1 and 12"),
        BadSetting(name: "depth 13", config: config(.batch) { $0.depth = 13 }, says: "depth must be between 1 and 12"),
        BadSetting(name: "lr 0", config: config(.batch) { $0.learningRate = 0 }, says: "learning rate must be a positive"),
        BadSetting(name: "lr negative", config: config(.batch) { $0.learningRate = -1 }, says: "learning rate must be a positive"),
        BadSetting(name: "lr NaN", config: config(.batch) { $0.learningRate = .nan }, says: "learning rate must be a positive"),
        BadSetting(name: "momentum 1", config: config(.batch) { $0.momentum = 1 }, says: "momentum must be"),
        BadSetting(name: "eps negative", config: config(.batch) { $0.eps = -1 }, says: "eps must be"),
        BadSetting(name: "shape too large", config: config(.batch) { $0.shape = TensorShape(n: 1024, c: 512, h: 64, w: 64) },
                   says: "more than the limit"),
        BadSetting(name: "mlp with H×W", config: config(.batch) { $0.model = .mlp }, says: "give the shape as NxC"),
        BadSetting(name: "instance on the mlp", config: config(.instance) { $0.model = .mlp; $0.shape = TensorShape(n: 8, c: 8) },
                   says: "H·W > 1"),
        BadSetting(name: "batch norm on one value", config: config(.batch) { $0.model = .mlp; $0.shape = TensorShape(n: 1, c: 8) },
                   says: "more than one value per channel"),
        BadSetting(name: "unknown data set", config: config(.batch) { $0.dataset = "mnist" }, says: "mnist"),
        BadSetting(name: "batch larger than the data", config: config(.batch) { $0.shape.n = 2000 },
                   says: "larger than the training set"),
    ]

    @Test(arguments: badSettings)
    func impossibleSettingsAreRefused(setting: BadSetting) {
        do {
            _ = try Trainer(config: setting.config)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(setting.says), "got: \(error.description)")
        }
    }
}

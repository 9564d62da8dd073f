import Testing
@testable import NormMath

/// `Trainer.validate` judges a configuration without building anything, and says exactly what
/// building the trainer would say.
@Suite struct TrainerValidationTests {
    static var configs: [ExperimentConfig] {
        var configs: [ExperimentConfig] = []
        for dataset: DatasetName in [.digits, .blobs, .stripes, .contrast] {
            for n in [1, 32, 1150, 1151, 1152, 1437, 1438, 1600, 1601, 5000] {
                var config = ExperimentConfig()
                config.dataset = dataset
                config.shape = TensorShape(n: n, c: 8, h: 4, w: 4)
                configs.append(config)
            }
        }
        var mlp = ExperimentConfig()
        mlp.model = .mlp
        mlp.shape = TensorShape(n: 1438, c: 8)
        configs.append(mlp)
        var huge = ExperimentConfig()
        huge.dataset = .blobs
        huge.shape = TensorShape(n: 4, c: 2, h: 4096, w: 4096)
        configs.append(huge)
        return configs
    }

    @Test(arguments: configs)
    func validateAgreesWithBuilding(config: ExperimentConfig) {
        var built: String?
        do { _ = try Trainer(config: config) } catch { built = error.description }
        var validated: String?
        do { try Trainer.validate(config) } catch { validated = error.description }
        #expect(validated == built, "N = \(config.shape.n) on \(config.dataset.rawValue)")
    }

    @Test func trainingCountIsTheSplitsSize() throws {
        for classes in [2, 3, 7, 10] {
            let data = BlobsSet.make(count: 2000, classes: classes, height: 4, width: 4, seed: 1)
            let sizes = Dataset.classSizes(of: .blobs, images: 2000, classes: classes)
            #expect(Dataset.trainingCount(classSizes: sizes) == data.split(seed: 9).train.count)
        }
    }
}

import Foundation
import Testing
@testable import NormMath

/// Experiment files: what `w` saves loads again as the same experiment, and a bad file is
/// refused with the field named.
struct ExperimentFileTests {
    @Test func savedExperimentLoadsAsTheSame() throws {
        var config = ExperimentConfig()
        config.variant = .group
        config.groups = 8
        config.shape = TensorShape(n: 16, c: 32, h: 4, w: 4)
        config.learningRate = 0.125
        config.epsPlacement = .outside
        config.varianceAlgorithm = .welford
        config.seed = 42
        config.evalEvery = 7
        let loaded = try ExperimentConfig(json: Data(config.json.utf8))
        #expect(loaded == config)
        var mlp = ExperimentConfig()
        mlp.model = .mlp
        mlp.shape = TensorShape(n: 8, c: 64)
        #expect(try ExperimentConfig(json: Data(mlp.json.utf8)) == mlp)
    }

    @Test func absentFieldsKeepTheirDefaults() throws {
        let loaded = try ExperimentConfig(json: Data(#"{"variant": "layer"}"#.utf8))
        var expected = ExperimentConfig()
        expected.variant = .layer
        #expect(loaded == expected)
    }

    @Test(arguments: [
        ("xx", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        (#"{"learning_rate": 1}"#, "unknown field \"learning_rate\""),
        (#"{"lr": "fast"}"#, "field \"lr\" must be a number"),
        (#"{"variant": "batchy"}"#, "field \"variant\": unknown value \"batchy\""),
        (#"{"shape": "32x16x8"}"#, "shape must have 4 dimensions"),
        (#"{"shape": "32xax8x8"}"#, "is not NxCxHxW"),
        (#"{"variant": "group", "groups": 5}"#, "C = 16 is not divisible by G = 5"),
        (#"{"seed": -1}"#, "field \"seed\" must be >= 0"),
        (#"{"depth": true}"#, "field \"depth\" must be a number"),
    ])
    func badFilesAreRefused(json: String, says: String) {
        do {
            _ = try ExperimentConfig(json: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.description.contains(says), "got: \(error.description)")
        }
    }
}

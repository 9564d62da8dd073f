import Foundation
import Testing
@testable import NormMath

/// Every kind of bad input to `normtui compute` is refused with a message that names the problem.
struct ComputeRequestErrorTests {
    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        /// A fragment the error message must contain.
        let says: String
        var testDescription: String { name }
    }

    static let x12 = "[" + (0..<12).map { "\(Double($0) * 0.5 - 2)" }.joined(separator: ", ") + "]"

    static let badInputs: [BadInput] = [
        BadInput(name: "malformed JSON", json: #"{"variant": "batch", "shape": [1,2"#, says: "not valid JSON"),
        BadInput(name: "not an object", json: "[1, 2, 3]", says: "must be a JSON object"),
        BadInput(name: "wrapped input not an object", json: #"{"input": [1, 2]}"#,
                 says: "\"input\" must be a JSON object"),
        BadInput(name: "unknown field beside input",
                 json: #"{"input": {"variant": "layer", "shape": [2,2,1,3], "x": \#(x12)}, "extra": 1}"#,
                 says: "unknown field \"extra\" beside \"input\""),
        BadInput(name: "unknown variant", json: #"{"variant": "batchy", "shape": [2,2,1,3], "x": \#(x12)}"#,
                 says: "unknown variant \"batchy\""),
        BadInput(name: "missing x", json: #"{"variant": "layer", "shape": [2,2,1,3]}"#, says: "missing field \"x\""),
        BadInput(name: "shape does not match data", json: #"{"variant": "layer", "shape": [2,2,2,3], "x": \#(x12)}"#,
                 says: "has 12 values, but shape [2, 2, 2, 3] holds 24"),
        BadInput(name: "shape with 3 dimensions", json: #"{"variant": "layer", "shape": [2,2,3], "x": \#(x12)}"#,
                 says: "4 dimensions"),
        BadInput(name: "shape with a zero", json: #"{"variant": "layer", "shape": [0,2,2,3], "x": []}"#,
                 says: "at least 1"),
        BadInput(name: "C not divisible by G",
                 json: #"{"variant": "group", "groups": 5, "shape": [1,12,1,1], "x": \#(x12)}"#,
                 says: "C = 12 is not divisible by G = 5"),
        BadInput(name: "batch norm with one value per channel",
                 json: #"{"variant": "batch", "shape": [1,12,1,1], "x": \#(x12)}"#,
                 says: "Expected more than 1 value per channel when training"),
        BadInput(name: "group norm with one value per group",
                 json: #"{"variant": "group", "groups": 4, "shape": [1,4,1,1], "x": [1, 2, 3, 4]}"#,
                 says: "Expected more than 1 value per channel when training, got input size [1, 4, 1, 1]"),
        BadInput(name: "instance norm with H·W = 1",
                 json: #"{"variant": "instance", "shape": [1,12,1,1], "x": \#(x12)}"#,
                 says: "Expected more than 1 spatial element"),
        BadInput(name: "negative eps", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "eps": -1e-5}"#,
                 says: "eps must be a finite number >= 0"),
        BadInput(name: "eps beyond Double", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "eps": 1e999}"#,
                 says: "not valid JSON"),
        BadInput(name: "eps as a string", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "eps": "small"}"#,
                 says: "field \"eps\" must be a number"),
        BadInput(name: "eps as a boolean", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "eps": true}"#,
                 says: "field \"eps\" must be a number"),
        BadInput(name: "beta for rms",
                 json: #"{"variant": "rms", "shape": [2,2,1,3], "x": \#(x12), "beta": [0, 0]}"#,
                 says: "rms normalization takes no beta"),
        BadInput(name: "wrong gamma length",
                 json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "gamma": [1, 1, 1]}"#,
                 says: "gamma has 3 values, expected one per channel (C = 2)"),
        BadInput(name: "x value beyond float32",
                 json: #"{"variant": "layer", "shape": [1,1,1,2], "x": [1, 1e39]}"#,
                 says: "outside the float32 range"),
        BadInput(name: "x with a string", json: #"{"variant": "layer", "shape": [1,1,1,2], "x": [1, "2"]}"#,
                 says: "field \"x\"[1] must be a number"),
        BadInput(name: "dy of the wrong length",
                 json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "dy": [1]}"#,
                 says: "field \"dy\" has 1 values"),
        BadInput(name: "unknown mode", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "mode": "test"}"#,
                 says: "field \"mode\" must be \"train\" or \"eval\""),
        BadInput(name: "unknown field", json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "epsilon": 1}"#,
                 says: "unknown field \"epsilon\""),
        BadInput(name: "group without groups", json: #"{"variant": "group", "shape": [2,2,1,3], "x": \#(x12)}"#,
                 says: "missing field \"groups\""),
        BadInput(name: "running stats for layer norm",
                 json: #"{"variant": "layer", "shape": [2,2,1,3], "x": \#(x12), "running_mean": [0, 0]}"#,
                 says: "only batch normalization keeps running statistics"),
        BadInput(name: "eps zero on a constant group",
                 json: #"{"variant": "instance", "shape": [1,1,1,2], "x": [3, 3], "eps": 0}"#,
                 says: "not finite"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedWithAClearMessage(input: BadInput) {
        do {
            let result = try ComputeRequest(json: Data(input.json.utf8)).run()
            Issue.record("accepted: \(result.json)")
        } catch {
            #expect(error.description.contains(input.says), "got: \(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func batchNormInEvalModeAcceptsOneValuePerChannel() throws {
        let json = #"{"variant": "batch", "shape": [1,12,1,1], "x": \#(Self.x12), "mode": "eval"}"#
        let result = try ComputeRequest(json: Data(json.utf8)).run()
        // Running mean 0 and variance 1 by default: y = x / √(1 + ε).
        #expect(abs(Double(result.y[0]) - (-2 / (1 + 1e-5).squareRoot())) < 1e-6)
        #expect(result.mean == Array(repeating: 0, count: 12))
    }
}

/// `compute` reads a PyTorch reference case as it is: `{"input": {…}, "expected": {…}}`.
struct WrappedComputeRequestTests {
    @Test func aWrappedRequestIsItsInput() throws {
        let plain = #"{"variant": "layer", "shape": [1, 2, 1, 2], "x": [1, 2, 3, 4]}"#
        let wrapped = #"{"input": \#(plain), "expected": {"y": [0, 0, 0, 0]}}"#
        let fromPlain = try ComputeRequest(json: Data(plain.utf8)).run().json
        let fromWrapped = try ComputeRequest(json: Data(wrapped.utf8)).run().json
        #expect(fromWrapped == fromPlain)
        #expect(fromPlain.contains(#""mean": [2.5], "var": [1.25]"#))
    }
}

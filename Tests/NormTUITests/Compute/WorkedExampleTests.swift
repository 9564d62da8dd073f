import Foundation
import NormMath
@testable import NormTUI
import Testing

/// `compute --format text` is read by students who redo the arithmetic: signs written as a
/// teacher writes them, the denominator printed as the number y is divided by, and one
/// element of the backward pass worked with the numbers that give the printed result.
@Suite struct WorkedExampleTests {
    static func text(_ json: String) throws -> String {
        let request = try ComputeRequest(json: Data(json.utf8))
        return WorkedExample(request: request, result: try request.run()).text
    }

    static let x = "[100, 99.9, -0.1, 0.2, 100.1, 99.95, 0.3, -0.2]"
    static let dy = "[0.1, -0.2, 0.3, 0.05, -0.1, 0.2, 0.1, -0.3]"
    static let cases: [String] = [
        #"{"variant": "batch", "shape": [2,2,1,2], "x": \#(x), "gamma": [1.237, -0.5], "beta": [-0.02321, 0.1], "dy": \#(dy)}"#,
        #"{"variant": "layer", "shape": [2,2,1,2], "x": \#(x), "gamma": [2, -1], "beta": [0.5, -0.5], "dy": \#(dy), "eps_placement": "outside"}"#,
        #"{"variant": "group", "groups": 2, "shape": [2,2,1,2], "x": \#(x), "dy": \#(dy)}"#,
        #"{"variant": "instance", "shape": [2,2,1,2], "x": \#(x), "beta": [-1, 1], "dy": \#(dy)}"#,
        #"{"variant": "rms", "shape": [2,2,1,2], "x": \#(x), "gamma": [-3, 1], "dy": \#(dy), "eps_placement": "outside"}"#,
        #"{"variant": "batch", "mode": "eval", "running_mean": [0.5, -1], "running_var": [2, 0.25], "shape": [2,2,1,2], "x": \#(x), "dy": \#(dy)}"#,
    ]

    @Test(arguments: cases)
    func signsAreWrittenAsATeacherWritesThem(json: String) throws {
        let text = try Self.text(json)
        for clumsy in ["+ -", "- -", "− -", "+ −", "− −", "·-", "·−", "(-", "--"] {
            #expect(!text.contains(clumsy), "\(clumsy) in:\n\(text)")
        }
        #expect(!text.contains("σ  = √σ²"), "σ means only the square root of the variance nowhere")
    }

    /// Redoing the division of the first y line with the printed numbers gives the printed y.
    @Test func theFirstOutputFollowsFromThePrintedNumbers() throws {
        let text = try Self.text(Self.cases[0])
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  y[0,0,0,0] = ") })
        // "  y[0,0,0,0] = 1.237·(100 − 99.99) / 0.07402 − 0.02321 = 0.1856"
        let numbers = line.replacingOccurrences(of: "−", with: "-")
            .split(whereSeparator: { " ·()/=".contains($0) }).compactMap { Double($0) }
        try #require(numbers.count == 6)
        let (gamma, x, mean, denominator, shift, y) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        #expect(line.contains(" − 0.02321 = "))
        #expect(abs(gamma * (x - mean) / denominator - shift - y) < 0.01 * abs(y) + 0.05)
        #expect(text.contains("√(σ² + ε) = √(0.005469 + 1e−05) = 0.07402"))
    }

    @Test func oneElementOfTheBackwardPassIsWorked() throws {
        let text = try Self.text(Self.cases[0])
        #expect(text.contains("dx[0,0,0,0] = (0.1237 + 0)/0.07402 − 0.1689·(−3.188e−06)·1/0.07402 = 1.671"))
        #expect(text.contains("dγ[0] = Σ dy·x̂ over channel 0 = 0.1·0.1689 + (−0.2)·(−1.182) + (−0.1)·1.52 + 0.2·(−0.5067) = −1.031e−05"))
        #expect(text.contains("dβ[0] = Σ dy over channel 0 = 0.1 + (−0.2) + (−0.1) + 0.2 = 0"))
    }

    @Test func evalModeDividesByTheRunningStatistics() throws {
        let text = try Self.text(Self.cases[5])
        #expect(text.contains("√(σ² + ε) = √(2 + 1e−05) = 1.414"))
        #expect(text.contains("Eval mode: μ and σ² are constants, so dx = g / 1.414."))
    }

    @Test func rmsNormNamesTheMeanSquare() throws {
        let text = try Self.text(Self.cases[4])
        #expect(text.contains("ms = Σx² / 4"))
        #expect(text.contains("(√ms + ε) = "))
        #expect(text.contains("k = 1/√ms"))
    }

    @Test func layerNormSaysWhereItsAffineParametersDifferFromPyTorch() throws {
        #expect(try Self.text(Self.cases[1]).contains("as in PyTorch's GroupNorm(1, C); nn.LayerNorm([C, H, W]) has one per element"))
        #expect(try !Self.text(Self.cases[2]).contains("nn.LayerNorm"))
    }
}

import Foundation
import Testing
@testable import NormMath

/// The GRU and its layer-normalized form (Ba et al. 2016): backpropagation through time by hand
/// against central differences, and against PyTorch (Fixtures/gru, made by its make.py).
struct GatedRecurrentUnitTests {
    static let (inputSize, hidden, batch, steps) = (2, 4, 3, 7)

    /// A unit with larger recurrent weights than PyTorch's start, and (with layer norm) γ and β
    /// away from 1 and 0, so that every term of the backward pass matters.
    static func unit(layerNormalized: Bool, _ generator: inout SeededGenerator) -> GatedRecurrentUnit {
        var unit = GatedRecurrentUnit(inputSize: inputSize, hiddenSize: hidden, layerNormalized: layerNormalized, using: &generator)
        unit.weightHH = unit.weightHH.map { $0 * 3 }
        if layerNormalized {
            unit.gamma = GradientCheck.random(3 * hidden, &generator, scale: 0.4).map { $0 + 1 }
            unit.beta = GradientCheck.random(3 * hidden, &generator, scale: 0.4)
        }
        return unit
    }

    /// L = Σ_t Σ w_t·h_t in Double.
    static func loss(_ unit: GatedRecurrentUnit, _ x: [Float], _ w: [[Float]]) -> Double {
        let pass = unit.forward(x, batch: batch)
        return (1...steps).reduce(0) { $0 + GradientCheck.weightedSum(pass.hidden[$1], w[$1 - 1]) }
    }

    @Test(arguments: [false, true])
    func backwardMatchesCentralDifferences(layerNormalized: Bool) {
        var generator = SeededGenerator(seed: layerNormalized ? 17 : 16)
        let unit = Self.unit(layerNormalized: layerNormalized, &generator)
        let x = GradientCheck.random(Self.steps * Self.batch * Self.inputSize, &generator)
        let w = (0..<Self.steps).map { _ in GradientCheck.random(Self.batch * Self.hidden, &generator) }
        let pass = unit.forward(x, batch: Self.batch)
        var gradients = GatedRecurrentUnit.Gradients(for: unit)
        let dx = unit.backward(dHidden: w, x: x, pass: pass, gradients: &gradients).dx

        func check(_ name: String, _ analytic: [Float], _ values: [Float], _ change: (inout GatedRecurrentUnit, [Float]) -> Void) {
            let error = GradientCheck.relativeError(of: analytic, at: values, step: 1e-2) { changed in
                var other = unit
                change(&other, changed)
                return Self.loss(other, x, w)
            }
            #expect(error < 2e-3, "\(name) relative error \(error) (layer norm: \(layerNormalized))")
        }
        let dxError = GradientCheck.relativeError(of: dx, at: x, step: 1e-2) { Self.loss(unit, $0, w) }
        #expect(dxError < 2e-3, "dx relative error \(dxError)")
        check("dW_ih", gradients.weightIH, unit.weightIH) { $0.weightIH = $1 }
        check("dW_hh", gradients.weightHH, unit.weightHH) { $0.weightHH = $1 }
        check("db_ih", gradients.biasIH, unit.biasIH) { $0.biasIH = $1 }
        check("db_hh", gradients.biasHH, unit.biasHH) { $0.biasHH = $1 }
        if layerNormalized {
            check("dγ", gradients.gamma, unit.gamma) { $0.gamma = $1 }
            check("dβ", gradients.beta, unit.beta) { $0.beta = $1 }
        }
    }

    /// With only the last state read, the returned ∂L/∂h_T is what came from outside, and each
    /// earlier ∂L/∂h_t is what the steps after it carried back.
    @Test func totalHiddenGradientOfTheLastStepIsTheOutsideOne() {
        var generator = SeededGenerator(seed: 5)
        let unit = Self.unit(layerNormalized: true, &generator)
        let x = GradientCheck.random(Self.steps * Self.batch * Self.inputSize, &generator)
        let last = GradientCheck.random(Self.batch * Self.hidden, &generator)
        let pass = unit.forward(x, batch: Self.batch)
        var gradients = GatedRecurrentUnit.Gradients(for: unit)
        let outside = [[Float]](repeating: [], count: Self.steps - 1) + [last]
        let totals = unit.backward(dHidden: outside, x: x, pass: pass, gradients: &gradients).dHidden
        #expect(totals[Self.steps - 1] == last)
        #expect(totals[0].contains { $0 != 0 })
    }

    static let referenceFiles: [URL] = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("gru")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }()

    @Test func allReferenceCasesArePresent() {
        #expect(Self.referenceFiles.count == 4)
    }

    /// The hidden states and every gradient within 1e-3 of each array's largest magnitude.
    @Test(arguments: referenceFiles)
    func matchesPyTorch(file: URL) throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let input = try #require(json["input"] as? [String: Any]), expected = try #require(json["expected"] as? [String: [Double]])
        let floats = { (key: String) throws -> [Float] in try #require(input[key] as? [Double]).map(Float.init) }
        let (inputSize, hidden, batch) = (input["input_size"] as! Int, input["hidden_size"] as! Int, input["batch"] as! Int)
        var generator = SeededGenerator(seed: 0)
        var unit = GatedRecurrentUnit(
            inputSize: inputSize, hiddenSize: hidden, layerNormalized: input["layer_norm"] as! Bool,
            eps: input["eps"] as! Double, using: &generator)
        unit.weightIH = try floats("weight_ih")
        unit.weightHH = try floats("weight_hh")
        unit.biasIH = try floats("bias_ih")
        unit.biasHH = try floats("bias_hh")
        unit.gamma = try floats("gamma")
        unit.beta = try floats("beta")
        let x = try floats("x"), w = try floats("dhidden")
        let pass = unit.forward(x, batch: batch)
        let size = batch * hidden
        let dHidden = (0..<pass.steps).map { Array(w[($0 * size)..<(($0 + 1) * size)]) }
        var gradients = GatedRecurrentUnit.Gradients(for: unit)
        let dx = unit.backward(dHidden: dHidden, x: x, pass: pass, gradients: &gradients).dx
        var produced: [String: [Float]] = [
            "hidden": Array(pass.hidden.dropFirst().joined()), "dx": dx, "dweight_ih": gradients.weightIH,
            "dweight_hh": gradients.weightHH, "dbias_ih": gradients.biasIH, "dbias_hh": gradients.biasHH,
        ]
        if unit.layerNormalized {
            produced["dgamma"] = gradients.gamma
            produced["dbeta"] = gradients.beta
        }
        #expect(Set(produced.keys) == Set(expected.keys), "\(file.lastPathComponent)")
        for (key, reference) in expected {
            let actual = try #require(produced[key]).map(Double.init)
            #expect(actual.count == reference.count, "\(file.lastPathComponent) \(key)")
            let largest = reference.map(abs).max() ?? 0
            let error = zip(actual, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(error <= 1e-3 * max(largest, 1e-12), "\(file.lastPathComponent) \(key): error \(error), largest \(largest)")
        }
    }
}

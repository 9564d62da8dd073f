import Foundation
import Testing
@testable import NormMath

/// The Transformer pieces against PyTorch: attention alone (with and without QK norm) and a
/// two-block model in each placement, composed in PyTorch from its own layers and
/// differentiated by autograd (Fixtures/transformer/make.py). Outputs and every gradient within
/// 1e-3 of each array's largest magnitude, for the test loss L = Σ w·output.
struct TransformerReferenceTests {
    static let tolerance = 1e-3

    /// One fixture: its inputs by name and PyTorch's outputs by name.
    struct Fixture {
        let input: [String: Any]
        let expected: [String: [Double]]

        init(_ name: String) throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/transformer/\(name)", withExtension: "json"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            input = try #require(object["input"] as? [String: Any])
            expected = try #require(object["expected"] as? [String: Any]).mapValues { ($0 as! [NSNumber]).map(\.doubleValue) }
        }

        func floats(_ key: String) -> [Float] { (input[key] as! [NSNumber]).map(\.floatValue) }
        func optionalFloats(_ key: String) -> [Float]? { input[key] == nil ? nil : floats(key) }
        func int(_ key: String) -> Int { (input[key] as! NSNumber).intValue }
        func bool(_ key: String) -> Bool { (input[key] as! NSNumber).boolValue }
        func string(_ key: String) -> String { input[key] as! String }

        /// Checks `actual` against the expectation `key`, and that the expectation exists.
        func check(_ key: String, _ actual: [Float]?, _ source: SourceLocation = #_sourceLocation) {
            guard let expected = expected[key] else {
                Issue.record("no expectation \(key)", sourceLocation: source)
                return
            }
            let values = (actual ?? []).map(Double.init)
            #expect(values.count == expected.count, "\(key): \(values.count) values, expected \(expected.count)", sourceLocation: source)
            // dβ_k is zero in exact arithmetic: q·(k + β) = q·k + q·β adds the same to every
            // logit of a row, and the softmax ignores that. Such an array is compared absolutely.
            guard (expected.map(abs).max() ?? 0) > 1e-9 else {
                let largest = values.map(abs).max() ?? 0
                #expect(largest < 1e-5, "\(key): \(largest) where PyTorch has 0", sourceLocation: source)
                return
            }
            let error = relativeError(values, expected)
            #expect(error <= TransformerReferenceTests.tolerance, "\(key): error \(error) of the largest magnitude", sourceLocation: source)
        }
    }

    static func linear(_ weight: [Float], _ inFeatures: Int, _ outFeatures: Int) -> Linear {
        Linear(inFeatures: inFeatures, outFeatures: outFeatures, weight: weight, bias: nil)
    }

    /// Sets an attention layer's parameters from `fixture` (keys with `prefix`).
    static func load(_ attention: inout MultiHeadSelfAttention, _ fixture: Fixture, prefix: String = "") {
        let d = attention.width
        attention.query = linear(fixture.floats(prefix + "wq"), d, d)
        attention.key = linear(fixture.floats(prefix + "wk"), d, d)
        attention.value = linear(fixture.floats(prefix + "wv"), d, d)
        attention.output = linear(fixture.floats(prefix + "wo"), d, d)
        if attention.queryNorm != nil {
            attention.queryNorm?.gamma = fixture.floats(prefix + "qgamma")
            attention.queryNorm?.beta = fixture.floats(prefix + "qbeta")
            attention.keyNorm?.gamma = fixture.floats(prefix + "kgamma")
            attention.keyNorm?.beta = fixture.floats(prefix + "kbeta")
        }
    }

    @Test(arguments: ["attention", "attention-qk-norm"])
    func attentionMatchesPyTorch(name: String) throws {
        let fixture = try Fixture(name)
        let (n, t, d, heads) = (fixture.int("sequences"), fixture.int("length"), fixture.int("width"), fixture.int("heads"))
        var generator = SeededGenerator(seed: 1)
        var attention = MultiHeadSelfAttention(width: d, heads: heads, normalizesQueriesAndKeys: fixture.bool("qk_norm"), using: &generator)
        Self.load(&attention, fixture)
        let pass = attention.forward(fixture.floats("x"), sequences: n, length: t)
        let (dx, gradients) = attention.backward(dy: fixture.floats("w"), pass: pass)
        fixture.check("y", pass.y)
        fixture.check("dx", dx)
        fixture.check("dwq", gradients.query.weight)
        fixture.check("dwk", gradients.key.weight)
        fixture.check("dwv", gradients.value.weight)
        fixture.check("dwo", gradients.output.weight)
        if attention.queryNorm != nil {
            fixture.check("dqgamma", gradients.queryNorm?.dgamma)
            fixture.check("dqbeta", gradients.queryNorm?.dbeta)
            fixture.check("dkgamma", gradients.keyNorm?.dgamma)
            fixture.check("dkbeta", gradients.keyNorm?.dbeta)
        }
    }

    @Test(arguments: ["model-post-ln", "model-pre-ln", "model-post-ln-qk-norm", "model-pre-rmsnorm"])
    func modelMatchesPyTorch(name: String) throws {
        let fixture = try Fixture(name)
        let (d, hidden, vocabulary) = (fixture.int("width"), fixture.int("hidden"), fixture.int("vocabulary"))
        let placement = try #require(LayerNormPlacement(rawValue: fixture.string("placement")))
        let norm: NormVariant = fixture.string("norm") == "rms" ? .rms : .layer
        var generator = SeededGenerator(seed: 1)
        var model = TinyTransformer(
            placement: placement, norm: norm, vocabulary: vocabulary, length: fixture.int("length"), width: d,
            heads: fixture.int("heads"), hidden: hidden, depth: fixture.int("depth"),
            normalizesQueriesAndKeys: fixture.bool("qk_norm"), using: &generator)
        model.tokenEmbedding = fixture.floats("token_embedding")
        model.positionEmbedding = fixture.floats("position_embedding")
        for index in model.blocks.indices {
            let prefix = "block\(index)_"
            Self.load(&model.blocks[index].attention, fixture, prefix: prefix)
            model.blocks[index].expand = Self.linear(fixture.floats(prefix + "w1"), d, hidden)
            model.blocks[index].project = Self.linear(fixture.floats(prefix + "w2"), hidden, d)
            model.blocks[index].attentionNorm.gamma = fixture.floats(prefix + "n1gamma")
            model.blocks[index].attentionNorm.beta = fixture.optionalFloats(prefix + "n1beta")
            model.blocks[index].mlpNorm.gamma = fixture.floats(prefix + "n2gamma")
            model.blocks[index].mlpNorm.beta = fixture.optionalFloats(prefix + "n2beta")
        }
        if placement == .pre {
            model.finalNorm?.gamma = fixture.floats("final_gamma")
            model.finalNorm?.beta = fixture.optionalFloats("final_beta")
        }
        model.head = Linear(inFeatures: d, outFeatures: vocabulary, weight: fixture.floats("head_weight"), bias: fixture.floats("head_bias"))

        let tokens = (fixture.input["tokens"] as! [NSNumber]).map(\.intValue)
        let pass = model.forward(tokens, sequences: fixture.int("sequences"))
        let gradients = model.backward(dlogits: fixture.floats("w"), pass: pass)
        fixture.check("logits", pass.logits)
        fixture.check("dtoken_embedding", gradients.tokenEmbedding)
        fixture.check("dposition_embedding", gradients.positionEmbedding)
        for (index, block) in gradients.blocks.enumerated() {
            let prefix = "dblock\(index)_"
            fixture.check(prefix + "wq", block.attention.query.weight)
            fixture.check(prefix + "wk", block.attention.key.weight)
            fixture.check(prefix + "wv", block.attention.value.weight)
            fixture.check(prefix + "wo", block.attention.output.weight)
            fixture.check(prefix + "w1", block.expand.weight)
            fixture.check(prefix + "w2", block.project.weight)
            fixture.check(prefix + "n1gamma", block.attentionNorm.dgamma)
            fixture.check(prefix + "n2gamma", block.mlpNorm.dgamma)
            if norm == .layer {
                fixture.check(prefix + "n1beta", block.attentionNorm.dbeta)
                fixture.check(prefix + "n2beta", block.mlpNorm.dbeta)
            }
            if fixture.bool("qk_norm") {
                fixture.check(prefix + "qgamma", block.attention.queryNorm?.dgamma)
                fixture.check(prefix + "qbeta", block.attention.queryNorm?.dbeta)
                fixture.check(prefix + "kgamma", block.attention.keyNorm?.dgamma)
                fixture.check(prefix + "kbeta", block.attention.keyNorm?.dbeta)
            }
        }
        if placement == .pre {
            fixture.check("dfinal_gamma", gradients.finalNorm?.dgamma)
            if norm == .layer { fixture.check("dfinal_beta", gradients.finalNorm?.dbeta) }
        }
        fixture.check("dhead_weight", gradients.head.weight)
        fixture.check("dhead_bias", gradients.head.bias)
    }
}

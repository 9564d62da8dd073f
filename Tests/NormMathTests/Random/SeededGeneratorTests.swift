import Testing
@testable import NormMath

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("xoshiro256** seeded by SplitMix64 gives the reference outputs")
    func reference() {
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(zero.next() == 0xBF6E_1F78_4956_452A)
        var fortyTwo = SeededGenerator(seed: 42)
        #expect([fortyTwo.next(), fortyTwo.next(), fortyTwo.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test("same seed, same numbers; other seed or stream, other numbers")
    func determinism() {
        func draw(_ generator: SeededGenerator) -> [Float] {
            var g = generator
            return (0..<100).map { i in i % 2 == 0 ? g.nextNormal() : g.nextUniform() }
        }
        #expect(draw(SeededGenerator(seed: 7)) == draw(SeededGenerator(seed: 7)))
        #expect(draw(SeededGenerator(seed: 7)) != draw(SeededGenerator(seed: 8)))
        #expect(draw(SeededGenerator(seed: 7, stream: 1)) == draw(SeededGenerator(seed: 7, stream: 1)))
        #expect(draw(SeededGenerator(seed: 7, stream: 1)) != draw(SeededGenerator(seed: 7, stream: 2)))
    }

    @Test("uniforms lie in [0, 1) and normals have mean 0 and variance 1")
    func distributions() {
        var generator = SeededGenerator(seed: 9)
        let uniforms = (0..<100_000).map { _ in generator.nextUniform() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniforms.reduce(0, +) / 100_000 - 0.5) < 0.005)
        let normals = (0..<100_000).map { _ in Double(generator.nextNormal()) }
        let mean = normals.reduce(0, +) / 100_000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100_000
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test("bounded integers cover their range; permutations are permutations")
    func integers() {
        var generator = SeededGenerator(seed: 10)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[generator.nextInt(below: 7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        let permutation = generator.permutation(100)
        #expect(permutation.sorted() == Array(0..<100))
        #expect(permutation != Array(0..<100))
    }

    @Test("He initialization has standard deviation √(2/fan_in)")
    func heNormal() {
        var generator = SeededGenerator(seed: 11)
        let weights = Initialization.heNormal(count: 50_000, fanIn: 50, using: &generator)
        let variance = weights.reduce(0) { $0 + Double($1) * Double($1) } / 50_000
        #expect(abs(variance.squareRoot() - 0.2) < 0.002)
    }
}

import Testing
@testable import NormMath

/// The numerical-stability lesson: E[x²] − E[x]² cancels catastrophically on data with a
/// large offset, while the two-pass and Welford algorithms keep full precision.
struct VarianceAlgorithmTests {
    /// Values around 100 with a spread of 0.05, like the reference cases that break it.
    let offsetData: [Float] = {
        var random = TestRandom(seed: 11)
        return (0..<4096).map { _ in Float(100 + 0.05 * random.normal()) }
    }()

    var exactVariance: Double {
        let values = offsetData.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    }

    func variance(_ algorithm: VarianceAlgorithm) -> Double {
        offsetData.withUnsafeBufferPointer {
            Moments.meanAndVariance(
                $0.baseAddress!, segmentCount: 1, segmentLength: $0.count, segmentStride: 0, algorithm: algorithm
            ).variance
        }
    }

    @Test(arguments: [VarianceAlgorithm.twoPass, .welford])
    func stableAlgorithmsAreExact(algorithm: VarianceAlgorithm) {
        #expect(abs(variance(algorithm) - exactVariance) / exactVariance < 1e-9)
    }

    @Test func naiveVarianceFailsVisibly() {
        let error = abs(variance(.naive) - exactVariance) / exactVariance
        #expect(error > 0.1, "relative error \(error)")
    }

    @Test func allAlgorithmsAgreeOnCenteredData() {
        var random = TestRandom(seed: 12)
        let data = (0..<1000).map { _ in Float(random.normal()) }
        let results = VarianceAlgorithm.allCases.map { algorithm in
            data.withUnsafeBufferPointer {
                Moments.meanAndVariance(
                    $0.baseAddress!, segmentCount: 4, segmentLength: 250, segmentStride: 250, algorithm: algorithm)
            }
        }
        for result in results {
            #expect(abs(result.variance - results[0].variance) < 1e-5)
            #expect(abs(result.mean - results[0].mean) < 1e-6)
        }
    }
}

import Testing
@testable import NormMath

/// The one ‖x‖ of the package (Kernels/EuclideanNorm.swift).
struct EuclideanNormTests {
    @Test func isTheRootOfTheSumOfSquares() {
        #expect(([3, 4] as [Float]).euclideanNorm == 5)
        #expect(([] as [Float]).euclideanNorm == 0)
        #expect(([-2] as [Float]).sumOfSquares == 4)
    }

    /// Lengths around the eight lanes: the lanes and the tail together cover every value once.
    @Test(arguments: [1, 7, 8, 9, 16, 23, 100])
    func agreesWithASimpleSum(count: Int) {
        let values = (0..<count).map { Float($0 % 5) - 1.75 }
        let simple = values.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(values.sumOfSquares - simple) <= 1e-12 * simple)
        let slice = values.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[1...]).sumOfSquares }
        #expect(abs(slice - (simple - Double(values[0]) * Double(values[0]))) <= 1e-12 * simple)
    }

    /// The order of summation is Reduce's, the one the training records were computed with.
    @Test func sumsInReducesOrder() {
        let values = (0..<37).map { Float($0) * 0.37 - 3 }
        let reduced = values.withUnsafeBufferPointer { Reduce.sumOfSquaredDeviations($0.baseAddress!, $0.count, from: 0) }
        #expect(values.sumOfSquares == reduced)
    }
}

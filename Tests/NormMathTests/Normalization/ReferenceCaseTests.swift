import Foundation
import Testing
@testable import NormMath

/// The PyTorch reference cases (Fixtures/case-*.json, computed in float64 by PyTorch from the
/// float32 inputs), run through the same parsing and code path as `normtui compute`.
struct ReferenceCaseTests {
    static let caseFiles: [URL] = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.lastPathComponent.hasPrefix("case-") }.sorted { $0.path < $1.path }
    }()

    @Test func allReferenceCasesArePresent() {
        #expect(Self.caseFiles.count == 25)
    }

    @Test(arguments: caseFiles)
    func matchesPyTorch(file: URL) throws {
        let referenceCase = try ReferenceCase(contentsOf: file)
        let result = try ComputeRequest(json: referenceCase.inputJSON).run()
        let produced = try #require(
            JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        for (key, expected) in referenceCase.expected {
            let actual = try #require(produced[key] as? [Double], "\(file.lastPathComponent): missing \(key)")
            #expect(actual.count == expected.count, "\(file.lastPathComponent) \(key)")
            let error = relativeError(actual, expected)
            #expect(error <= Self.tolerance, "\(file.lastPathComponent) \(key): error \(error) of the largest magnitude")
        }
        // Nothing beyond what the reference names (e.g. no dgamma without gamma).
        #expect(Set(produced.keys) == Set(referenceCase.expected.keys), "\(file.lastPathComponent)")
    }

    /// The tolerance of ``matchesPyTorch(file:)``: error per array over its largest magnitude.
    static let tolerance = 1e-3

    /// The cases with a large offset and a small spread break the naive E[x²] − E[x]² variance
    /// (glossary, "Numerische Stabilität"): on the same inputs, the two-pass algorithm matches
    /// PyTorch's y in every centering case, while the naive one misses it by more than the
    /// tolerance in at least one. RMSNorm (no centering, the mean square is not a variance)
    /// and the identity are left out: the algorithm does not matter there.
    @Test func naiveVarianceFailsSomeReferenceCase() throws {
        var centeringCases = 0
        var naiveFailures: [String] = []
        for file in Self.caseFiles {
            let referenceCase = try ReferenceCase(contentsOf: file)
            var request = try ComputeRequest(json: referenceCase.inputJSON)
            guard request.config.variant.centers else { continue }
            centeringCases += 1
            let expected = try #require(referenceCase.expected["y"], "\(file.lastPathComponent): no y")
            request.config.varianceAlgorithm = .twoPass
            let twoPass = try request.run().y.map(Double.init)
            #expect(relativeError(twoPass, expected) <= Self.tolerance, "\(file.lastPathComponent): two-pass")
            request.config.varianceAlgorithm = .naive
            let naive = try request.run().y.map(Double.init)
            let error = relativeError(naive, expected)
            if error > Self.tolerance { naiveFailures.append(file.lastPathComponent) }
        }
        #expect(centeringCases > 0)
        #expect(
            !naiveFailures.isEmpty,
            "the naive variance matched PyTorch within \(Self.tolerance) in all \(centeringCases) centering cases")
    }
}

/// max |a − b| over max |b|: the per-array error measure of the reference README.
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(b.map(abs).max() ?? 0, 1e-12)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

struct ReferenceCase {
    let inputJSON: Data
    let expected: [String: [Double]]

    init(contentsOf file: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        inputJSON = try JSONSerialization.data(withJSONObject: object["input"]!)
        expected = (object["expected"] as! [String: Any]).mapValues { ($0 as! [NSNumber]).map(\.doubleValue) }
    }
}

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
            #expect(error <= 1e-3, "\(file.lastPathComponent) \(key): error \(error) of the largest magnitude")
        }
        // Nothing beyond what the reference names (e.g. no dgamma without gamma).
        #expect(Set(produced.keys) == Set(referenceCase.expected.keys), "\(file.lastPathComponent)")
    }

    /// The cases with a large offset and a small spread break the naive E[x²] − E[x]² variance.
    @Test func naiveVarianceFailsSomeReferenceCase() throws {
        var failures = 0
        for file in Self.caseFiles {
            let referenceCase = try ReferenceCase(contentsOf: file)
            var request = try ComputeRequest(json: referenceCase.inputJSON)
            request.config.varianceAlgorithm = .naive
            guard request.config.variant.centers, let result = try? request.run() else { failures += 1; continue }
            let y = result.y.map(Double.init)
            if relativeError(y, referenceCase.expected["y"]!) > 1e-3 { failures += 1 }
        }
        #expect(failures > 0)
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

import Testing
@testable import NormMath

@Suite("Synthetic data sets")
struct SyntheticTests {
    static let synthetic = DatasetName.allCases.filter { $0 != .digits }.map(\.rawValue)

    @Test("deterministic per seed, different across seeds, balanced, finite, any H×W", arguments: synthetic)
    func deterministic(name: String) throws {
        let a = try Dataset.make(name, height: 7, width: 11, seed: 3, classes: 5, count: 503)
        let b = try Dataset.make(name, height: 7, width: 11, seed: 3, classes: 5, count: 503)
        let c = try Dataset.make(name, height: 7, width: 11, seed: 4, classes: 5, count: 503)
        #expect(a.images == b.images && a.labels == b.labels)
        #expect(a.images != c.images)
        #expect(a.images.count == 503 * 77 && a.name == name && a.classCount == 5)
        #expect(a.images.allSatisfy { $0.isFinite })
        let counts = (0..<5).map { label in a.labels.filter { $0 == label }.count }
        #expect(counts.max()! - counts.min()! <= 1)
    }

    @Test("defaults: 2000 images with the set's default class count", arguments: synthetic)
    func defaults(name: String) throws {
        let set = try Dataset.make(name, height: 8, width: 8, seed: 1)
        #expect(set.count == Dataset.defaultSyntheticCount)
        #expect(set.classCount == DatasetName(rawValue: name)!.defaultClassCount)
    }

    /// Nearest-centroid accuracy on the held-out part, a rough measure of how separable the
    /// classes are.
    func nearestCentroidAccuracy(_ set: Dataset, _ transform: ([Float]) -> [Float]) -> Double {
        let (train, test) = set.split(seed: 1)
        let size = set.imageSize
        var centroids = [[Double]](repeating: [Double](repeating: 0, count: size), count: set.classCount)
        for i in 0..<train.count {
            let image = transform(Array(train.images[(i * size)..<((i + 1) * size)]))
            for p in 0..<size { centroids[train.labels[i]][p] += Double(image[p]) }
        }
        var correct = 0
        for i in 0..<test.count {
            let image = transform(Array(test.images[(i * size)..<((i + 1) * size)]))
            let distances = centroids.map { centroid in
                let norm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return -zip(centroid, image).reduce(0) { $0 + $1.0 * Double($1.1) } / norm
            }
            if distances.indices.min(by: { distances[$0] < distances[$1] }) == test.labels[i] { correct += 1 }
        }
        return Double(correct) / Double(test.count)
    }

    /// Per-image standardization, what instance norm does to a one-channel image.
    func standardize(_ image: [Float]) -> [Float] {
        let mean = image.reduce(0, +) / Float(image.count)
        let std = (image.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(image.count)).squareRoot()
        return image.map { ($0 - mean) / std }
    }

    @Test("contrast: per-image standardization makes the shapes far easier to tell apart")
    func contrastLesson() throws {
        let set = try Dataset.make("contrast", height: 8, width: 8, seed: 5)
        let raw = nearestCentroidAccuracy(set) { $0 }
        let standardized = nearestCentroidAccuracy(set, standardize)
        #expect(standardized > 0.9)
        #expect(standardized > raw + 0.3, "raw \(raw), standardized \(standardized)")
    }

    @Test("unknown names, empty images and unsupported class counts are clear errors")
    func errors() {
        #expect(throws: DatasetError.unknownName("mnist")) { try Dataset.make("mnist", height: 8, width: 8, seed: 0) }
        #expect(throws: DatasetError.invalidImageSize(height: 0, width: 8)) { try Dataset.make("blobs", height: 0, width: 8, seed: 0) }
        #expect(throws: DatasetError.invalidClassCount(dataset: "digits", classes: 3, allowed: 10...10)) {
            try Dataset.make("digits", height: 8, width: 8, seed: 0, classes: 3)
        }
        #expect(throws: DatasetError.invalidClassCount(dataset: "contrast", classes: 1, allowed: 2...8)) {
            try Dataset.make("contrast", height: 8, width: 8, seed: 0, classes: 1)
        }
        #expect(throws: DatasetError.self) { try Dataset.make("blobs", height: 1 << 20, width: 1 << 20, seed: 0) }
        #expect(DatasetError.unknownName("mnist").description == "unknown data set 'mnist'; choose one of: digits, blobs, stripes, contrast")
    }
}

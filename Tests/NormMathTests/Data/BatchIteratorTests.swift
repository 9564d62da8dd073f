import Testing
@testable import NormMath

@Suite("Split and batches")
struct BatchIteratorTests {
    @Test("the split is stratified 80/20, disjoint, complete and fixed by the seed")
    func split() throws {
        let digits = try Dataset.make("digits", height: 8, width: 8, seed: 0)
        let (train, heldOut) = digits.split(seed: 1)
        #expect(train.count + heldOut.count == 1797)
        #expect(abs(heldOut.count - 359) <= 5)
        for label in 0..<10 {
            let all = digits.labels.filter { $0 == label }.count
            #expect(abs(heldOut.labels.filter { $0 == label }.count - all / 5) <= 1)
        }
        let again = digits.split(seed: 1)
        #expect(again.heldOut.images == heldOut.images && again.train.labels == train.labels)
        #expect(digits.split(seed: 2).heldOut.images != heldOut.images)
    }

    @Test("batches have a fixed size, cover each epoch once, and repeat per seed")
    func batches() throws {
        let set = try Dataset.make("blobs", height: 4, width: 4, seed: 1, classes: 3, count: 30)
        var iterator = BatchIterator(dataset: set, batchSize: 10, seed: 9)
        var again = BatchIterator(dataset: set, batchSize: 10, seed: 9)
        var seen: [Float] = []
        for _ in 0..<3 {
            let batch = iterator.next()
            #expect(batch.shape == TensorShape(n: 10, c: 1, h: 4, w: 4))
            #expect(batch.images == again.next().images)
            seen += batch.images
        }
        // One epoch: every image exactly once (compared by content).
        let images = stride(from: 0, to: seen.count, by: 16).map { Array(seen[$0..<($0 + 16)]) }
        let originals = stride(from: 0, to: set.images.count, by: 16).map { Array(set.images[$0..<($0 + 16)]) }
        #expect(images.sorted { $0.lexicographicallyPrecedes($1) } == originals.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(iterator.epoch == 0)
        _ = iterator.next()
        #expect(iterator.epoch == 1)
    }

    @Test("a batch larger than the data set spans epochs")
    func largeBatch() throws {
        let set = try Dataset.make("stripes", height: 2, width: 2, seed: 1, classes: 2, count: 3)
        var iterator = BatchIterator(dataset: set, batchSize: 7, seed: 1)
        let batch = iterator.next()
        #expect(batch.labels.count == 7)
        #expect(iterator.epoch == 2)
    }
}

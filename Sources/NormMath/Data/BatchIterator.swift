/// Endless mini-batches of a fixed size, drawn without replacement from seeded per-epoch
/// permutations.
///
/// Every batch has exactly `batchSize` images, because batch norm's statistics depend on N:
/// when an epoch's permutation runs out in the middle of a batch, the batch continues with the
/// next epoch's permutation (so no image is dropped, and a batch larger than the data set works).
public struct BatchIterator: Sendable {
    public let dataset: Dataset
    public let batchSize: Int
    var generator: SeededGenerator
    var order: [Int]
    var position: Int
    /// Completed passes over the data set.
    public private(set) var epoch = 0

    /// - Precondition: `batchSize ≥ 1` and the data set is not empty.
    public init(dataset: Dataset, batchSize: Int, seed: UInt64) {
        precondition(batchSize >= 1, "the batch size must be at least 1")
        precondition(dataset.count >= 1, "cannot draw batches from an empty data set")
        self.dataset = dataset
        self.batchSize = batchSize
        generator = SeededGenerator(seed: seed, stream: 2)
        order = generator.permutation(dataset.count)
        position = 0
    }

    /// The next batch, `[batchSize, 1, H, W]`.
    public mutating func next() -> Batch {
        var indices: [Int] = []
        indices.reserveCapacity(batchSize)
        while indices.count < batchSize {
            if position == order.count {
                order = generator.permutation(dataset.count)
                position = 0
                epoch += 1
            }
            let take = min(batchSize - indices.count, order.count - position)
            indices.append(contentsOf: order[position..<(position + take)])
            position += take
        }
        return dataset.batch(indices)
    }
}

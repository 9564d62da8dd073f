/// Draws mini-batches without replacement: every epoch a fresh seeded permutation of the
/// training images, cut into batches of N; the incomplete last batch is skipped so that every
/// step sees the same batch size (batch norm's statistics depend on it).
public struct BatchSampler: Sendable {
    public let datasetCount: Int
    public let batchSize: Int
    private var generator: SeededGenerator
    private var order: [Int] = []
    private var position = 0
    public private(set) var epoch = 0

    /// - Precondition: `1 <= batchSize <= datasetCount`.
    public init(datasetCount: Int, batchSize: Int, seed: UInt64) {
        precondition(batchSize >= 1 && batchSize <= datasetCount, "the batch must fit in the data set")
        self.datasetCount = datasetCount
        self.batchSize = batchSize
        generator = SeededGenerator(seed: seed, stream: 2)
    }

    /// The indices of the next batch.
    public mutating func next() -> ArraySlice<Int> {
        if order.isEmpty || position + batchSize > datasetCount {
            order = generator.permutation(datasetCount)
            position = 0
            epoch += 1
        }
        defer { position += batchSize }
        return order[position..<(position + batchSize)]
    }
}

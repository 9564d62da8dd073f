/// Batch norm's implicit regularization comes from noise: each mini-batch has its own mean
/// and variance, so the same image is normalized a little differently every time it is seen.
/// These measurements put numbers on that noise and on what it is said to buy — a smaller gap
/// between the training and the held-out data.
extension Trainer {
    /// How much the per-channel batch statistics of block `block`'s pre-norm activations vary
    /// from one mini-batch of `batchSize` training images to the next, at the current weights:
    /// `batchCount` disjoint batches drawn at random (the same ones every call) from the
    /// training split, each run in train mode on a copy (the run is untouched).
    /// - Precondition: `block` exists, and `batchCount` batches of `batchSize` fit in the
    ///   training split (`batchCount ≥ 2`).
    public func batchStatisticsSpread(block: Int, batchSize: Int, batchCount: Int) -> BatchStatisticsSpread {
        precondition(network.blocks.indices.contains(block), "no block \(block)")
        precondition(batchCount >= 2 && batchSize >= 1 && batchSize * batchCount <= trainingSet.count,
                     "\(batchCount) batches of \(batchSize) do not fit in \(trainingSet.count) training images")
        let channels = config.shape.c
        var generator = SeededGenerator(seed: Self.spreadSeed, stream: 0)
        let order = generator.permutation(trainingSet.count)
        var means: [[Double]] = [], variances: [[Double]] = []
        for k in 0..<batchCount {
            let batch = trainingSet.batch(order[(k * batchSize)..<((k + 1) * batchSize)])
            var copy = network
            guard let pass = try? copy.forward(batch.images, batch: batchSize, mode: .train) else { continue }
            let shape = TensorShape(n: batchSize, c: channels, h: config.shape.h, w: config.shape.w)
            let statistics = Self.channelStatistics(pass.pre[block], shape: shape)
            means.append(statistics.mean)
            variances.append(statistics.variance)
        }
        func spread(_ samples: [[Double]]) -> (center: [Double], deviation: [Double]) {
            let count = Double(max(samples.count, 1))
            let center = (0..<channels).map { c in samples.reduce(0) { $0 + $1[c] } / count }
            let deviation = (0..<channels).map { c in
                (samples.reduce(0) { $0 + ($1[c] - center[c]) * ($1[c] - center[c]) } / max(count - 1, 1)).squareRoot()
            }
            return (center, deviation)
        }
        let meanSpread = spread(means), varianceSpread = spread(variances)
        return BatchStatisticsSpread(
            batchSize: batchSize, batchCount: means.count,
            meanOfMeans: meanSpread.center, spreadOfMeans: meanSpread.deviation,
            meanOfVariances: varianceSpread.center, spreadOfVariances: varianceSpread.deviation)
    }

    /// The batches of ``batchStatisticsSpread(block:batchSize:batchCount:)`` do not depend on
    /// the run's seed, so that runs are measured on the same images.
    static let spreadSeed: UInt64 = 20_180_322

    /// Accuracy and loss on the training split in eval mode — the same measurement as
    /// ``evaluate()`` makes on the held-out split, so that the two can be compared: their
    /// difference is the generalization gap.
    public func evaluateTrainingSet() -> Evaluation {
        evaluate(on: trainingSet)
    }
}

/// What ``Trainer/batchStatisticsSpread(block:batchSize:batchCount:)`` measured, per channel.
public struct BatchStatisticsSpread: Sendable, Equatable {
    public var batchSize: Int
    public var batchCount: Int
    /// The average over the batches of each channel's batch mean, and its standard deviation
    /// across the batches (n − 1).
    public var meanOfMeans: [Double]
    public var spreadOfMeans: [Double]
    /// The same for each channel's (biased) batch variance.
    public var meanOfVariances: [Double]
    public var spreadOfVariances: [Double]

    /// The spread of the batch means in units of the channel's own standard deviation,
    /// averaged over the channels: how far, in σ, batch norm's μ wanders from batch to batch.
    public var relativeSpreadOfMeans: Double {
        let ratios = zip(spreadOfMeans, meanOfVariances).compactMap { spread, variance in
            variance > 0 ? spread / variance.squareRoot() : nil
        }
        return ratios.isEmpty ? .nan : ratios.reduce(0, +) / Double(ratios.count)
    }

    /// The spread of the batch variances relative to their average, averaged over channels.
    public var relativeSpreadOfVariances: Double {
        let ratios = zip(spreadOfVariances, meanOfVariances).compactMap { spread, variance in
            variance > 0 ? spread / variance : nil
        }
        return ratios.isEmpty ? .nan : ratios.reduce(0, +) / Double(ratios.count)
    }
}

import NormMath

/// What batch normalization would see in a recurrent network: statistics per time step, over
/// the mini-batch, on a batch of sequences of different lengths padded with zeros to the
/// longest (the usual way to batch them). At step t the batch mean takes in every padded zero
/// of the sequences that have already ended; the mean over the sequences still running is
/// what a per-step statistic should be, and it rests on fewer and fewer of them.
public struct PaddedBatchStatistics: Sendable, Equatable {
    /// Each sequence's length, between ``shortest`` and the padded length.
    public let lengths: [Int]
    /// Per step t = 1 … T: the value feature's mean over the whole padded batch.
    public let paddedMean: [Double]
    /// Per step: its mean over the sequences still running at t.
    public let runningMean: [Double]
    /// Per step: how many sequences still run.
    public let running: [Int]

    /// - Parameters:
    ///   - count: N, the sequences of the batch.
    ///   - length: T, the padded length (the longest a sequence gets).
    ///   - shortest: the shortest a sequence gets.
    public init(count: Int, length: Int, shortest: Int, using generator: inout SeededGenerator) {
        let lengths = (0..<count).map { _ in shortest + generator.nextInt(below: length - shortest + 1) }
        // The adding problem's values, one sequence of the longest length each; a sequence's
        // steps beyond its length are padded with zeros.
        let x = AddingProblem.batch(count: count, length: length, using: &generator).x
        var padded = [Double](), running = [Double](), alive = [Int]()
        for t in 0..<length {
            var sum = 0.0, liveSum = 0.0, live = 0
            for n in 0..<count where t < lengths[n] {
                let value = Double(x[(t * count + n) * AddingProblem.features])
                sum += value
                liveSum += value
                live += 1
            }
            padded.append(sum / Double(count))
            running.append(live > 0 ? liveSum / Double(live) : .nan)
            alive.append(live)
        }
        self.lengths = lengths
        paddedMean = padded
        runningMean = running
        self.running = alive
    }
}

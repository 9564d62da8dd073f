/// How long lesson 3's sweep has taken and about how long it still needs. The sweep trains
/// twelve networks one after another and shows its figure only as points finish, so a user
/// waiting for it should see that it moves and when it will be done.
///
/// Only the time the lesson runs counts — its chunks and its pace between them, not its
/// pauses — so the estimate holds at the speed the lesson runs at and does not grow while it is
/// paused. A step's cost depends on the batch size — a fixed part per step (a pass through the
/// network, the update) and a part per image — and the sweep goes from large batches to small
/// ones, so the remaining time is estimated per batch size: from what a step of that size
/// took, where it has been measured, and otherwise from a straight line `a + b·N` through the
/// measured sizes.
///
/// Wall-clock time is not part of the experiment: it is never in the lesson's record and no
/// claim is judged on it.
public struct BatchSizeTiming: Sendable, Equatable {
    /// Seconds spent and training steps taken, per batch size.
    private var secondsByBatch: [Int: Double] = [:]
    private var stepsByBatch: [Int: Int] = [:]
    /// All seconds the sweep has run so far.
    public private(set) var elapsed: Double = 0

    public init() {}

    /// One chunk of the sweep: `steps` training steps at batch size `batchSize`, taking
    /// `seconds` (with the point's evaluation, when the chunk finished one).
    public mutating func record(batchSize: Int, steps: Int, seconds: Double) {
        elapsed += seconds
        guard steps > 0 else { return }
        secondsByBatch[batchSize, default: 0] += seconds
        stepsByBatch[batchSize, default: 0] += steps
    }

    /// The measured seconds per training step at each batch size measured so far.
    public var secondsPerStep: [Int: Double] {
        Dictionary(uniqueKeysWithValues: stepsByBatch.map { n, steps in (n, secondsByBatch[n, default: 0] / Double(steps)) })
    }

    /// Seconds a step at batch size `n` should take: measured, or from the line through the
    /// measured sizes; with one size measured, the time per image is taken as fixed (an
    /// underestimate for smaller batches, corrected as soon as a second size is measured).
    /// `nil` before anything is measured.
    public func expectedSecondsPerStep(batchSize n: Int) -> Double? {
        let measured = secondsPerStep
        if let seconds = measured[n] { return seconds }
        guard !measured.isEmpty else { return nil }
        if measured.count == 1, let (size, seconds) = measured.first {
            return seconds * Double(n) / Double(size)
        }
        // Least squares over the measured sizes: seconds per step = a + b·N, neither negative.
        let points = measured.map { (Double($0.key), $0.value) }
        let count = Double(points.count)
        let meanN = points.reduce(0) { $0 + $1.0 } / count, meanT = points.reduce(0) { $0 + $1.1 } / count
        let covariance = points.reduce(0) { $0 + ($1.0 - meanN) * ($1.1 - meanT) }
        let variance = points.reduce(0) { $0 + ($1.0 - meanN) * ($1.0 - meanN) }
        let slope = max(0, variance > 0 ? covariance / variance : 0)
        let intercept = max(0, meanT - slope * meanN)
        return intercept + slope * Double(n)
    }

    /// Seconds the `remaining` steps (batch size, steps) should take; `nil` before anything is
    /// measured.
    public func estimatedSeconds(for remaining: [(batchSize: Int, steps: Int)]) -> Double? {
        var total = 0.0
        for work in remaining where work.steps > 0 {
            guard let perStep = expectedSecondsPerStep(batchSize: work.batchSize) else { return nil }
            total += perStep * Double(work.steps)
        }
        return total
    }
}

import NormMath

/// Lesson 3's experiment: the batch-size sweep of Wu & He (2018, Fig. 1), a chunk of training
/// per step — one sweep per seed, all advanced together, the first one on screen.
public struct BatchSizeEngine: LessonEngine {
    /// Epochs per point of the default sweep: twelve networks in a few tens of seconds.
    public static let defaultEpochs = 8
    /// Steps (chunks) of the default sweep: where a claim about the finished sweep is judged.
    public static let defaultChunkCount = BatchSizeSweep.chunkCount(epochs: defaultEpochs)

    /// `sweeps[seed]`: the sweep on seed number `seed` (0: the seed the screen shows). A sweep
    /// is one seed's twelve networks; its points vary the batch size, the seeds the rest.
    public private(set) var sweeps: [BatchSizeSweep]
    public private(set) var stepCount = 0
    /// Time the sweep has taken so far, for the estimate on screen (never in the record).
    public private(set) var timing = BatchSizeTiming()

    /// The sweep the screen shows: the first seed's.
    public var sweep: BatchSizeSweep { sweeps[0] }

    /// - Precondition: at least one sweep, all of the same plan (they advance together).
    public init(sweeps: [BatchSizeSweep]) {
        precondition(!sweeps.isEmpty, "a batch-size lesson needs a sweep")
        self.sweeps = sweeps
    }

    public init(sweep: BatchSizeSweep) {
        self.init(sweeps: [sweep])
    }

    /// The default sweep on each of `seeds`.
    public init(seeds: LessonSeeds = .standard) {
        self.init(sweeps: seeds.all.map { BatchSizeSweep(epochs: Self.defaultEpochs, seed: $0) })
    }

    /// When the last chunk ended: the wait before the next one is the lesson's pace (the
    /// speed it runs at) unless it is longer than ``longestPace`` — then it was paused.
    private var lastChunkEnd: ContinuousClock.Instant?
    /// The longest wait between two chunks counted as running: a little more than a step at
    /// the slowest speed (1 per second).
    static let longestPace: Duration = .milliseconds(1500)

    /// One chunk of every seed's sweep that is not done, each timed; the wait since the last
    /// chunk counts too when the lesson was running, so that the estimate holds at the speed
    /// it runs at.
    public mutating func advance() {
        var start = ContinuousClock.now
        if let lastChunkEnd, start - lastChunkEnd <= Self.longestPace { start = lastChunkEnd }
        for index in sweeps.indices where !sweeps[index].isFinished {
            let batchSize = sweeps[index].current?.batchSize ?? 0
            let steps = sweeps[index].advance()
            let end = ContinuousClock.now
            timing.record(batchSize: batchSize, steps: steps, seconds: Self.seconds(end - start))
            start = end
        }
        lastChunkEnd = start
        stepCount += 1
    }

    public var isFinished: Bool { sweeps.allSatisfy(\.isFinished) }

    /// Images trained on over every seed's sweep, as a fraction of all of them.
    public var progress: Double? {
        let done = sweeps.reduce(0) { $0 + $1.imagesDone }, total = sweeps.reduce(0) { $0 + $1.imagesTotal }
        return Double(done) / Double(max(total, 1))
    }

    /// Seconds the unfinished sweeps should still take, from the time measured so far; `nil`
    /// before the first chunk.
    public var estimatedRemainingSeconds: Double? {
        timing.estimatedSeconds(for: sweeps.flatMap(\.remainingWork))
    }

    /// Held-out eval-mode accuracy of `variant` at every batch size, `nil` where not yet
    /// trained, on seed number `seed`.
    public func evalAccuracies(_ variant: NormVariant, seed: Int = 0) -> [Double?] {
        let sweep = sweeps[seed]
        return sweep.batchSizes.map { sweep.result(batchSize: $0, variant: variant)?.evaluation?.accuracy }
    }

    /// Held-out accuracy of the batch-norm network at every batch size with the statistics of
    /// each held-out batch of that size (as in training), on seed number `seed`.
    public func trainModeAccuracies(seed: Int = 0) -> [Double?] {
        let sweep = sweeps[seed]
        return sweep.batchSizes.map { sweep.result(batchSize: $0, variant: .batch)?.trainModeAccuracy }
    }

    /// Per batch size, the median over the seeds whose network at that point is done (`nil`
    /// where none is): what the screen draws when several seeds run.
    public func medians(_ perSeed: (Int) -> [Double?]) -> [Double?] {
        let all = sweeps.indices.map(perSeed)
        return sweep.batchSizes.indices.map { point in
            SeedSpread.summary(all.compactMap { $0[point] })?.median
        }
    }

    /// The largest minus the smallest of the finished accuracies, `nil` before two are done.
    public static func spread(_ values: [Double?]) -> Double? {
        let done = values.compactMap { $0 }
        guard done.count >= 2, let low = done.min(), let high = done.max() else { return nil }
        return high - low
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("progress", sweep.progress)
        for n in sweep.batchSizes {
            record.append("bn_eval_accuracy_n\(n)", sweep.result(batchSize: n, variant: .batch)?.evaluation?.accuracy)
            record.append("gn_eval_accuracy_n\(n)", sweep.result(batchSize: n, variant: .group)?.evaluation?.accuracy)
            record.append("bn_train_mode_accuracy_n\(n)", sweep.result(batchSize: n, variant: .batch)?.trainModeAccuracy)
        }
        return record
    }
}

import NormMath

/// Wu & He's experiment (2018, Fig. 1) on the digits: the same conv net trained for the same
/// number of epochs at every batch size, with batch norm and with group norm, and judged on
/// held-out data in eval mode. The learning rate scales linearly with the batch (Goyal et al.
/// 2017), so that every point sees the same data for the same "distance" of SGD.
///
/// The work is split into chunks of about ``imagesPerChunk`` training images, so that a lesson
/// can run it a chunk per ``advance()`` and stay responsive.
public struct BatchSizeSweep: Sendable {
    /// One trained network: a batch size and a variant.
    public struct Point: Sendable {
        public let batchSize: Int
        public let variant: NormVariant
        public let learningRate: Double
        public let steps: Int
        /// Held-out accuracy and loss with every layer in eval mode (batch norm: running
        /// statistics), once trained.
        public var evaluation: Evaluation?
        /// Held-out accuracy with batch norm using the statistics of each held-out batch of
        /// the same size instead: what the network saw in training.
        public var trainModeAccuracy: Double?
    }

    public static let defaultBatchSizes = [32, 16, 8, 4, 2, 1]
    public static let variants: [NormVariant] = [.batch, .group]
    /// The batch size whose learning rate is the default one; others scale from it.
    public static let referenceBatch = 32
    public static let referenceLearningRate = 0.05
    public static let imagesPerChunk = 192

    public let epochs: Int
    public let batchSizes: [Int]
    public private(set) var points: [Point]
    /// The point being trained, `points.count` when the sweep is done.
    public private(set) var currentIndex = 0
    private var trainer: Trainer?
    /// Training steps of the current point done so far.
    public private(set) var stepsDone = 0
    private let data: Dataset
    private let base: ExperimentConfig
    /// Training images processed so far and in all, for the progress bar.
    public private(set) var imagesDone = 0
    public let imagesTotal: Int

    /// - Parameters:
    ///   - batchSizes: from large to small, as the chart reads.
    ///   - epochs: passes over the training split at every point.
    public init(batchSizes: [Int] = defaultBatchSizes, epochs: Int, seed: UInt64 = LessonSeeds.standard.first) {
        precondition(!batchSizes.isEmpty && batchSizes.allSatisfy { $0 >= 1 } && epochs >= 1, "a sweep needs batch sizes and epochs")
        self.epochs = epochs
        self.batchSizes = batchSizes
        var config = ExperimentConfig()
        config.seed = seed
        base = config
        do {
            data = try Dataset.make(base.dataset, height: base.shape.h, width: base.shape.w, seed: base.seed)
        } catch {
            preconditionFailure("the digits are part of the package: \(error)")
        }
        points = Self.plan(batchSizes: batchSizes, epochs: epochs)
        imagesTotal = points.reduce(0) { $0 + $1.steps * $1.batchSize }
    }

    /// The points of a sweep, untrained, from large batches to small, batch norm first at each.
    /// Known without building anything: the training split's size follows from the data set's
    /// class sizes (`Dataset.trainingCount(classSizes:)`, the rule `Trainer` splits by).
    public static func plan(batchSizes: [Int] = defaultBatchSizes, epochs: Int) -> [Point] {
        let base = ExperimentConfig()
        let trainingCount: Int
        do {
            let size = try Dataset.checkedSize(base.dataset, height: base.shape.h, width: base.shape.w)
            trainingCount = Dataset.trainingCount(
                classSizes: Dataset.classSizes(of: base.dataset, images: size.images, classes: size.classes))
        } catch {
            preconditionFailure("the digits are part of the package: \(error)")
        }
        return batchSizes.flatMap { n in
            variants.map { variant in
                Point(
                    batchSize: n, variant: variant,
                    learningRate: referenceLearningRate * Double(n) / Double(referenceBatch),
                    steps: (epochs * trainingCount + n - 1) / n)
            }
        }
    }

    /// Training steps in one chunk at batch size `n`: about ``imagesPerChunk`` images.
    public static func chunkSteps(batchSize n: Int) -> Int { max(1, imagesPerChunk / n) }

    /// How many ``advance()`` calls a whole sweep takes (if no run diverges): the step a claim
    /// about the finished sweep is judged at.
    public static func chunkCount(batchSizes: [Int] = defaultBatchSizes, epochs: Int) -> Int {
        plan(batchSizes: batchSizes, epochs: epochs).reduce(0) { count, point in
            let chunk = chunkSteps(batchSize: point.batchSize)
            return count + (point.steps + chunk - 1) / chunk
        }
    }

    /// The training steps still to do, point by point (batch size, steps): what the estimate
    /// of the remaining time is made from.
    public var remainingWork: [(batchSize: Int, steps: Int)] {
        points.indices.dropFirst(currentIndex).map { index in
            (points[index].batchSize, points[index].steps - (index == currentIndex ? stepsDone : 0))
        }
    }

    public var isFinished: Bool { currentIndex == points.count }
    public var progress: Double { Double(imagesDone) / Double(max(imagesTotal, 1)) }
    public var current: Point? { isFinished ? nil : points[currentIndex] }

    /// The configuration of point `point`: the default conv net on the digits at its batch size.
    public func config(of point: Point) -> ExperimentConfig {
        var config = base
        config.variant = point.variant
        config.shape.n = point.batchSize
        config.learningRate = point.learningRate
        config.evalEvery = 0
        return config
    }

    /// Trains the current point on about ``imagesPerChunk`` images; evaluates it and moves on
    /// when its steps are done.
    /// - Returns: the training steps taken (0 once the sweep is done).
    @discardableResult
    public mutating func advance() -> Int {
        guard let point = current else { return 0 }
        var run: Trainer
        if let trainer {
            run = trainer
        } else {
            do {
                run = try Trainer(config: config(of: point), data: data)
            } catch {
                preconditionFailure("sweep point refused: \(error)")
            }
            stepsDone = 0
        }
        let chunk = min(point.steps - stepsDone, Self.chunkSteps(batchSize: point.batchSize))
        var taken = 0
        for _ in 0..<chunk where !run.isDiverged {
            _ = run.step()
            taken += 1
        }
        stepsDone += taken
        imagesDone += taken * point.batchSize
        if stepsDone < point.steps, !run.isDiverged {
            trainer = run
            return taken
        }
        // A diverged run counts as done: its evaluation shows what became of it.
        imagesDone += (point.steps - stepsDone) * point.batchSize
        points[currentIndex].evaluation = run.evaluate()
        points[currentIndex].trainModeAccuracy = Self.trainModeAccuracy(of: run)
        trainer = nil
        currentIndex += 1
        stepsDone = 0
        return taken
    }

    /// Held-out accuracy with every layer in train mode, batches of the training batch size:
    /// batch norm normalizes with the statistics of the batch at hand, as in training.
    public static func trainModeAccuracy(of trainer: Trainer) -> Double {
        var network = trainer.network
        let n = trainer.config.shape.n, heldOut = trainer.heldOutSet
        var correct = 0, start = 0
        while start < heldOut.count {
            let end = min(start + n, heldOut.count)
            let batch = heldOut.batch(start..<end)
            guard let pass = try? network.forward(batch.images, batch: end - start, mode: .train) else { break }
            correct += SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount).correct
            start = end
        }
        return Double(correct) / Double(max(heldOut.count, 1))
    }

    /// The finished point for `batchSize` and `variant`, if it is done.
    public func result(batchSize: Int, variant: NormVariant) -> Point? {
        points.first { $0.batchSize == batchSize && $0.variant == variant && $0.evaluation != nil }
    }
}

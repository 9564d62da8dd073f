import NormMath

/// Lesson 6's experiment (glossary: "Reduzierung der internen Kovariatverschiebung"; Ioffe &
/// Szegedy 2015, Fig. 1): batch norm and no normalization side by side; each step, one
/// channel's ReLU input on a fixed held-out batch is measured in both, before the step's update.
public struct CovariateShiftEngine: LessonEngine {
    /// One run's record of the followed channel: its percentiles at every step (the last
    /// ``TrainingHistory/defaultCapacity``) and its values every ``ridgelineInterval`` steps.
    public struct Track: Sendable {
        public var p15 = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
        public var p50 = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
        public var p85 = RingBuffer<Double>(capacity: TrainingHistory.defaultCapacity)
        /// The 15th and 85th percentile when tracking began.
        public var initialP15: Double?
        public var initialP85: Double?
        public var ridgeline: [Distribution] = []

        public mutating func append(p15 low: Double, p50 median: Double, p85 high: Double) {
            if p15.totalAppended == 0 { (initialP15, initialP85) = (low, high) }
            p15.append(low)
            p50.append(median)
            p85.append(high)
        }

        /// How many times wider the 15–85 % range is now than when tracking began.
        public var widening: Double? {
            guard let low0 = initialP15, let high0 = initialP85, high0 > low0, let low = p15.last, let high = p85.last else { return nil }
            return (high - low) / (high0 - low0)
        }
    }

    /// The channel's values at one step, for a row of the histograms over time.
    public struct Distribution: Sendable {
        public var step: Int
        public var values: [Float]
        /// The 1st to the 99th percentile.
        public var span: ClosedRange<Double>
    }

    public static let ridgelineInterval = 10
    public static let ridgelineCapacity = 32

    public private(set) var pair: ComparedRuns
    public private(set) var block = 2
    public private(set) var channel = 0
    public private(set) var tracks: [Track] = [Track(), Track()]
    /// The step at which the followed channel was chosen (its curves start there).
    public private(set) var trackedFrom = 0
    /// Per seed and run, the followed channel's 15–85 % width when tracking began and at the
    /// latest of every ``ridgelineInterval`` steps: the widening on every seed, for the spread.
    /// Measured in `advance`, on the lesson's thread, since each is a forward pass.
    public private(set) var seedWidths: [[(start: Double, latest: Double)?]]

    /// Per seed, run and layer: the 15–85 % width of channel 0's ReLU input before the first
    /// step, what ``widening(_:seed:block:)`` compares with.
    public let startWidths: [[[Double]]]

    public var stepCount: Int { pair.stepCount }

    public init(seeds: LessonSeeds = .standard) {
        pair = ComparedRuns(preset: ExperimentConfig(), setting: CompareSetting(.variant, NormVariant.none.rawValue),
            names: ComparedRuns.normalizationNames, seeds: seeds)
        let pair = pair
        seedWidths = Array(repeating: Array(repeating: nil, count: pair.count), count: seeds.count)
        startWidths = seeds.all.indices.map { seed in
            (0..<pair.count).map { run in
                (0..<pair[0].trainer.config.depth).map { Self.middleWidth(pair.runs[run, seed: seed].trainer, block: $0) }
            }
        }
    }

    /// The 15–85 % width of channel `channel`'s ReLU input in `block` on the trainer's fixed
    /// held-out batch.
    public static func middleWidth(_ trainer: Trainer, block: Int, channel: Int = 0) -> Double {
        let levels = ChannelValues.percentiles(trainer.channelValues(block: block, channel: channel, on: trainer.probeBatch()).post, at: [15, 85])
        return levels[1] - levels[0]
    }

    /// How many times wider the 15–85 % range of channel 0's ReLU input in `block` is now than
    /// before the first step, in run `index` on seed number `seed`; `nil` once the run diverged.
    public func widening(_ index: Int, seed: Int = 0, block: Int) -> Double? {
        let trainer = pair.runs[index, seed: seed].trainer
        guard !trainer.isDiverged, startWidths[seed][index][block] > 0 else { return nil }
        return Self.middleWidth(trainer, block: block) / startWidths[seed][index][block]
    }

    /// How many times wider the followed channel's 15–85 % range is than when tracking began,
    /// in run `index` on every seed, as of the latest multiple of ``ridgelineInterval`` steps
    /// (`nan` where a run diverged).
    public func trackedWidening(_ index: Int) -> [Double] {
        seedWidths.map { runs in
            guard let widths = runs[index], widths.start > 0 else { return .nan }
            return widths.latest / widths.start
        }
    }

    public mutating func advance() {
        if (stepCount - trackedFrom) % Self.ridgelineInterval == 0 {
            for seed in seedWidths.indices {
                for index in 0..<pair.count {
                    let trainer = pair.runs[index, seed: seed].trainer
                    guard !trainer.isDiverged else {
                        seedWidths[seed][index] = nil
                        continue
                    }
                    let width = Self.middleWidth(trainer, block: block, channel: channel)
                    seedWidths[seed][index] = (seedWidths[seed][index]?.start ?? width, width)
                }
            }
        }
        for index in 0..<pair.count where !pair[index].trainer.isDiverged {
            let trainer = pair[index].trainer
            let values = trainer.channelValues(block: block, channel: channel, on: trainer.probeBatch()).post
            let levels = ChannelValues.percentiles(values, at: [1, 15, 50, 85, 99])
            tracks[index].append(p15: levels[1], p50: levels[2], p85: levels[3])
            if (stepCount - trackedFrom) % Self.ridgelineInterval == 0 {
                tracks[index].ridgeline.append(Distribution(step: stepCount, values: values, span: levels[0]...levels[4]))
                tracks[index].ridgeline = Array(tracks[index].ridgeline.suffix(Self.ridgelineCapacity))
            }
        }
        pair.step()
    }

    public var keys: [LessonKey] {
        [
            LessonKey("[", help: Localized(en: "layer −", de: "Schicht −")),
            LessonKey("]", help: Localized(en: "layer +", de: "Schicht +")),
            LessonKey("c", help: Localized(en: "channel +", de: "Kanal +")),
            LessonKey("C", help: Localized(en: "channel −", de: "Kanal −")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        let depth = pair[0].trainer.config.depth, channels = pair[0].trainer.config.shape.c
        switch key {
        case "]": block = min(depth - 1, block + 1)
        case "[": block = max(0, block - 1)
        case "c": channel = (channel + 1) % channels
        case "C": channel = (channel + channels - 1) % channels
        default: return nil
        }
        tracks = [Track(), Track()]
        seedWidths = seedWidths.map { $0.map { _ in nil } }
        trackedFrom = stepCount
        return Localized(
            en: "following layer \(block + 1), channel \(channel) from step \(stepCount)",
            de: "verfolge Schicht \(block + 1), Kanal \(channel) ab Schritt \(stepCount)")
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        record.append("layer", block + 1)
        record.append("channel", channel)
        for (prefix, track) in zip(["bn", "none"], tracks) {
            record.append("\(prefix)_p15", track.p15.last)
            record.append("\(prefix)_p50", track.p50.last)
            record.append("\(prefix)_p85", track.p85.last)
        }
        for (prefix, track) in zip(["bn", "none"], tracks) {
            record.append("\(prefix)_widening", track.widening)
        }
        return record
    }
}

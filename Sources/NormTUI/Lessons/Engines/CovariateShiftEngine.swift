import NormMath

/// Batch norm and no normalization side by side; each step, one channel's ReLU input on a
/// fixed held-out batch is measured in both, before the step's update.
struct CovariateShiftEngine: LessonEngine {
    /// One run's record of the followed channel.
    struct Track: Sendable {
        var p15: [Double] = []
        var p50: [Double] = []
        var p85: [Double] = []
        var ridgeline: [RidgelineView.Row] = []

        /// How many times wider the 15–85 % range is now than when tracking began.
        var widening: Double? {
            guard let first = p85.first, let last = p85.last, let low0 = p15.first, let low = p15.last, first > low0 else { return nil }
            return (last - low) / (first - low0)
        }
    }

    static let ridgelineInterval = 10
    static let ridgelineCapacity = 32

    private(set) var pair: ComparedRuns
    private(set) var block = 2
    private(set) var channel = 0
    private(set) var tracks: [Track] = [Track(), Track()]
    /// The step at which the followed channel was chosen (its curves start there).
    private(set) var trackedFrom = 0

    var stepCount: Int { pair.stepCount }

    init() {
        pair = ComparedRuns(preset: ExperimentConfig(), setting: CompareSetting(.variant, NormVariant.none.rawValue),
            names: ComparedRuns.normalizationNames)
    }

    mutating func advance() {
        for index in 0..<pair.count where !pair[index].trainer.isDiverged {
            let trainer = pair[index].trainer
            let values = trainer.channelValues(block: block, channel: channel, on: trainer.probeBatch()).post
            let levels = ChannelValues.percentiles(values, at: [1, 15, 50, 85, 99])
            tracks[index].p15.append(levels[1])
            tracks[index].p50.append(levels[2])
            tracks[index].p85.append(levels[3])
            if (stepCount - trackedFrom) % Self.ridgelineInterval == 0 {
                tracks[index].ridgeline.append(RidgelineView.Row(label: "\(stepCount)", values: values, span: levels[0]...levels[4]))
                tracks[index].ridgeline = Array(tracks[index].ridgeline.suffix(Self.ridgelineCapacity))
            }
        }
        pair.step()
    }

    var keys: [LessonKey] {
        [
            LessonKey("[", help: Localized(en: "layer −", de: "Schicht −")),
            LessonKey("]", help: Localized(en: "layer +", de: "Schicht +")),
            LessonKey("c", help: Localized(en: "channel +", de: "Kanal +")),
            LessonKey("C", help: Localized(en: "channel −", de: "Kanal −")),
        ]
    }

    mutating func handle(_ key: Character) -> Localized? {
        let depth = pair[0].trainer.config.depth, channels = pair[0].trainer.config.shape.c
        switch key {
        case "]": block = min(depth - 1, block + 1)
        case "[": block = max(0, block - 1)
        case "c": channel = (channel + 1) % channels
        case "C": channel = (channel + channels - 1) % channels
        default: return nil
        }
        tracks = [Track(), Track()]
        trackedFrom = stepCount
        return Localized(
            en: "following layer \(block + 1), channel \(channel) from step \(stepCount)",
            de: "verfolge Schicht \(block + 1), Kanal \(channel) ab Schritt \(stepCount)")
    }

    func record() -> LessonRecord {
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

import NormMath

/// Lesson 4's experiment: shapes whose contrast and brightness vary per image (the `contrast`
/// set). One channel of the first conv layer's output, for a fixed held-out batch, normalized
/// four ways with γ = 1, β = 0 — and two networks, batch norm and instance norm, training on it.
public struct InstanceStyleEngine: LessonEngine {
    /// The variants the lower picture row can show; batch norm is always shown above it.
    public static let comparedVariants: [NormVariant] = [.instance, .group, .layer]
    public static let allVariants: [NormVariant] = [.batch, .instance, .group, .layer]

    public private(set) var runs: RunSet
    public private(set) var stepCount = 0
    public private(set) var compared: NormVariant = .instance
    public private(set) var channel = 0
    /// The held-out batch every picture and statistic is computed on.
    public let probe: Batch

    public init(seeds: LessonSeeds = .standard) {
        var batch = ExperimentConfig()
        batch.dataset = "contrast"
        var instance = batch
        instance.variant = .instance
        runs = RunSet([
            (Localized(en: "Batch Norm", de: "Batch Norm"), batch),
            (Localized(en: "Instance Norm", de: "Instance Norm"), instance),
        ], seeds: seeds.all)
        probe = runs[0].trainer.probeBatch()
    }

    public mutating func advance() {
        runs.step()
        stepCount += 1
    }

    public var keys: [LessonKey] {
        [
            LessonKey("v", help: Localized(en: "IN/GN/LN", de: "IN/GN/LN")),
            LessonKey("c", help: Localized(en: "channel", de: "Kanal")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "v":
            let index = Self.comparedVariants.firstIndex(of: compared) ?? 0
            compared = Self.comparedVariants[(index + 1) % Self.comparedVariants.count]
            return Localized(en: "lower row: \(compared.displayName)", de: "untere Reihe: \(compared.displayName)")
        case "c":
            channel = (channel + 1) % runs[0].trainer.config.shape.c
            return Localized(en: "channel \(channel + 1)", de: "Kanal \(channel + 1)")
        default:
            return nil
        }
    }

    /// The probe batch through the Batch Norm network's first convolution: the input of its
    /// first normalization layer, `[N, C, H, W]`, on seed number `seed` (0: the screen's).
    public func preActivations(seed: Int = 0) -> (values: [Float], shape: TensorShape) {
        let trainer = runs[0, seed: seed].trainer, network = trainer.network
        let probe = seed == 0 ? probe : trainer.probeBatch()
        let shape = TensorShape(n: probe.shape.n, c: network.activationShape.c, h: probe.shape.h, w: probe.shape.w)
        guard case .conv(let conv) = network.blocks[0].transform else {
            preconditionFailure("the lesson's preset is a conv net")
        }
        return (conv.forward(probe.images, shape: probe.shape), shape)
    }

    /// The pre-activations normalized by a fresh layer of `variant` (γ = 1, β = 0, train mode:
    /// the statistics of this batch).
    public static func normalized(_ x: [Float], shape: TensorShape, variant: NormVariant) -> [Float] {
        var layer = Normalization(config: NormalizationConfig(variant: variant, groups: 4), channels: shape.c)
        do {
            return try layer.forward(x, shape: shape, mode: .train).y
        } catch {
            preconditionFailure("the probe batch is normalizable by every variant: \(error)")
        }
    }

    /// Channel `channel` of the probe batch: the input, before normalization, and after each
    /// variant, on seed number `seed` (0: the screen's).
    public func planes(seed: Int = 0) -> (input: ChannelPlanes, before: ChannelPlanes, after: [NormVariant: ChannelPlanes]) {
        let (x, shape) = preActivations(seed: seed)
        let probe = seed == 0 ? probe : runs[0, seed: seed].trainer.probeBatch()
        var after: [NormVariant: ChannelPlanes] = [:]
        for variant in Self.allVariants {
            after[variant] = ChannelPlanes(Self.normalized(x, shape: shape, variant: variant), shape: shape, channel: channel)
        }
        return (ChannelPlanes(probe.images, shape: probe.shape, channel: 0), ChannelPlanes(x, shape: shape, channel: channel), after)
    }

    /// Largest over smallest per-image σ: how much contrast a layer leaves between images.
    public static func spread(_ planes: ChannelPlanes) -> Double {
        let stds = planes.statistics.map(\.std)
        return (stds.max() ?? .nan) / (stds.min() ?? .nan)
    }

    /// The held-out accuracy (eval mode, every 25 steps) of run `index` (0: Batch Norm,
    /// 1: Instance Norm) on seed number `seed`, at its latest evaluation.
    public func heldOutAccuracy(_ index: Int, seed: Int = 0) -> Double? {
        runs[index, seed: seed].history.evaluations.last?.evaluation.accuracy
    }

    /// The evaluations of run `index` on seed number `seed` so far (the last
    /// ``TrainingHistory/defaultCapacity``): (step, held-out accuracy).
    public func heldOutAccuracies(_ index: Int, seed: Int = 0) -> [(step: Int, accuracy: Double)] {
        runs[index, seed: seed].history.evaluations.elements.map { ($0.step, $0.evaluation.accuracy) }
    }

    public func record() -> LessonRecord {
        let (_, before, after) = planes()
        var record = LessonRecord(step: stepCount)
        record.append("channel", channel + 1)
        record.append("before_std_spread", Self.spread(before))
        for variant in Self.allVariants {
            record.append("\(variant.rawValue)_std_spread", Self.spread(after[variant]!))
        }
        record.append("bn_loss", runs[0].history.loss.last)
        record.append("in_loss", runs[1].history.loss.last)
        record.append("bn_eval_accuracy", runs[0].history.evaluations.last?.evaluation.accuracy)
        record.append("in_eval_accuracy", runs[1].history.evaluations.last?.evaluation.accuracy)
        return record
    }
}

import Foundation
import NormMath

/// Lesson 13's experiment (glossary: "Adaptive Normalisierung"; Huang & Belongie 2017): a conv
/// network with instance norm trained on `contrast`; each step trains it once and recomputes
/// the first block's feature maps of a content and a style image, and AdaIN.
public struct AdaINEngine: LessonEngine {
    public static let config: ExperimentConfig = {
        var config = ExperimentConfig()
        config.dataset = .contrast
        config.variant = .instance
        config.shape = TensorShape(n: 16, c: 8, h: 16, w: 16)
        return config
    }()

    public var run: RunSet
    public private(set) var stepCount = 0
    /// Held-out images: the content and the style.
    public private(set) var contentIndex = 0
    public private(set) var styleIndex: Int
    /// The channel drawn as heatmaps.
    public private(set) var channel = 0
    public private(set) var transfer: StyleTransfer

    public init(seeds: LessonSeeds = .standard) {
        run = RunSet([(Localized(en: "Instance Norm", de: "Instance Norm"), Self.config)], seeds: seeds.all)
        let images = run[0].trainer.heldOutSet
        // The style: among the first 32 images of another shape (class), the one whose contrast
        // differs most from the content's, so that neither layout nor contrast is shared.
        let size = images.imageSize
        let spread = { (index: Int) in SampleStatistics(images.images[(index * size)..<((index + 1) * size)]).standardDeviation }
        let contentSpread = spread(0)
        let candidates = (1..<min(32, images.count)).filter { images.labels[$0] != images.labels[0] }
        styleIndex = candidates.max { abs(log(spread($0) / contentSpread)) < abs(log(spread($1) / contentSpread)) } ?? 1
        transfer = StyleTransfer(trainer: run[0].trainer, content: 0, style: styleIndex)
    }

    public mutating func advance() {
        if stepCount > 0 { run.step() }
        stepCount += 1
        refresh()
    }

    public mutating func refresh() {
        transfer = StyleTransfer(trainer: run[0].trainer, content: contentIndex, style: styleIndex)
    }

    public var keys: [LessonKey] {
        [
            LessonKey("c", help: Localized(en: "channel", de: "Kanal")),
            LessonKey("i", help: Localized(en: "next style", de: "nächster Stil")),
            LessonKey("x", help: Localized(en: "swap", de: "tauschen")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        let count = run[0].trainer.heldOutSet.count
        switch key {
        case "c":
            channel = (channel + 1) % Self.config.shape.c
            return Localized(en: "channel \(channel)", de: "Kanal \(channel)")
        case "i":
            styleIndex = (styleIndex + 1) % count
            if styleIndex == contentIndex { styleIndex = (styleIndex + 1) % count }
        case "x":
            swap(&contentIndex, &styleIndex)
        default: return nil
        }
        refresh()
        return Localized(en: "content: image \(contentIndex), style: image \(styleIndex)",
                         de: "Inhalt: Bild \(contentIndex), Stil: Bild \(styleIndex)")
    }

    // MARK: - Headless record

    public func record() -> LessonRecord {
        let rows = transfer.channels
        var record = LessonRecord(step: stepCount)
        record.append("loss", run[0].history.loss.last)
        record.append("channel", channel)
        record.append("max_mean_gap", rows.map { abs($0.adain.mean - $0.style.mean) }.max() ?? .nan)
        record.append("max_std_gap", rows.map { abs($0.adain.standardDeviation - $0.style.standardDeviation) }.max() ?? .nan)
        record.append("min_correlation_with_content", rows.map(\.correlationWithContent).min() ?? .nan)
        record.append("mean_correlation_with_style", rows.map(\.correlationWithStyle).reduce(0, +) / Double(max(rows.count, 1)))
        return record
    }
}

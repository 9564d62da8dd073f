import Foundation
import NormMath

/// Lesson 17's experiment (glossary: "Adaptive Normalisierung"; Huang & Belongie 2017): a conv
/// network with instance norm trained on `contrast`; each step trains it once and recomputes
/// the first block's feature maps of a content and a style image, and AdaIN — on every seed of
/// the lesson, each with its own held-out images.
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
    /// Per seed, the held-out images used as content and style; the first seed's are the
    /// screen's, which `i` and `x` change.
    public private(set) var pairs: [(content: Int, style: Int)]
    /// The channel drawn as heatmaps.
    public private(set) var channel = 0
    /// Whether the three feature maps share one grey scale (brightness and contrast compare) or
    /// each has its own (the content's layout shows, however flat its values).
    public private(set) var sharedScale = true
    /// Per seed, AdaIN on that seed's network and pair (``pairs``).
    public private(set) var transfers: [StyleTransfer]

    public init(seeds: LessonSeeds = .standard) {
        run = RunSet([(Localized(en: "Instance Norm", de: "Instance Norm"), Self.config)], seeds: seeds.all)
        let run = run
        pairs = run.seeds.indices.map { (0, Self.styleImage(for: 0, in: run[0, seed: $0].trainer.heldOutSet)) }
        transfers = []
        refresh()
    }

    /// The style for content image `content`: among the first 32 held-out images of another shape
    /// (class), the one whose contrast differs most from the content's, so that neither layout
    /// nor contrast is shared.
    public static func styleImage(for content: Int, in images: Dataset) -> Int {
        let size = images.imageSize
        let spread = { (index: Int) in SampleStatistics(images.images[(index * size)..<((index + 1) * size)]).standardDeviation }
        let contentSpread = spread(content)
        let candidates = (0..<min(32, images.count)).filter { images.labels[$0] != images.labels[content] }
        return candidates.max { abs(log(spread($0) / contentSpread)) < abs(log(spread($1) / contentSpread)) } ?? (content + 1) % images.count
    }

    /// The screen's images and AdaIN (the first seed's).
    public var transfer: StyleTransfer { transfers[0] }
    public var contentIndex: Int { pairs[0].content }
    public var styleIndex: Int { pairs[0].style }

    public mutating func advance() {
        if stepCount > 0 { run.step() }
        stepCount += 1
        refresh()
    }

    public mutating func refresh() {
        transfers = run.seeds.indices.map { seed in
            StyleTransfer(trainer: run[0, seed: seed].trainer, content: pairs[seed].content, style: pairs[seed].style)
        }
    }

    public var keys: [LessonKey] {
        [
            LessonKey("c", help: Localized(en: "channel", de: "Kanal")),
            LessonKey("g", help: Localized(en: "grey scale", de: "Grauskala")),
            LessonKey("i", help: Localized(en: "next style", de: "nächster Stil")),
            LessonKey("x", help: Localized(en: "swap", de: "tauschen")),
        ]
    }

    /// `c` and `g` only change what is drawn — the panel's title says which channel and which
    /// scale — so they say nothing in the status line, and the claims are still judged; `i` and
    /// `x` change the images the claims are about.
    public mutating func handle(_ key: Character) -> Localized? {
        let count = run[0].trainer.heldOutSet.count
        switch key {
        case "c":
            channel = (channel + 1) % Self.config.shape.c
            return nil
        case "g":
            sharedScale.toggle()
            return nil
        case "i":
            pairs[0].style = (pairs[0].style + 1) % count
            if pairs[0].style == pairs[0].content { pairs[0].style = (pairs[0].style + 1) % count }
        case "x":
            pairs[0] = (pairs[0].style, pairs[0].content)
        default: return nil
        }
        refresh()
        return Localized(en: "content: image \(contentIndex), style: image \(styleIndex)",
                         de: "Inhalt: Bild \(contentIndex), Stil: Bild \(styleIndex)")
    }

    // MARK: - Measurements for the claims

    /// The largest gap, over the channels, between the AdaIN map's μ and σ and the style's,
    /// relative to the style's σ, on seed number `seed`.
    public func largestStatisticsGap(seed: Int = 0) -> Double {
        transfers[seed].channels.map { row in
            max(abs(row.adain.mean - row.style.mean), abs(row.adain.standardDeviation - row.style.standardDeviation))
                / row.style.standardDeviation
        }.max() ?? .nan
    }

    /// The smallest correlation, over the channels, of the AdaIN map with the content's.
    public func smallestContentCorrelation(seed: Int = 0) -> Double {
        transfers[seed].channels.map(\.correlationWithContent).min() ?? .nan
    }

    /// The largest gap, over the channels, between the AdaIN map's correlation with the style's
    /// and the content map's own: how much of the style's layout AdaIN added.
    public func largestStyleCorrelationGain(seed: Int = 0) -> Double {
        transfers[seed].channels.map { abs($0.correlationWithStyle - $0.contentCorrelationWithStyle) }.max() ?? .nan
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

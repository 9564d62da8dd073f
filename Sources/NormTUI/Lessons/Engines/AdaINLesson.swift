import Foundation
import NormMath

/// Lesson 13, "Adaptive Normalisierung": AdaIN (Huang & Belongie 2017) gives one image's
/// feature maps the per-channel μ and σ of another's. The layout stays the content's; the
/// brightness and contrast — the "style" — become the style image's.
enum AdaINLesson {
    static let lesson = Lesson(
        id: "adain", number: 13, section: "Aktueller Forschungsstand / Adaptive Normalisierung",
        title: Localized(en: "AdaIN: statistics are style", de: "AdaIN: Statistik ist Stil"),
        summary: Localized(
            en: "a content image's feature maps get a style image's per-channel μ and σ: same layout, new contrast and brightness",
            de: "die Feature-Maps eines Inhaltsbildes bekommen μ und σ pro Kanal eines Stilbildes: gleiche Anordnung, neuer Kontrast und neue Helligkeit"),
        pages: [
            LessonPage(
                title: Localized(en: "Swap the statistics", de: "Statistik tauschen"),
                text: Localized(
                    en: """
                    Adaptive instance normalization: AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s), per channel.

                    Instance norm removes the content's own μ and σ; the style's take the place of β and γ. The parameters of the normalization are no longer learned constants but come from another input — the glossary's "dynamische Anpassung der Normalisierungsparameter".

                    Top: the two input images. Below: one channel of the first conv block's feature maps for content, style and the AdaIN result, all on one grey scale.
                    """,
                    de: """
                    Adaptive Instance Normalization: AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s), pro Kanal.

                    Instance Normalization entfernt μ und σ des Inhalts; die des Stils treten an die Stelle von β und γ. Die Normalisierungsparameter sind keine gelernten Konstanten mehr, sondern kommen aus einer anderen Eingabe — die „dynamische Anpassung der Normalisierungsparameter“ des Glossars.

                    Oben: die beiden Eingabebilder. Darunter: ein Kanal der Feature-Maps des ersten Faltungsblocks für Inhalt, Stil und das AdaIN-Ergebnis, alle auf einer Grauskala.
                    """)),
            LessonPage(
                title: Localized(en: "What to look for", de: "Worauf achten"),
                text: Localized(
                    en: """
                    • The AdaIN map has the content's shape: its correlation with the content map is 1 — AdaIN is a positive affine map per channel.
                    • Its brightness and contrast are the style's: in the table, μ and σ of every channel equal the style's.
                    • Its correlation with the style map is whatever the two shapes share — the style's layout is not copied.

                    c picks the channel, i the next style image, x swaps content and style. Space trains the network on; the features change, the three claims stay.
                    """,
                    de: """
                    • Die AdaIN-Map hat die Form des Inhalts: ihre Korrelation mit der Inhalts-Map ist 1 — AdaIN ist pro Kanal eine positive affine Abbildung.
                    • Helligkeit und Kontrast sind die des Stils: in der Tabelle gleichen μ und σ jedes Kanals denen des Stils.
                    • Die Korrelation mit der Stil-Map ist nur, was beide Formen gemeinsam haben — die Anordnung des Stils wird nicht kopiert.

                    c wählt den Kanal, i das nächste Stilbild, x tauscht Inhalt und Stil. Die Leertaste trainiert das Netz weiter; die Features ändern sich, die drei Aussagen bleiben.
                    """)),
            LessonPage(
                title: Localized(en: "Why style is statistics", de: "Warum Stil Statistik ist"),
                text: Localized(
                    en: """
                    Instance norm is used in style transfer because the per-channel mean and variance of feature maps carry much of an image's style (contrast, brightness, texture strength) and little of its content.

                    A decoder trained to invert these features turns the AdaIN features into a stylized image in one pass (Huang & Belongie 2017). Conditional normalization for controlled generation (StyleGAN, FiLM, SPADE) uses the same idea: the statistics are set from outside.
                    """,
                    de: """
                    Instance Normalization wird im Stil-Transfer verwendet, weil Mittelwert und Varianz der Feature-Maps pro Kanal viel vom Stil eines Bildes (Kontrast, Helligkeit, Texturstärke) und wenig von seinem Inhalt tragen — Erhalt inhaltlicher Informationen bei Entfernung stilistischer Varianz.

                    Ein Decoder, der diese Features umkehrt, macht aus den AdaIN-Features in einem Durchgang ein stilisiertes Bild (Huang & Belongie 2017). Conditional Normalization für kontrollierte Generierung (StyleGAN, FiLM, SPADE) nutzt dieselbe Idee: die Statistik wird von außen gesetzt.
                    """)),
        ],
        makeEngine: { AdaINEngine() })
}

/// A conv network with instance norm trained on `contrast`; each step trains it once and
/// recomputes the first block's feature maps of a content and a style image, and AdaIN.
struct AdaINEngine: LessonEngine {
    static let config: ExperimentConfig = {
        var config = ExperimentConfig()
        config.dataset = DatasetName.contrast.rawValue
        config.variant = .instance
        config.shape = TensorShape(n: 16, c: 8, h: 16, w: 16)
        return config
    }()

    var run: LessonRuns
    private(set) var stepCount = 0
    /// Held-out images: the content and the style.
    private(set) var contentIndex = 0
    private(set) var styleIndex: Int
    /// The channel drawn as heatmaps.
    private(set) var channel = 0
    private(set) var transfer: StyleTransfer

    init() {
        run = LessonRuns([(Localized(en: "Instance Norm", de: "Instance Norm"), Self.config)])
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

    mutating func advance() {
        if stepCount > 0 { run.step() }
        stepCount += 1
        refresh()
    }

    mutating func refresh() {
        transfer = StyleTransfer(trainer: run[0].trainer, content: contentIndex, style: styleIndex)
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("c"), label: "c", help: Localized(en: "channel", de: "Kanal")),
            LessonKey(key: .character("i"), label: "i", help: Localized(en: "next style", de: "nächster Stil")),
            LessonKey(key: .character("x"), label: "x", help: Localized(en: "swap", de: "tauschen")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        let count = run[0].trainer.heldOutSet.count
        switch key {
        case .character("c"):
            channel = (channel + 1) % Self.config.shape.c
            return Localized(en: "channel \(channel)", de: "Kanal \(channel)")
        case .character("i"):
            styleIndex = (styleIndex + 1) % count
            if styleIndex == contentIndex { styleIndex = (styleIndex + 1) % count }
        case .character("x"):
            swap(&contentIndex, &styleIndex)
        default: return nil
        }
        refresh()
        return Localized(en: "content: image \(contentIndex), style: image \(styleIndex)",
                         de: "Inhalt: Bild \(contentIndex), Stil: Bild \(styleIndex)")
    }

    // MARK: - Screen

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let de = context.language == .de, glyphs = context.glyphs
        let imageSize = Self.config.shape.h
        let mapRows = (imageSize + 1) / 2 + 2  // label, picture, statistics line
        let roomy = rect.height >= 30
        let lengths: [Rect.Length] = roomy ? [.fixed(mapRows + 2), .fixed(mapRows + 2), .fill] : [.fixed(mapRows + 2), .fill]
        let areas = rect.rows(lengths)
        var next = 0
        if roomy {
            let inner = Panel(title: de ? "Eingabebilder (jedes auf eigener Skala)" : "input images (each on its own scale)")
                .render(into: &grid, in: areas[0], glyphs: glyphs)
            drawMaps([(de ? "Inhalt #\(contentIndex)" : "content #\(contentIndex)", transfer.contentImage, nil),
                      (de ? "Stil #\(styleIndex)" : "style #\(styleIndex)", transfer.styleImage, nil)],
                     width: imageSize, into: &grid, in: inner.inset(left: 1), glyphs: glyphs)
            next = 1
        }
        let title = de ? "Block 1, Kanal \(channel) von \(Self.config.shape.c), eine Grauskala"
            : "block 1, channel \(channel) of \(Self.config.shape.c), one grey scale"
        let inner = Panel(title: title).render(into: &grid, in: areas[next], glyphs: glyphs)
        let maps = [transfer.content, transfer.style, transfer.adain].map { transfer.plane($0, channel: channel) }
        let range = Self.commonRange(maps)
        drawMaps([(de ? "Inhalt" : "content", maps[0], range), (de ? "Stil" : "style", maps[1], range), ("AdaIN", maps[2], range)],
                 width: imageSize, into: &grid, in: inner.inset(left: 1), glyphs: glyphs)
        let table = Panel(title: de ? "pro Kanal: μ, σ und Korrelation mit dem Inhalt" : "per channel: μ, σ and correlation with the content")
            .render(into: &grid, in: areas[next + 1], glyphs: glyphs)
        let tableArea = table.inset(left: 1, right: 1)
        channelTable(context.language, width: tableArea.width).render(into: &grid, in: tableArea, glyphs: glyphs)
    }

    /// Pictures side by side, each with a label above and its μ and σ below; a `nil` range
    /// draws a picture on its own scale.
    func drawMaps(_ maps: [(String, [Float], ClosedRange<Double>?)], width: Int, into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let gap = 2
        let slot = max(1, min(width, (rect.width - gap * (maps.count - 1)) / maps.count))
        for (index, map) in maps.enumerated() {
            let x = rect.x + index * (slot + gap)
            let area = Rect(x: x, y: rect.y, width: slot, height: rect.height - 1)
            let heatmap = Heatmap(flat: map.1, width: width, range: map.2, label: map.0)
            heatmap.render(into: &grid, in: area, glyphs: glyphs)
            let statistics = SampleStatistics(map.1)
            let line = "\(glyphs.mu) \(NumberFormat.short(statistics.mean)) \(glyphs.sigma) \(NumberFormat.short(statistics.standardDeviation))"
            grid.put(text: line, at: Point(x: x, y: heatmap.footprint(in: area).maxY), style: .dim,
                     clip: Rect(x: x, y: rect.y, width: slot, height: rect.height))
        }
    }

    /// The smallest range that holds every picture: one grey scale for all of them, so
    /// brightness and contrast compare.
    static func commonRange(_ pictures: [[Float]]) -> ClosedRange<Double> {
        let all = pictures.joined()
        let low = Double(all.min() ?? 0), high = Double(all.max() ?? 0)
        return low...max(high, low)
    }

    /// The table of every channel; narrow screens leave out the content's μ and σ, so the
    /// correlations still show.
    func channelTable(_ language: Language, width: Int) -> Table {
        let f = { (value: Double) in NumberFormat.short(value) }
        let withContent = width >= 75
        let rows = transfer.channels.enumerated().map { c, row in
            ["\(c)"] + (withContent ? [f(row.content.mean), f(row.content.standardDeviation)] : [])
                + [f(row.style.mean), f(row.style.standardDeviation), f(row.adain.mean), f(row.adain.standardDeviation),
                   f(row.correlationWithContent), f(row.correlationWithStyle)]
        }
        let de = language == .de
        let contentTitles = withContent ? [de ? "μ Inh." : "μ cont.", de ? "σ Inh." : "σ cont."] : []
        let titles = contentTitles + ["μ " + (de ? "Stil" : "style"), "σ " + (de ? "Stil" : "style"),
                                      "μ AdaIN", "σ AdaIN", de ? "r Inh." : "r cont.", de ? "r Stil" : "r style"]
        return Table(
            columns: [Table.Column(de ? "Kanal" : "ch")] + titles.map { Table.Column($0, alignment: .right) },
            rows: rows, selectedRow: channel)
    }

    // MARK: - Headless record

    func record() -> LessonRecord {
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

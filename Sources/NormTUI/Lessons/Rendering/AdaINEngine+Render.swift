import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 17's screen: the two input images (on a tall screen), one channel of content, style
/// and AdaIN features on one grey scale or each on its own (`g`), and the per-channel table of
/// μ, σ and correlations.
extension AdaINEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let imageSize = Self.config.shape.h
        let mapRows = (imageSize + 1) / 2 + 2  // label, picture, statistics line
        let roomy = rect.height >= 30
        let lengths: [Rect.Length] = roomy ? [.fixed(mapRows + 2), .fixed(mapRows + 2), .fill] : [.fixed(mapRows + 2), .fill]
        let areas = rect.rows(lengths)
        var next = 0
        if roomy {
            let inner = Panel(title: Localized(
                en: "input images (each on its own scale)",
                de: "Eingabebilder (jedes auf eigener Skala)")(language))
                .render(into: &grid, in: areas[0], glyphs: glyphs)
            drawMaps([(Localized(en: "content #\(contentIndex)", de: "Inhalt #\(contentIndex)")(language), transfer.contentImage, nil),
                      (Localized(en: "style #\(styleIndex)", de: "Stil #\(styleIndex)")(language), transfer.styleImage, nil)],
                     width: imageSize, into: &grid, in: inner.inset(left: 1), glyphs: glyphs)
            next = 1
        }
        let title = sharedScale
            ? Localized(
                en: "block 1, channel \(channel) of \(Self.config.shape.c), one grey scale",
                de: "Block 1, Kanal \(channel) von \(Self.config.shape.c), eine Grauskala")(language)
            : Localized(
                en: "block 1, channel \(channel) of \(Self.config.shape.c), own scale each",
                de: "Block 1, Kanal \(channel) von \(Self.config.shape.c), je eigene Skala")(language)
        let inner = Panel(title: title).render(into: &grid, in: areas[next], glyphs: glyphs)
        let maps = [transfer.content, transfer.style, transfer.adain].map { transfer.plane($0, channel: channel) }
        // nil: each picture on its own scale (Heatmap's default).
        let range = sharedScale ? Self.commonRange(maps) : nil
        drawMaps([(Localized(
            en: "content",
            de: "Inhalt")(language), maps[0], range), (Localized(
            en: "style",
            de: "Stil")(language), maps[1], range), ("AdaIN", maps[2], range)],
                 width: imageSize, into: &grid, in: inner.inset(left: 1), glyphs: glyphs)
        let table = Panel(title: Localized(
            en: "per channel: μ, σ and correlations r",
            de: "pro Kanal: μ, σ und Korrelationen r")(language))
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

    /// The table of every channel; narrower screens leave out first the content's μ and σ, then
    /// the style's (each channel's map shows them below its picture), so both correlations
    /// still show.
    func channelTable(_ language: Language, width: Int) -> Table {
        let f = { (value: Double) in NumberFormat.short(value) }
        let withContent = width >= 75, withStyle = width >= 60
        let rows = transfer.channels.enumerated().map { c, row in
            ["\(c)"] + (withContent ? [f(row.content.mean), f(row.content.standardDeviation)] : [])
                + (withStyle ? [f(row.style.mean), f(row.style.standardDeviation)] : [])
                + [f(row.adain.mean), f(row.adain.standardDeviation), f(row.correlationWithContent), f(row.correlationWithStyle)]
        }
        let contentTitles = withContent ? [Localized(
            en: "μ cont.",
            de: "μ Inh.")(language), Localized(
            en: "σ cont.",
            de: "σ Inh.")(language)] : []
        let styleTitles = withStyle ? ["μ " + (Localized(
            en: "style",
            de: "Stil")(language)), "σ " + (Localized(
            en: "style",
            de: "Stil")(language))] : []
        let titles = contentTitles + styleTitles + [
                                      "μ AdaIN", "σ AdaIN", Localized(
                                          en: "r cont.",
                                          de: "r Inh.")(language), Localized(
                                          en: "r style",
                                          de: "r Stil")(language)]
        return Table(
            columns: [Table.Column(Localized(en: "ch", de: "Kanal")(language))] + titles.map { Table.Column($0, alignment: .right) },
            rows: rows, selectedRow: channel)
    }
}

/// Wrapped text that may be longer than its rectangle: it shows the lines from `scroll` on,
/// and when they do not all fit the last row says how many remain, so a class sees that the
/// text goes on instead of reading a page that ends mid-sentence.
///
///     … the running estimates are used in
///     ↓ 6 more lines
public struct ScrollingText: Widget {
    public var text: String
    public var style = Style.plain
    /// Wrapped lines skipped at the top; clamped to ``maximumScroll(of:width:height:)``.
    public var scroll: Int

    public init(_ text: String, style: Style = .plain, scroll: Int = 0) {
        self.text = text
        self.style = style
        self.scroll = scroll
    }

    /// The largest useful `scroll` for `text` in a `width`×`height` rectangle: 0 when it fits,
    /// else the offset that shows the last line above the indicator row.
    public static func maximumScroll(of text: String, width: Int, height: Int) -> Int {
        let count = TextBlock.wrap(text, width: width).count
        guard count > height, height > 1 else { return 0 }
        return count - (height - 1)
    }

    /// The indicator's words, kept here so they are easy to find and translate.
    static func more(_ count: Int, glyphs: GlyphSet) -> String {
        "\(glyphs.arrowDown) \(count) more line\(count == 1 ? "" : "s")"
    }

    static func above(_ count: Int, glyphs: GlyphSet) -> String {
        "\(glyphs.arrowUp) \(count) line\(count == 1 ? "" : "s") above"
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let lines = TextBlock.wrap(text, width: rect.width)
        guard lines.count > rect.height, rect.height > 1 else {
            TextBlock(text, style: style).render(into: &grid, in: rect, glyphs: glyphs)
            return
        }
        let shown = rect.height - 1
        let offset = min(max(0, scroll), lines.count - shown)
        for (row, line) in lines[offset..<offset + shown].enumerated() {
            grid.put(text: line, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
        let below = lines.count - offset - shown
        let indicator = below > 0 ? Self.more(below, glyphs: glyphs) : Self.above(offset, glyphs: glyphs)
        grid.put(text: Text.truncated(indicator, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.maxY - 1),
                 style: Style(foreground: .yellow, bold: true), clip: rect)
    }
}

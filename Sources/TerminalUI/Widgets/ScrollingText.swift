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
    /// The indicator's words after the arrow: lines below ("6 more lines") and lines above
    /// ("3 lines above"), in the screen's language.
    public var labels = Labels()

    /// What the indicator row says; English unless the caller brings its own words.
    public struct Labels: Sendable {
        public var more: @Sendable (Int) -> String
        public var above: @Sendable (Int) -> String

        public init(
            more: @escaping @Sendable (Int) -> String = { "\($0) more line\($0 == 1 ? "" : "s")" },
            above: @escaping @Sendable (Int) -> String = { "\($0) line\($0 == 1 ? "" : "s") above" }
        ) {
            self.more = more
            self.above = above
        }
    }

    public init(_ text: String, style: Style = .plain, scroll: Int = 0, labels: Labels = Labels()) {
        self.text = text
        self.style = style
        self.scroll = scroll
        self.labels = labels
    }

    /// The largest useful `scroll` for `text` in a `width`×`height` rectangle: 0 when it fits,
    /// else the offset that shows the last line above the indicator row.
    public static func maximumScroll(of text: String, width: Int, height: Int) -> Int {
        let count = TextBlock.wrap(text, width: width).count
        guard count > height, height > 1 else { return 0 }
        return count - (height - 1)
    }

    func more(_ count: Int, glyphs: GlyphSet) -> String { "\(glyphs.arrowDown) \(labels.more(count))" }

    func above(_ count: Int, glyphs: GlyphSet) -> String { "\(glyphs.arrowUp) \(labels.above(count))" }

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
        let indicator = below > 0 ? more(below, glyphs: glyphs) : above(offset, glyphs: glyphs)
        grid.put(text: Text.truncated(indicator, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.maxY - 1),
                 style: Style(foreground: .yellow, bold: true), clip: rect)
    }
}

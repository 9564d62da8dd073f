/// Paragraphs word-wrapped to the width at hand. Each `\n` starts a new line, an empty line
/// stays empty; a word longer than the width is broken. Lines below the rectangle are cut.
public struct TextBlock: Widget {
    public var text: String
    public var style = Style.plain
    /// Wrapped lines skipped at the top, for scrolling long text.
    public var scroll = 0

    public init(_ text: String, style: Style = .plain, scroll: Int = 0) {
        self.text = text
        self.style = style
        self.scroll = scroll
    }

    /// The lines `text` wraps into at `width` columns (none for width 0), so a caller can size
    /// an overlay to its content.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in Self.units(of: paragraph) {
                var word = word
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                if !word.isEmpty { line += line.isEmpty ? String(word) : " " + word }
            }
            lines.append(line)
        }
        return lines
    }

    /// The words of a paragraph, with a German "%" kept with its number ("4,5 %"): a line
    /// that starts with the sign alone would read as a stray symbol.
    static func units(of paragraph: Substring) -> [Substring] {
        var units: [Substring] = []
        for word in paragraph.split(separator: " ") {
            if word.first == "%", let last = units.popLast() {
                units.append(Substring(last + " " + word))
            } else {
                units.append(word)
            }
        }
        return units
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        for (row, line) in TextBlock.wrap(text, width: rect.width).dropFirst(max(0, scroll)).prefix(rect.height).enumerated() {
            grid.put(text: line, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
    }
}

/// A screen as a standalone web page: a `<pre>` of coloured spans in a window with a title,
/// for course pages. The page is well-formed XML as well as HTML, and prints on one page
/// with its colours.
extension Grid {
    /// The grid as a complete HTML document (UTF-8).
    /// - Parameters:
    ///   - title: The page title and the caption above the screen.
    ///   - colors: `false` draws monochrome, as `NO_COLOR` does on the terminal; reverse,
    ///     bold, dim and underline remain.
    public func html(title: String = "normtui", colors: Bool = true, palette: ExportPalette = .dark) -> String {
        var page = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(title.xmlEscaped)</title>
            <style>
            body { margin: 2em; background: #ffffff; }
            figure.terminal { display: inline-block; margin: 0; border-radius: 8px; overflow: hidden;
              background: \(palette.background.hex); color: \(palette.foreground.hex);
              print-color-adjust: exact; -webkit-print-color-adjust: exact; break-inside: avoid; }
            figure.terminal figcaption { padding: 0.5em 1em; text-align: center; color: #999999;
              font: 14px \(Self.monospaceFonts); }
            figure.terminal pre { margin: 0; padding: 0 12px 12px 12px;
              font: 16px/1.2 \(Self.monospaceFonts); }
            figure.terminal .c { display: inline-block; width: 1ch; }
            @media print {
              @page { margin: 1cm; }
              body { margin: 0; }
              figure.terminal pre { font-size: 7pt; }
            }
            </style>
            </head>
            <body>
            <figure class="terminal">
            <figcaption>\(title.xmlEscaped)</figcaption>
            <pre>
            """
        let paints = cells.map { CellPaint($0.style, palette: palette, colors: colors) }
        for y in 0..<height {
            let lastVisible = (0..<width).last { x in cells[y * width + x].character != " " || paints[y * width + x].isVisibleWhenBlank }
            guard let lastVisible else { page += "\n"; continue }
            for run in runs(inRow: y, key: { $0 <= lastVisible ? paints[y * width + $0] : nil }) {
                let text = run.columns.map { Self.htmlCell(cells[y * width + $0].character) }.joined()
                let css = run.key.css(palette: palette)
                page += css.isEmpty ? text : "<span style=\"\(css)\">\(text)</span>"
            }
            page += "\n"
        }
        return page + "</pre>\n</figure>\n</body>\n</html>\n"
    }
}

extension Grid {
    /// One cell's character as HTML. A character outside ASCII sits in a box one cell
    /// wide: the font that has it (braille often comes from a proportional fallback font)
    /// may draw it wider, and the rest of the row would drift out of its columns.
    static func htmlCell(_ character: Character) -> String {
        character.isASCII ? String(character).xmlEscaped : "<span class=\"c\">\(String(character).xmlEscaped)</span>"
    }
}

extension CellPaint {
    /// Whether a blank cell with this paint still shows (a coloured background, an underline).
    var isVisibleWhenBlank: Bool { background != nil || underline }

    /// Inline CSS for what differs from the page's default text.
    func css(palette: ExportPalette) -> String {
        var rules: [String] = []
        if foreground != palette.foreground { rules.append("color:\(foreground.hex)") }
        if let background { rules.append("background:\(background.hex)") }
        if bold { rules.append("font-weight:bold") }
        if underline { rules.append("text-decoration:underline") }
        return rules.joined(separator: ";")
    }
}

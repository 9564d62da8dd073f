/// A screen as an SVG picture, for slides and course pages: cell for cell, in the colours
/// the terminal shows, inside a window with a title bar.
extension Grid {
    /// The font stack of exported text; every family is monospaced, and the cell grid does
    /// not depend on which one is found (every character is placed at its cell).
    static let monospaceFonts = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"

    /// The grid as a standalone SVG document.
    ///
    /// Block elements, box-drawing and braille characters are rectangles, so bars, frames and
    /// chart lines join without gaps whatever the font; text is placed cell by cell (an `x`
    /// per character), so a glyph a font lacks cannot shift the rest of its row.
    /// - Parameters:
    ///   - title: The window title, and the picture's accessible name.
    ///   - colors: `false` draws monochrome, as `NO_COLOR` does on the terminal; reverse,
    ///     bold, dim and underline remain.
    public func svg(title: String = "normtui", colors: Bool = true, palette: ExportPalette = .dark,
                    layout: SVGLayout = SVGLayout()) -> String {
        let (width, height) = layout.size(columns: self.width, rows: self.height)
        let (w, h) = (svgNumber(width), svgNumber(height))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" role="img" aria-label="\(title.xmlEscaped)">
            <title>\(title.xmlEscaped)</title>
            <style>
            text { font-family: \(Self.monospaceFonts); font-size: \(svgNumber(layout.fontSize))px; white-space: pre; }
            .title { font-size: \(svgNumber(layout.fontSize * 0.7))px; white-space: pre; }
            .b { font-weight: bold; }
            </style>
            <rect width="\(w)" height="\(h)" rx="8" fill="\(palette.background.hex)"/>

            """
        svg += titleBar(title, width: width, colors: colors, layout: layout)
        svg += "<g transform=\"translate(\(svgNumber(layout.padding)) \(svgNumber(layout.titleBarHeight + layout.padding)))\">\n"
        let paints = cells.map { CellPaint($0.style, palette: palette, colors: colors) }
        svg += backgrounds(paints, layout: layout)
        svg += geometry(paints, layout: layout)
        svg += text(paints, layout: layout)
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Three window buttons and the centred title, like a terminal window's.
    private func titleBar(_ title: String, width: Double, colors: Bool, layout: SVGLayout) -> String {
        let buttons: [RGB] = colors
            ? [RGB(hex: 0xFF5F57), RGB(hex: 0xFEBC2E), RGB(hex: 0x28C840)]
            : Array(repeating: RGB(hex: 0x777777), count: 3)
        let cy = svgNumber(layout.titleBarHeight / 2)
        var bar = "<g class=\"title-bar\">\n"
        for (index, color) in buttons.enumerated() {
            bar += "<circle cx=\"\(svgNumber(layout.padding + 8 + 20 * Double(index)))\" cy=\"\(cy)\" r=\"6\" fill=\"\(color.hex)\"/>\n"
        }
        // Centred, unless a narrow window would put the title over the buttons.
        let titleSize = layout.fontSize * 0.7
        let buttonsEnd = layout.padding + 8 + 40 + 6 + titleSize
        let titleStart = max(buttonsEnd, width / 2 - Double(title.count) * titleSize * 0.6 / 2)
        bar += "<text class=\"title\" x=\"\(svgNumber(titleStart))\" y=\"\(svgNumber(layout.titleBarHeight / 2 + titleSize * 0.35))\" fill=\"#999999\">\(title.xmlEscaped)</text>\n"
        return bar + "</g>\n"
    }

    /// One rectangle per stretch of a row with the same background colour.
    private func backgrounds(_ paints: [CellPaint], layout: SVGLayout) -> String {
        var out = "<g class=\"backgrounds\" shape-rendering=\"crispEdges\">\n"
        for y in 0..<height {
            for run in runs(inRow: y, key: { paints[y * width + $0].background }) {
                let (x0, y0) = layout.origin(x: run.columns.lowerBound, y: y)
                let rect = CellRect(x: x0, y: y0, width: Double(run.columns.count) * layout.cellWidth, height: layout.cellHeight)
                out += rectElement(rect, fill: run.key)
            }
        }
        return out + "</g>\n"
    }

    /// Block elements, box drawing, braille and underlines as rectangles in the text colour;
    /// neighbours that line up become one rectangle (a frame's edge is one bar).
    private func geometry(_ paints: [CellPaint], layout: SVGLayout) -> String {
        var out = "<g class=\"blocks\" shape-rendering=\"crispEdges\">\n"
        for y in 0..<height {
            var pending: [(rect: CellRect, color: RGB)] = []
            for x in 0..<width {
                let cell = cells[y * width + x]
                let paint = paints[y * width + x]
                let (x0, y0) = layout.origin(x: x, y: y)
                var rects = BlockGeometry.rects(for: cell.character, cellWidth: layout.cellWidth, cellHeight: layout.cellHeight) ?? []
                if paint.underline {
                    rects.append(CellRect(x: 0, y: layout.baseline + 2, width: layout.cellWidth, height: 1.5))
                }
                for rect in rects {
                    let placed = rect.offset(x0, y0)
                    if let index = pending.lastIndex(where: { $0.color == paint.foreground && joins($0.rect, placed) }) {
                        pending[index].rect.width = placed.x + placed.width - pending[index].rect.x
                    } else {
                        pending.append((placed, paint.foreground))
                    }
                }
            }
            for (rect, color) in pending { out += rectElement(rect, fill: color) }
        }
        return out + "</g>\n"
    }

    /// Whether `next` continues `rect` to the right: same band, same opacity, touching.
    private func joins(_ rect: CellRect, _ next: CellRect) -> Bool {
        rect.y == next.y && rect.height == next.height && rect.opacity == next.opacity
            && abs(rect.x + rect.width - next.x) < 0.001
    }

    private func rectElement(_ rect: CellRect, fill: RGB) -> String {
        let opacity = rect.opacity < 1 ? " fill-opacity=\"\(svgNumber(rect.opacity))\"" : ""
        return "<rect x=\"\(svgNumber(rect.x))\" y=\"\(svgNumber(rect.y))\" width=\"\(svgNumber(rect.width))\" height=\"\(svgNumber(rect.height))\" fill=\"\(fill.hex)\"\(opacity)/>\n"
    }

    /// The remaining characters as text, one element per stretch of a row with the same
    /// look, each character pinned to its cell by its own `x`. A character of several code
    /// points (x̂) gets an element of its own, since SVG gives every code point an `x`.
    private func text(_ paints: [CellPaint], layout: SVGLayout) -> String {
        var out = "<g class=\"text\">\n"
        for y in 0..<height {
            var x = 0
            while x < width {
                let index = y * width + x
                guard isText(cells[index].character) else { x += 1; continue }
                let paint = paints[index]
                var end = x + 1
                if isSimple(cells[index].character) {
                    while end < width, isText(cells[y * width + end].character), isSimple(cells[y * width + end].character),
                          paints[y * width + end] == paint { end += 1 }
                }
                out += textElement(columns: x..<end, row: y, paint: paint, layout: layout)
                x = end
            }
        }
        return out + "</g>\n"
    }

    /// Whether a character is drawn as text: not a blank and not one drawn as geometry.
    private func isText(_ character: Character) -> Bool {
        character != " " && BlockGeometry.rects(for: character, cellWidth: 1, cellHeight: 1) == nil
    }

    /// One code point of the Basic Multilingual Plane: one `x` in every SVG reader.
    private func isSimple(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && character.unicodeScalars.first!.value <= 0xFFFF
    }

    private func textElement(columns: Range<Int>, row y: Int, paint: CellPaint, layout: SVGLayout) -> String {
        let xs = columns.map { svgNumber(layout.origin(x: $0, y: y).x) }.joined(separator: " ")
        let baseline = svgNumber(layout.origin(x: 0, y: y).y + layout.baseline)
        let text = String(columns.map { cells[y * width + $0].character })
        let bold = paint.bold ? " class=\"b\"" : ""
        return "<text x=\"\(xs)\" y=\"\(baseline)\" fill=\"\(paint.foreground.hex)\"\(bold)>\(text.xmlEscaped)</text>\n"
    }
}

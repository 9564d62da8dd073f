/// A screen as text with ANSI colour escapes (SGR), for `cat` in a terminal or `less -R`.
///
/// Colours are the terminal's own colour numbers, the ones normtui draws with: the eight
/// basic colours and grey as 30–37/90–97 (so they take the viewer's terminal theme, as the
/// live program does, and work even on the Linux console) and the heatmap greys as 256-colour
/// numbers. Truecolor would freeze one theme into the file and fails on terminals without it.
extension Grid {
    /// The grid as lines of text with SGR escapes; every line ends with the attributes reset,
    /// and trailing blanks that show nothing are left out.
    /// - Parameter colors: `false` writes no colour, as `NO_COLOR` does; bold, dim, underline
    ///   and reverse remain.
    public func ansi(colors: Bool = true) -> String {
        var out = ""
        for y in 0..<height {
            let lastVisible = (0..<width).last { x in
                let cell = cells[y * width + x]
                return cell.character != " " || cell.style.reverse || cell.style.underline
                    || (colors && cell.style.background != nil)
            }
            var current = Style.plain
            for x in 0..<((lastVisible ?? -1) + 1) {
                var style = cells[y * width + x].style
                if !colors { (style.foreground, style.background) = (nil, nil) }
                if style != current {
                    out += Self.sgr(style)
                    current = style
                }
                out.append(cells[y * width + x].character)
            }
            if current != .plain { out += "\u{1B}[0m" }
            out += "\n"
        }
        return out
    }

    /// The escape that sets exactly `style`, starting from a reset so nothing carries over.
    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let foreground = style.foreground { codes.append(colorCode(foreground, base: 30)) }
        if let background = style.background { codes.append(colorCode(background, base: 40)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// 30–37 (40–47) for colours 0–7, 90–97 (100–107) for 8–15, `38;5;n` (`48;5;n`) above.
    private static func colorCode(_ color: Color, base: Int) -> String {
        let number = ExportPalette.colorNumber(for: color)
        if number < 8 { return String(base + number) }
        if number < 16 { return String(base + 60 + number - 8) }
        return "\(base + 8);5;\(number)"
    }
}

/// How one cell looks once a style is resolved against a palette: concrete colours, with
/// reverse video and dim already applied, as SVG and HTML need them.
struct CellPaint: Hashable {
    var foreground: RGB
    /// `nil` when the cell shows the screen's background, so nothing is drawn behind it.
    var background: RGB?
    var bold: Bool
    var underline: Bool

    /// - Parameter colors: `false` paints monochrome, as a terminal with `NO_COLOR` does:
    ///   colours are dropped, but reverse, bold, dim and underline still show.
    init(_ style: Style, palette: ExportPalette, colors: Bool) {
        var foreground = colors ? style.foreground.map(palette.rgb(for:)) : nil
        var background = colors ? style.background.map(palette.rgb(for:)) : nil
        if style.reverse {
            (foreground, background) = (background ?? palette.background, foreground ?? palette.foreground)
        }
        var text = foreground ?? palette.foreground
        if style.dim {
            // Terminals draw dim text at about half intensity: half-way to what is behind it.
            text = text.mixed(with: background ?? palette.background, 0.5)
        }
        self.foreground = text
        self.background = background == palette.background ? nil : background
        self.bold = style.bold
        self.underline = style.underline
    }
}

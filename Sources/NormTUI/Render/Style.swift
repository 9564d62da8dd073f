/// How a cell is drawn. `nil` colours mean "the terminal's default", which keeps the UI
/// readable on both light and dark backgrounds.
struct Style: Hashable, Sendable {
    var foreground: Color?
    var background: Color?
    var bold = false
    var reverse = false
    var dim = false
    var underline = false

    init(
        foreground: Color? = nil, background: Color? = nil,
        bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    static let plain = Style()
    static let bold = Style(bold: true)
    static let reverse = Style(reverse: true)
    static let dim = Style(dim: true)

    static func foreground(_ color: Color, bold: Bool = false) -> Style {
        Style(foreground: color, bold: bold)
    }
}

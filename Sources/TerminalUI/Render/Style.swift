/// How a cell is drawn. `nil` colours mean "the terminal's default", which keeps the UI
/// readable on both light and dark backgrounds.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(
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

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)

    public static func foreground(_ color: Color, bold: Bool = false) -> Style {
        Style(foreground: color, bold: bold)
    }
}

/// Every non-ASCII character the UI draws, with an ASCII stand-in for each. A locale that is
/// not UTF-8 (or `--ascii`) draws non-ASCII characters as blanks without any error, so the
/// terminal adapter picks `.ascii` there and no widget hard-codes a box or block character.
public struct GlyphSet: Hashable, Sendable {
    /// The lines and corners of one box style.
    public struct Box: Hashable, Sendable {
        public var horizontal: Character
        public var vertical: Character
        public var topLeft: Character
        public var topRight: Character
        public var bottomLeft: Character
        public var bottomRight: Character

        public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
        }
    }

    public struct HalfBlocks: Hashable, Sendable {
        public var left: Character
        public var right: Character

        public init(left: Character, right: Character) {
            self.left = left
            self.right = right
        }
    }

    /// Whether charts may use braille cells (2 × 4 dots per cell); without them they plot one
    /// point per cell with `seriesMarkers`.
    public var hasBraille: Bool
    public var box: Box
    /// The box of a focused panel, so focus shows without colour.
    public var focusedBox: Box
    /// Where a y-axis label meets the axis line (`┤`).
    public var axisTick: Character
    /// Bar heights in eighths of a cell, index 0 (empty) through 8 (full).
    public var verticalEighths: [Character]
    /// Bar lengths in eighths of a cell from the left, index 0 (empty) through 8 (full).
    public var horizontalEighths: [Character]
    /// Left and right half blocks, which give bars growing either way from zero a resolution
    /// of half a cell; `nil` when only whole cells can be drawn.
    public var halfBlocks: HalfBlocks?
    /// The unfilled part of a progress bar.
    public var track: Character
    /// A value marker drawn on a bar chart row.
    public var marker: Character
    /// One plotting character per chart series when there is no braille, cycling.
    public var seriesMarkers: [Character]
    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character
    public var bullet: Character
    /// Shown where text was cut short.
    public var ellipsis: Character
    /// Marks the mean under a histogram.
    public var mu: Character
    /// Marks one standard deviation either side of the mean under a histogram.
    public var sigma: Character
    /// What held and what did not (a lesson's claims).
    public var check: Character = "✓"
    public var cross: Character = "✗"
    /// Whether colours reach the screen. Without them, grey-scale pictures (heatmaps) draw
    /// with density characters, since half blocks would all look alike.
    public var hasColor = true

    public static let unicode = GlyphSet(
        hasBraille: true,
        box: Box(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘"),
        focusedBox: Box(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛"),
        axisTick: "┤",
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        halfBlocks: HalfBlocks(left: "▌", right: "▐"),
        track: "░",
        marker: "◆",
        seriesMarkers: ["•"],
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        bullet: "•",
        ellipsis: "…",
        mu: "μ",
        sigma: "σ"
    )

    public static let ascii = GlyphSet(
        hasBraille: false,
        box: Box(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
        focusedBox: Box(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#"),
        axisTick: "+",
        verticalEighths: [" ", ".", ".", ".", "o", "o", "o", "#", "#"],
        horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        halfBlocks: nil,
        track: ".",
        marker: "o",
        seriesMarkers: ["*", "o", "+", "x", "#", "@"],
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        bullet: "*",
        ellipsis: "~",
        mu: "u",
        sigma: "s",
        check: "+",
        cross: "x"
    )

    /// The plotting character of series `n` when plotting without braille.
    public func seriesMarker(_ n: Int) -> Character {
        seriesMarkers[((n % seriesMarkers.count) + seriesMarkers.count) % seriesMarkers.count]
    }
}

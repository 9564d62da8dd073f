/// Every non-ASCII character the UI draws, with an ASCII stand-in for each. A locale that is
/// not UTF-8 (or `--ascii`) draws non-ASCII characters as blanks without any error, so the
/// terminal adapter picks `.ascii` there and no widget hard-codes a box or block character.
struct GlyphSet: Hashable, Sendable {
    /// The lines and corners of one box style.
    struct Box: Hashable, Sendable {
        var horizontal: Character
        var vertical: Character
        var topLeft: Character
        var topRight: Character
        var bottomLeft: Character
        var bottomRight: Character
    }

    struct HalfBlocks: Hashable, Sendable {
        var left: Character
        var right: Character
    }

    /// Whether charts may use braille cells (2 × 4 dots per cell); without them they plot one
    /// point per cell with `seriesMarkers`.
    var hasBraille: Bool
    var box: Box
    /// The box of a focused panel, so focus shows without colour.
    var focusedBox: Box
    /// Where a y-axis label meets the axis line (`┤`).
    var axisTick: Character
    /// Bar heights in eighths of a cell, index 0 (empty) through 8 (full).
    var verticalEighths: [Character]
    /// Bar lengths in eighths of a cell from the left, index 0 (empty) through 8 (full).
    var horizontalEighths: [Character]
    /// Left and right half blocks, which give bars growing either way from zero a resolution
    /// of half a cell; `nil` when only whole cells can be drawn.
    var halfBlocks: HalfBlocks?
    /// The unfilled part of a progress bar.
    var track: Character
    /// A value marker drawn on a bar chart row.
    var marker: Character
    /// One plotting character per chart series when there is no braille, cycling.
    var seriesMarkers: [Character]
    var arrowUp: Character
    var arrowDown: Character
    var arrowLeft: Character
    var arrowRight: Character
    var bullet: Character
    /// Shown where text was cut short.
    var ellipsis: Character
    /// Marks the mean under a histogram.
    var mu: Character
    /// Marks one standard deviation either side of the mean under a histogram.
    var sigma: Character
    /// Whether colours reach the screen. Without them, grey-scale pictures (heatmaps) draw
    /// with density characters, since half blocks would all look alike.
    var hasColor = true

    static let unicode = GlyphSet(
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

    static let ascii = GlyphSet(
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
        sigma: "s"
    )

    /// The plotting character of series `n` when plotting without braille.
    func seriesMarker(_ n: Int) -> Character {
        seriesMarkers[((n % seriesMarkers.count) + seriesMarkers.count) % seriesMarkers.count]
    }
}

/// A semantic colour. Widgets name what a colour *means*; the terminal adapter decides how it
/// looks on an 8- or 256-colour terminal, and drops it entirely in monochrome mode (so nothing
/// on screen may depend on colour alone).
public enum Color: Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white, gray
    /// The colour of chart series number `n`; the palette cycles, so any index is valid.
    case series(Int)
    /// A shade of grey for pictures (heatmaps): 0 is black, `grayLevelCount − 1` white, and
    /// out-of-range levels are clamped. 256-colour terminals show every level.
    case grayLevel(Int)

    /// How many shades `grayLevel` distinguishes: black, the 24 greys of the 256-colour
    /// ramp, and white.
    public static let grayLevelCount = 26

    /// Hues that stay distinguishable on 8-colour terminals, in the order series use them.
    public static let seriesPalette: [Color] = [.cyan, .yellow, .magenta, .green, .red, .blue]

    /// The palette colour this stands for: itself, or the hue a series index cycles to.
    public var resolved: Color {
        guard case .series(let n) = self else { return self }
        let palette = Color.seriesPalette
        return palette[((n % palette.count) + palette.count) % palette.count]
    }
}

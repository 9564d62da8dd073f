/// A filled rectangle in pixels, for the parts of a screen an SVG draws as geometry.
struct CellRect: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    /// How much of the colour covers what is behind: the shades ░▒▓ are a quarter, half and
    /// three quarters of the foreground over the background.
    var opacity: Double = 1

    /// The rectangle moved by `dx`, `dy`.
    func offset(_ dx: Double, _ dy: Double) -> CellRect {
        CellRect(x: x + dx, y: y + dy, width: width, height: height, opacity: opacity)
    }
}

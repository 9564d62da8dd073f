/// Drawing of one bar column in eighth-cell steps, shared by the histogram and the sparkline.
public enum VerticalBar {
    /// How many eighths of `rows` cells a value takes when `maximum` fills them all. A
    /// positive value gets at least one eighth: a bin holding a single outlier must stay
    /// visible, since outliers are what the numerical-stability lessons are about.
    public static func eighths(_ value: Double, maximum: Double, rows: Int) -> Int {
        guard value.isFinite, value > 0, maximum > 0 else { return 0 }
        let full = rows * 8
        return min(full, max(1, Int((value / maximum * Double(full)).rounded())))
    }

    /// Draws a bar `eighths` high upward from row `bottom` in column `x`, covering at most
    /// `rows` cells; cells above the bar are left untouched.
    public static func draw(eighths: Int, x: Int, bottom: Int, rows: Int, style: Style,
                     glyphs: GlyphSet, into grid: inout Grid) {
        var remaining = min(eighths, rows * 8)
        var y = bottom
        while remaining > 0 {
            grid.put(glyphs.verticalEighths[min(remaining, 8)], at: Point(x: x, y: y), style: style)
            remaining -= 8
            y -= 1
        }
    }
}

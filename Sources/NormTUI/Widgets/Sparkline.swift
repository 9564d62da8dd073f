/// A compact trend: one column per value, newest at the right, bars in eighth-cell steps.
/// When there are more values than columns, the newest ones are shown.
struct Sparkline: Widget {
    var values: [Double]
    /// The values mapped to empty and full bars; `nil` uses the data's own minimum and
    /// maximum, so small changes of a slowly moving quantity (a loss) stay visible.
    var range: ClosedRange<Double>?
    var style = Style(foreground: .green)

    init(values: [Double], range: ClosedRange<Double>? = nil) {
        self.values = values
        self.range = range
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let shown = values.suffix(rect.width)
        let finite = shown.filter(\.isFinite)
        guard let low = range?.lowerBound ?? finite.min(), let high = range?.upperBound ?? finite.max() else { return }
        let x0 = rect.maxX - shown.count
        let full = rect.height * 8
        for (i, value) in shown.enumerated() {
            // The minimum keeps one eighth so the line never vanishes; a flat series sits at
            // half height; non-finite values leave a gap.
            let fraction = high > low ? (min(max(value, low), high) - low) / (high - low) : 0.5
            let eighths = value.isFinite ? max(1, Int((fraction * Double(full)).rounded())) : 0
            VerticalBar.draw(eighths: eighths, x: x0 + i, bottom: rect.maxY - 1, rows: rect.height,
                             style: style, glyphs: glyphs, into: &grid)
        }
    }
}

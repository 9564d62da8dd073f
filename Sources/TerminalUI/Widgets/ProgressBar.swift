import NumberFormatting
/// A one-line bar filled from the left in eighth-cell steps, with its label (by default the
/// percentage) to the right.
///
///     ██████▍░░░░░░░░  42.0%
public struct ProgressBar: Widget {
    /// How much is done, 0...1; values outside are clamped and non-finite ones count as 0.
    public var fraction: Double
    /// Text after the bar; `nil` shows the percentage.
    public var label: String?
    public var style = Style(foreground: .green)
    public var trackStyle = Style.dim

    public init(fraction: Double, label: String? = nil) {
        self.fraction = fraction
        self.label = label
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let text = label ?? NumberFormat.percent(clamped)
        // The label goes only where it leaves the bar at least a few cells.
        let showsLabel = rect.width >= text.count + 1 + 3
        let bar = Rect(x: rect.x, y: rect.y, width: showsLabel ? rect.width - text.count - 1 : rect.width, height: 1)
        let filled = Int((clamped * Double(bar.width * 8)).rounded())
        for cell in 0..<bar.width {
            let eighths = min(8, max(0, filled - cell * 8))
            let point = Point(x: bar.x + cell, y: bar.y)
            if eighths == 0 {
                grid.put(glyphs.track, at: point, style: trackStyle)
            } else {
                grid.put(glyphs.horizontalEighths[eighths], at: point, style: style)
            }
        }
        if showsLabel {
            grid.put(text: text, at: Point(x: bar.maxX + 1, y: rect.y))
        }
    }
}

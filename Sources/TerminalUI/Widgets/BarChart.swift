import NumberFormatting
/// One horizontal bar per entry (per channel) growing from zero, with an optional marker for
/// a second value on the same row: e.g. the running mean as the bar and the current batch's
/// mean as the marker, which shows how far running statistics lag behind the batch.
///
///     c0       ▐█████████   ◆   0.61
///     c1 ████◆█▌                -0.4
public struct BarChart: Widget {
    public struct Entry: Sendable {
        public var label: String
        public var value: Double
        public var marker: Double?

        public init(label: String, value: Double, marker: Double? = nil) {
            self.label = label
            self.value = value
            self.marker = marker
        }
    }

    public var entries: [Entry]
    /// The values at the left and right edges; `nil` spans zero and every value and marker.
    public var range: ClosedRange<Double>?
    public var barStyle = Style(foreground: .cyan)
    public var markerStyle = Style(foreground: .yellow, bold: true)
    public var axisStyle = Style.dim

    public init(entries: [Entry], range: ClosedRange<Double>? = nil) {
        self.entries = entries
        self.range = range
    }

    /// The drawn range: the given one, or from min(0, data) to max(0, data).
    public var drawnRange: ClosedRange<Double> {
        if let range, range.upperBound > range.lowerBound { return range }
        let all = entries.flatMap { [$0.value] + ($0.marker.map { [$0] } ?? []) }.filter(\.isFinite)
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 0)
        return high > low ? low...high : low...(low + 1)
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let overflow = entries.count > rect.height
        let shown = entries.prefix(overflow ? rect.height - 1 : rect.height)
        let valueTexts = shown.map { NumberFormat.short($0.value) }
        var labelWidth = shown.map(\.label.count).max() ?? 0
        var valueWidth = valueTexts.map(\.count).max() ?? 0
        // The bar needs a few columns to mean anything: drop the values, then the labels.
        if rect.width - (labelWidth + 1) - (valueWidth + 1) < 3 { valueWidth = 0 }
        if rect.width - (labelWidth + 1) < 3 { labelWidth = 0 }
        let barX = rect.x + (labelWidth > 0 ? labelWidth + 1 : 0)
        let barWidth = rect.maxX - barX - (valueWidth > 0 ? valueWidth + 1 : 0)

        for (row, entry) in shown.enumerated() {
            let y = rect.y + row
            if labelWidth > 0 { grid.put(text: entry.label, at: Point(x: rect.x, y: y), clip: rect) }
            drawBar(into: &grid, entry: entry, bar: Rect(x: barX, y: y, width: barWidth, height: 1), glyphs: glyphs)
            if valueWidth > 0 {
                grid.put(text: Text.rightAligned(valueTexts[row], width: valueWidth, glyphs: glyphs),
                         at: Point(x: rect.maxX - valueWidth, y: y))
            }
        }
        if overflow {
            let more = "\(glyphs.ellipsis) \(entries.count - shown.count) \(ChartWords.current.more)"
            grid.put(text: more, at: Point(x: rect.x, y: rect.maxY - 1), style: axisStyle, clip: rect)
        }
    }

    /// The zero line, the bar from zero to the value in half cells (whole cells without half
    /// blocks), then the marker on top.
    private func drawBar(into grid: inout Grid, entry: Entry, bar: Rect, glyphs: GlyphSet) {
        guard bar.width > 0 else { return }
        let range = drawnRange
        let steps = glyphs.halfBlocks == nil ? 1 : 2
        func position(_ value: Double) -> Int {
            let fraction = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound)
                / (range.upperBound - range.lowerBound)
            return Int((fraction * Double(bar.width * steps)).rounded())
        }
        let zero = position(0)
        if range.lowerBound < 0 {
            grid.put(glyphs.box.vertical, at: Point(x: bar.x + min(zero / steps, bar.width - 1), y: bar.y), style: axisStyle)
        }
        if entry.value.isFinite {
            let end = position(entry.value)
            let (from, to) = (min(zero, end), max(zero, end))
            for cell in 0..<bar.width {
                // Halves of this cell that the bar covers: [cell·steps, (cell+1)·steps).
                let covered = min(to, (cell + 1) * steps) - max(from, cell * steps)
                guard covered > 0 else { continue }
                let character: Character
                if covered == steps {
                    character = glyphs.horizontalEighths[8]
                } else if let halves = glyphs.halfBlocks {
                    character = from > cell * steps ? halves.right : halves.left
                } else {
                    continue
                }
                grid.put(character, at: Point(x: bar.x + cell, y: bar.y), style: barStyle)
            }
        }
        if let marker = entry.marker, marker.isFinite {
            let cell = min(position(marker) / steps, bar.width - 1)
            grid.put(glyphs.marker, at: Point(x: bar.x + cell, y: bar.y), style: markerStyle)
        }
    }
}

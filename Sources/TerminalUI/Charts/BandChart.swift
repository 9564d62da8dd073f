import NumberFormatting
import Foundation

/// Ranges over steps as filled vertical bands: per step a low and a high value, and the cells
/// between them filled — the picture of Santurkar et al. (2018, Fig. 4), where the band is
/// the spread of the loss along the gradient. Each band has its own fill character, so two
/// bands stay apart without colour; the first band is drawn on top of the others.
///
///     10┤  ░░
///       │░░░░░░░░░ ░░
///    0.1┤██████▓████
///       └───────────
///       1   step  300
public struct BandChart: Widget {
    public struct Band: Sendable {
        public var name: String
        public var lows: [Double]
        public var highs: [Double]
        public var color: Color
        /// The fill character with and without Unicode.
        public var fill: Character
        public var asciiFill: Character

        public init(name: String, lows: [Double], highs: [Double], color: Color, fill: Character, asciiFill: Character) {
            self.name = name
            self.lows = lows
            self.highs = highs
            self.color = color
            self.fill = fill
            self.asciiFill = asciiFill
        }
    }

    public var bands: [Band]
    /// The step numbers of the first and last value, for the x-axis labels.
    public var steps: ClosedRange<Int>
    public var axisStyle = Style.dim
    /// Steps marked on the x-axis, as on a ``LineChart``.
    public var markers: [LineChart.Marker] = []

    public init(bands: [Band], steps: ClosedRange<Int>) {
        self.bands = bands
        self.steps = steps
    }

    /// The drawn y-range in decades (log10): bands of losses span several.
    public var decades: ClosedRange<Double> {
        let all = bands.flatMap { $0.lows + $0.highs }.filter { $0.isFinite && $0 > 0 }.map(log10)
        guard let low = all.min(), let high = all.max() else { return -1...1 }
        let (bottom, top) = (low.rounded(.down), high.rounded(.up))
        return bottom...(top > bottom ? top : bottom + 1)
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard rect.height >= 4, rect.width >= 12 else { return }
        let range = decades
        let labels = stride(from: range.upperBound, through: range.lowerBound, by: -1).map { NumberFormat.short(pow(10, $0)) }
        let gutter = (labels.map(\.count).max() ?? 0) + 1
        let plot = Rect(x: rect.x + gutter, y: rect.y + 1, width: rect.width - gutter, height: rect.height - 3)
        guard !plot.isEmpty else { return }
        func row(_ value: Double) -> Int {
            let fraction = (log10(value) - range.lowerBound) / (range.upperBound - range.lowerBound)
            return plot.maxY - 1 - Int((min(max(fraction, 0), 1) * Double(plot.height - 1)).rounded())
        }
        let length = bands.map(\.lows.count).max() ?? 0
        for band in bands.reversed() where length > 0 {
            let character = glyphs.hasBraille ? band.fill : band.asciiFill
            for column in 0..<plot.width {
                // The steps this column covers: the lowest low and the highest high among them.
                let first = column * length / plot.width, last = max(first, (column + 1) * length / plot.width - 1)
                guard first < band.lows.count else { continue }
                let covered = first...min(last, band.lows.count - 1)
                let lows = covered.map { band.lows[$0] }.filter { $0.isFinite && $0 > 0 }
                let highs = covered.map { band.highs[$0] }.filter { $0.isFinite && $0 > 0 }
                guard let low = lows.min(), let high = highs.max() else { continue }
                for y in row(high)...row(low) {
                    grid.put(character, at: Point(x: plot.x + column, y: y), style: Style(foreground: band.color))
                }
            }
        }
        for y in plot.y..<plot.maxY { grid.put(glyphs.box.vertical, at: Point(x: plot.x - 1, y: y), style: axisStyle) }
        for (index, label) in labels.enumerated() {
            let y = row(pow(10, range.upperBound - Double(index)))
            grid.put(text: label, at: Point(x: plot.x - 1 - label.count, y: y))
            grid.put(glyphs.axisTick, at: Point(x: plot.x - 1, y: y), style: axisStyle)
        }
        for x in plot.x..<plot.maxX { grid.put(glyphs.box.horizontal, at: Point(x: x, y: plot.maxY), style: axisStyle) }
        grid.put(glyphs.box.bottomLeft, at: Point(x: plot.x - 1, y: plot.maxY), style: axisStyle)
        for marker in markers {
            guard let x = LineChart.Marker.column(ofStep: marker.step, in: steps, width: plot.width) else { continue }
            grid.put(glyphs.hasBraille ? marker.symbol : marker.asciiSymbol, at: Point(x: plot.x + x, y: plot.maxY), style: marker.style)
        }
        let clip = Rect(x: plot.x, y: plot.maxY + 1, width: plot.width, height: 1)
        let first = String(steps.lowerBound), last = String(steps.upperBound)
        grid.put(text: first, at: Point(x: plot.x, y: plot.maxY + 1), clip: clip)
        if plot.width > first.count + last.count + 1 {
            grid.put(text: last, at: Point(x: plot.maxX - last.count, y: plot.maxY + 1), clip: clip)
        }
        drawLegend(into: &grid, row: rect.y, rect: rect, glyphs: glyphs)
    }

    /// Each band's fill, name and latest range. When they do not all fit, the ranges lose
    /// digits, then bands are left out from the last; the first alone may lose its name. A
    /// number is never cut.
    private func drawLegend(into grid: inout Grid, row: Int, rect: Rect, glyphs: GlyphSet) {
        guard let texts = legendTexts(width: rect.width) else { return }
        let clip = Rect(x: rect.x, y: row, width: rect.width, height: 1)
        var x = rect.x
        for (index, text) in texts.enumerated() {
            if index > 0 { x += 2 }
            let band = bands[index]
            grid.put(glyphs.hasBraille ? band.fill : band.asciiFill, at: Point(x: x, y: row), style: Style(foreground: band.color), clip: clip)
            x = grid.put(text: text, at: Point(x: x + 1, y: row), clip: clip)
        }
    }

    /// The text after each fill for as many leading bands as fit in `width` columns, at the
    /// least shortening that fits; `nil` when not even the first fits.
    func legendTexts(width: Int) -> [String]? {
        let levels: [(named: Bool, significant: Int)] = [(true, 3), (true, 2), (true, 1), (false, 3), (false, 2), (false, 1)]
        return LegendFit.texts(entries: bands.count, levels: levels, width: width, allowsAlone: { !$0.named }) {
            legendText(bands[$0], named: $1.named, significant: $1.significant)
        }
    }

    private func legendText(_ band: Band, named: Bool, significant: Int) -> String {
        var text = named ? " " + band.name : ""
        if let low = band.lows.last, let high = band.highs.last, low.isFinite, high.isFinite {
            text += " \(NumberFormat.short(low, significant: significant))–\(NumberFormat.short(high, significant: significant))"
        }
        return text
    }
}

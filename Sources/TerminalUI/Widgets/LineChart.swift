import NumberFormatting
import Foundation

/// Several series over steps 0..<n as connected lines: braille dots (2 × 4 per cell) where
/// available, one plotting character per cell otherwise. Linear or log10 y-scale; the log
/// scale is what shows gradient norms vanishing or exploding layer by layer.
///
///      10┤⠑⢄
///        │  ⠈⠢⢄⣀
///    1e-3┤      ⠉⠉⠒⠒
///        └────────────
///        0    step  40
///        • l1 3.1e-3  • l2 0.011
///
/// A series may carry a band (the lowest and highest of several runs, e.g. seeds) drawn as
/// shade behind its line, which is then their median; markers mark steps on the x-axis (where
/// a lesson judges a claim).
public struct LineChart: Widget {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public var color: Color
        /// The range the line's runs spanned at each step, drawn behind the line.
        public var band: Band?

        public init(name: String, values: [Double], color: Color, band: Band? = nil) {
            self.name = name
            self.values = values
            self.color = color
            self.band = band
        }
    }

    /// The lowest and highest value at each step, index for index with the series' values.
    public struct Band: Sendable, Equatable {
        public var lows: [Double]
        public var highs: [Double]

        public init(lows: [Double], highs: [Double]) {
            self.lows = lows
            self.highs = highs
        }
    }

    /// A step marked on the x-axis by a character of its own (e.g. ✓ where a claim held),
    /// with a dotted line up through the empty cells of the plot.
    public struct Marker: Sendable, Equatable {
        public var step: Int
        public var symbol: Character
        public var asciiSymbol: Character
        public var style: Style

        /// The plot column, of `width`, of `step` on an x-axis that spans `steps`; `nil` outside it.
        static func column(ofStep step: Int, in steps: ClosedRange<Int>, width: Int) -> Int? {
            guard steps.contains(step) else { return nil }
            guard steps.upperBound > steps.lowerBound else { return 0 }
            return Int((Double(step - steps.lowerBound) / Double(steps.upperBound - steps.lowerBound) * Double(width - 1)).rounded())
        }

        public init(step: Int, symbol: Character, asciiSymbol: Character, style: Style = .bold) {
            self.step = step
            self.symbol = symbol
            self.asciiSymbol = asciiSymbol
            self.style = style
        }
    }

    public enum Scale: Sendable {
        case linear
        /// Decades spaced evenly; values that are not positive and finite are skipped.
        case log10
    }

    public var series: [Series]
    public var scale: Scale
    /// The step numbers of the first and last value, for the x-axis labels; `nil` labels
    /// them 0 and n − 1.
    public var steps: ClosedRange<Int>?
    /// A y-range to draw instead of the data's extent (e.g. 0…1 for an accuracy), on the
    /// drawn scale.
    public var fixedRange: ClosedRange<Double>?
    public var axisStyle = Style.dim
    /// Steps to mark on the x-axis; markers outside ``steps`` are not drawn.
    public var markers: [Marker] = []

    public init(series: [Series], scale: Scale = .linear, steps: ClosedRange<Int>? = nil) {
        self.series = series
        self.scale = scale
        self.steps = steps
    }

    /// A value on the drawn scale (log10 for the log scale), or `nil` if it cannot be drawn.
    private func transformed(_ value: Double) -> Double? {
        switch scale {
        case .linear: return value.isFinite ? value : nil
        case .log10: return value.isFinite && value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The drawn y-range on the transformed scale: the data's extent, widened when flat; on
    /// the log scale, widened to whole decades so the axis labels are powers of ten.
    public var yRange: ClosedRange<Double> {
        if let fixedRange, fixedRange.upperBound > fixedRange.lowerBound { return fixedRange }
        let all = series.flatMap { $0.values.compactMap(transformed) + ($0.band.map { $0.lows + $0.highs } ?? []).compactMap(transformed) }
        guard var low = all.min(), var high = all.max() else {
            return 0...1
        }
        switch scale {
        case .linear:
            if low == high {
                let half = max(0.5, abs(low) * 0.5)
                (low, high) = (low - half, high + half)
            }
        case .log10:
            (low, high) = (low.rounded(.down), high.rounded(.up))
            if low == high { high += 1 }
        }
        return low...high
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let hasLegend = rect.height >= 5 && !series.isEmpty
        let hasAxis = rect.height >= 3
        let hasXLabels = rect.height >= 4
        let body = rect.inset(top: hasLegend ? 1 : 0)
        let range = yRange
        let labels = yLabels(range: range, rows: body.height - (hasAxis ? 1 : 0) - (hasXLabels ? 1 : 0))
        let labelWidth = labels.map(\.text.count).max() ?? 0
        let gutter = hasAxis && rect.width >= labelWidth + 1 + 4 ? labelWidth + 1 : 0
        let plot = body.inset(left: gutter, bottom: (hasAxis ? 1 : 0) + (hasXLabels ? 1 : 0))
        guard !plot.isEmpty else { return }

        plotMarkerLines(into: &grid, plot: plot, glyphs: glyphs)
        plotBands(into: &grid, plot: plot, range: range, glyphs: glyphs)
        if glyphs.hasBraille && !glyphs.hasColor && series.count > 1 {
            // Without colour the braille lines would be one tangle: the first stays a line,
            // the others are drawn in markers of their own, each ending in its marker.
            plotBraille(into: &grid, plot: plot, range: range, only: 0)
            plotMonochromeMarkers(into: &grid, plot: plot, range: range, glyphs: glyphs)
        } else if glyphs.hasBraille {
            plotBraille(into: &grid, plot: plot, range: range)
        } else {
            plotCells(into: &grid, plot: plot, range: range, glyphs: glyphs)
        }
        if gutter > 0 {
            let axisX = plot.x - 1
            for y in plot.y..<plot.maxY { grid.put(glyphs.box.vertical, at: Point(x: axisX, y: y), style: axisStyle) }
            for label in labels {
                let y = plot.y + label.row
                grid.put(text: label.text, at: Point(x: axisX - label.text.count, y: y))
                grid.put(glyphs.axisTick, at: Point(x: axisX, y: y), style: axisStyle)
            }
        }
        if hasAxis {
            for x in plot.x..<plot.maxX { grid.put(glyphs.box.horizontal, at: Point(x: x, y: plot.maxY), style: axisStyle) }
            if gutter > 0 { grid.put(glyphs.box.bottomLeft, at: Point(x: plot.x - 1, y: plot.maxY), style: axisStyle) }
        }
        if hasAxis { drawMarkers(into: &grid, row: plot.maxY, plot: plot, glyphs: glyphs) }
        if hasXLabels { drawXLabels(into: &grid, row: plot.maxY + 1, plot: plot) }
        if hasLegend { drawLegend(into: &grid, row: rect.y, rect: rect, glyphs: glyphs) }
    }

    /// y-axis labels and their rows counted from the top of the plot: maximum and minimum for
    /// the linear scale; every decade that fits without touching another for the log scale.
    private func yLabels(range: ClosedRange<Double>, rows: Int) -> [(row: Int, text: String)] {
        guard rows > 0 else { return [] }
        func row(_ t: Double) -> Int {
            rows - 1 - Int(((t - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(rows - 1)).rounded())
        }
        switch scale {
        case .linear:
            let top = (0, NumberFormat.short(range.upperBound))
            return rows == 1 ? [top] : [top, (rows - 1, NumberFormat.short(range.lowerBound))]
        case .log10:
            var labels: [(row: Int, text: String)] = []
            for decade in stride(from: Int(range.upperBound), through: Int(range.lowerBound), by: -1) {
                let r = row(Double(decade))
                // Keep a blank row between labels; the bottom decade replaces a neighbour.
                if let last = labels.last, r - last.row < 2 {
                    if decade == Int(range.lowerBound), labels.count > 1 { labels.removeLast() } else { continue }
                }
                labels.append((r, NumberFormat.short(pow(10, Double(decade)))))
            }
            return labels
        }
    }

    /// The plot column of value `index` of `count` values, as ``dots(of:width:height:range:)``
    /// places it.
    private func column(of index: Int, count: Int, width: Int) -> Int {
        count == 1 ? 0 : Int((Double(index) / Double(count - 1) * Double(width - 1)).rounded())
    }

    /// The first and last step the x-axis stands for.
    private var stepRange: ClosedRange<Int> {
        steps ?? 0...max(0, (series.map(\.values.count).max() ?? 1) - 1)
    }

    /// The plot column of a step, or `nil` outside the x-axis.
    private func column(ofStep step: Int, width: Int) -> Int? {
        Marker.column(ofStep: step, in: stepRange, width: width)
    }

    /// Each band as shade in its series' colour: per plot column, the rows from the lowest to
    /// the highest value of the steps that fall in that column. Lines are drawn over it.
    private func plotBands(into grid: inout Grid, plot: Rect, range: ClosedRange<Double>, glyphs: GlyphSet) {
        let span = range.upperBound - range.lowerBound
        let fill: Character = glyphs.hasBraille ? "░" : ":"
        // Without colour, shades of several series could not be told apart: none is drawn.
        guard glyphs.hasColor || series.filter({ $0.band != nil }).count == 1 else { return }
        for s in series {
            guard let band = s.band else { continue }
            let count = min(band.lows.count, band.highs.count)
            var lows = Array(repeating: Double.infinity, count: plot.width)
            var highs = Array(repeating: -Double.infinity, count: plot.width)
            // Each pair of neighbouring steps covers the columns between them (a band of fewer
            // steps than columns has no gaps), with the lower and higher of their two ends.
            for i in 0..<count {
                guard let low = transformed(band.lows[i]), let high = transformed(band.highs[i]) else { continue }
                let next = i + 1 < count ? (transformed(band.lows[i + 1]), transformed(band.highs[i + 1])) : (nil, nil)
                let first = column(of: i, count: count, width: plot.width)
                let last = next.0 != nil && next.1 != nil ? column(of: i + 1, count: count, width: plot.width) : first
                for x in first...last {
                    lows[x] = min(lows[x], low, x == first ? low : next.0 ?? low)
                    highs[x] = max(highs[x], high, x == first ? high : next.1 ?? high)
                }
            }
            for x in 0..<plot.width where lows[x] <= highs[x] {
                let row = { (t: Double) in plot.height - 1 - Int(((t - range.lowerBound) / span * Double(plot.height - 1)).rounded()) }
                for y in row(highs[x])...row(lows[x]) {
                    grid.put(fill, at: Point(x: plot.x + x, y: plot.y + y), style: Style(foreground: s.color, dim: true))
                }
            }
        }
    }

    /// A dotted vertical line at each marked step, drawn first: bands and lines go over it.
    private func plotMarkerLines(into grid: inout Grid, plot: Rect, glyphs: GlyphSet) {
        let dotted: Character = glyphs.hasBraille ? "┊" : ":"
        for marker in markers {
            guard let x = column(ofStep: marker.step, width: plot.width) else { continue }
            for y in plot.y..<plot.maxY {
                grid.put(dotted, at: Point(x: plot.x + x, y: y), style: axisStyle)
            }
        }
    }

    /// Each marker's symbol on the x-axis at its step.
    private func drawMarkers(into grid: inout Grid, row: Int, plot: Rect, glyphs: GlyphSet) {
        for marker in markers {
            guard let x = column(ofStep: marker.step, width: plot.width) else { continue }
            grid.put(glyphs.hasBraille ? marker.symbol : marker.asciiSymbol, at: Point(x: plot.x + x, y: row), style: marker.style)
        }
    }

    /// Each series' points in dot coordinates (x right, y down), `nil` where a value is skipped.
    private func dots(of values: [Double], width: Int, height: Int, range: ClosedRange<Double>) -> [Point?] {
        let span = range.upperBound - range.lowerBound
        return values.enumerated().map { i, value in
            guard let t = transformed(value) else { return nil }
            let x = column(of: i, count: values.count, width: width)
            let y = Int(((t - range.lowerBound) / span * Double(height - 1)).rounded())
            return Point(x: x, y: height - 1 - y)
        }
    }

    /// Calls `body` for every dot on the polyline through `points`, broken at skipped values.
    private func forEachLineDot(_ points: [Point?], _ body: (Point) -> Void) {
        var previous: Point?
        for point in points {
            guard let point else { previous = nil; continue }
            if let previous { Line.forEachPoint(from: previous, to: point, body) } else { body(point) }
            previous = point
        }
    }

    /// Markers that tell series apart without colour where braille draws lines: the first
    /// series is the braille line (its legend marker the bullet), the others these.
    static let monochromeMarkers: [Character] = ["○", "+", "×", "◇", "△"]

    /// The legend's and the line's marker for series `n`.
    func marker(_ n: Int, glyphs: GlyphSet) -> Character {
        guard glyphs.hasBraille else { return glyphs.seriesMarker(n) }
        guard !glyphs.hasColor, n > 0, series.count > 1 else { return glyphs.bullet }
        return Self.monochromeMarkers[(n - 1) % Self.monochromeMarkers.count]
    }

    /// Series after the first as markers, one per cell, with the marker again at the line's end
    /// (its last value), where a reader looks for which line is which.
    private func plotMonochromeMarkers(into grid: inout Grid, plot: Rect, range: ClosedRange<Double>, glyphs: GlyphSet) {
        for (n, s) in series.enumerated() {
            let points = dots(of: s.values, width: plot.width, height: plot.height, range: range)
            if n > 0 {
                forEachLineDot(points) { dot in
                    grid.put(marker(n, glyphs: glyphs), at: Point(x: plot.x + dot.x, y: plot.y + dot.y), style: .bold)
                }
            }
            if let end = points.last(where: { $0 != nil }) ?? nil {
                grid.put(marker(n, glyphs: glyphs), at: Point(x: plot.x + end.x, y: plot.y + end.y), style: .bold)
            }
        }
    }

    private func plotBraille(into grid: inout Grid, plot: Rect, range: ClosedRange<Double>, only: Int? = nil) {
        // Bit of dot (column, row) inside a braille cell, per the Unicode braille layout.
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var pattern = Array(repeating: UInt32(0), count: plot.width * plot.height)
        var colors = Array(repeating: Color?.none, count: plot.width * plot.height)
        for (n, s) in series.enumerated() where only == nil || only == n {
            let points = dots(of: s.values, width: plot.width * 2, height: plot.height * 4, range: range)
            forEachLineDot(points) { dot in
                let cell = (dot.y / 4) * plot.width + dot.x / 2
                pattern[cell] |= bits[dot.x % 2][dot.y % 4]
                colors[cell] = s.color
            }
        }
        for (cell, bit) in pattern.enumerated() where bit != 0 {
            let character = Character(Unicode.Scalar(0x2800 + bit)!)
            grid.put(character, at: Point(x: plot.x + cell % plot.width, y: plot.y + cell / plot.width),
                     style: Style(foreground: colors[cell]))
        }
    }

    private func plotCells(into grid: inout Grid, plot: Rect, range: ClosedRange<Double>, glyphs: GlyphSet) {
        for (n, s) in series.enumerated() {
            let points = dots(of: s.values, width: plot.width, height: plot.height, range: range)
            forEachLineDot(points) { dot in
                grid.put(glyphs.seriesMarker(n), at: Point(x: plot.x + dot.x, y: plot.y + dot.y),
                         style: Style(foreground: s.color))
            }
        }
    }

    /// First step at the left, last step at the right, "step" between them when there is room.
    private func drawXLabels(into grid: inout Grid, row: Int, plot: Rect) {
        let count = series.map(\.values.count).max() ?? 0
        let steps = self.steps ?? 0...max(0, count - 1)
        let first = String(steps.lowerBound), last = String(steps.upperBound)
        let clip = Rect(x: plot.x, y: row, width: plot.width, height: 1)
        grid.put(text: first, at: Point(x: plot.x, y: row), clip: clip)
        let lastX = plot.maxX - last.count
        guard lastX > plot.x + first.count else { return }
        grid.put(text: last, at: Point(x: lastX, y: row), clip: clip)
        let word = ChartWords.current.step, wordX = plot.x + (plot.width - word.count) / 2
        if wordX > plot.x + first.count && wordX + word.count < lastX {
            grid.put(text: word, at: Point(x: wordX, y: row), style: axisStyle, clip: clip)
        }
    }

    /// Each series' marker, name and latest drawable value. When they do not all fit, the
    /// values lose digits, then the names their parenthetical ("train (avg 10)" → "train"),
    /// then series are left out from the last; the first one alone may lose its name. A
    /// number is never cut: a cut `0.938` would read `0`.
    private func drawLegend(into grid: inout Grid, row: Int, rect: Rect, glyphs: GlyphSet) {
        guard let texts = legendTexts(width: rect.width) else { return }
        let clip = Rect(x: rect.x, y: row, width: rect.width, height: 1)
        var x = rect.x
        for (n, text) in texts.enumerated() {
            if n > 0 { x += 2 }
            grid.put(marker(n, glyphs: glyphs), at: Point(x: x, y: row), style: Style(foreground: series[n].color, bold: true), clip: clip)
            x = grid.put(text: text, at: Point(x: x + 1, y: row), clip: clip)
        }
    }

    /// How the legend's entries are written at one level of shortening.
    private enum LegendName { case full, withoutParenthetical, none }

    /// The text after each marker for as many leading series as fit in `width` columns, at the
    /// least shortening that fits; `nil` when not even the first fits.
    func legendTexts(width: Int) -> [String]? {
        let levels: [(LegendName, Int)] = [
            (.full, 3), (.full, 2), (.withoutParenthetical, 3), (.withoutParenthetical, 2), (.none, 3), (.none, 2), (.none, 1),
        ]
        // Names are worth more than a second series: values alone only for a single one.
        return LegendFit.texts(entries: series.count, levels: levels, width: width, allowsAlone: { $0.0 == .none }) {
            legendText(series[$0], name: $1.0, significant: $1.1)
        }
    }

    private func legendText(_ series: Series, name form: LegendName, significant: Int) -> String {
        let name: String
        switch form {
        case .full: name = series.name
        case .withoutParenthetical:
            name = series.name.range(of: " (").map { String(series.name[..<$0.lowerBound]) } ?? series.name
        case .none: name = ""
        }
        guard let latest = series.values.last(where: { transformed($0) != nil }) else {
            return name.isEmpty ? "" : " " + name
        }
        return (name.isEmpty ? "" : " " + name) + " " + NumberFormat.short(latest, significant: significant)
    }
}

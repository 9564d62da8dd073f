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
public struct LineChart: Widget {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public var color: Color

        public init(name: String, values: [Double], color: Color) {
            self.name = name
            self.values = values
            self.color = color
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
        let all = series.flatMap { $0.values.compactMap(transformed) }
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

    /// Each series' points in dot coordinates (x right, y down), `nil` where a value is skipped.
    private func dots(of values: [Double], width: Int, height: Int, range: ClosedRange<Double>) -> [Point?] {
        let span = range.upperBound - range.lowerBound
        return values.enumerated().map { i, value in
            guard let t = transformed(value) else { return nil }
            let x = values.count == 1 ? 0 : Int((Double(i) / Double(values.count - 1) * Double(width - 1)).rounded())
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

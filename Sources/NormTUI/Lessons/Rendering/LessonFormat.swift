import TerminalUI
import NumberFormatting
import NormLessons
/// How the lesson screens show a measurement that may not exist yet: "–" until it does.
enum LessonFormat {
    static let missing = "–"

    /// `value` as a percentage, or "–".
    static func percent(_ value: Double?) -> String {
        value.map(NumberFormat.percent) ?? missing
    }

    /// `value` in a few significant digits, or "–".
    static func short(_ value: Double?) -> String {
        value.map(NumberFormat.short) ?? missing
    }

    /// The first of `titles` (longest first) that a panel `width` wide shows uncut — a panel
    /// keeps a corner, a line cell and a space on each side — or else the last, cut.
    static func panelTitle(_ titles: [String], width: Int) -> String {
        titles.first { $0.count + 6 <= width } ?? titles.last ?? ""
    }
}

extension LessonFormat {
    /// One value per seed as a table cell: the value alone for one seed, else the median and
    /// the range in whole percent, "91 (88–93)%" — short enough for an 80-column table — or
    /// the median alone where a narrow table has no room for the range.
    static func percent(seeds values: [Double], showsRange: Bool = true) -> String {
        guard values.count > 1 else { return percent(values.first.flatMap { $0.isFinite ? $0 : nil }) }
        guard let summary = SeedSpread.summary(values) else { return missing }
        guard showsRange else { return NumberFormat.percent(summary.median) }
        let whole = { (fraction: Double) in String(Int((fraction * 100).rounded())) }
        let sign = NumberFormat.style == .comma ? " %" : "%"
        let (low, high) = (whole(summary.low), whole(summary.high))
        return low == high ? "\(whole(summary.median))\(sign)" : "\(whole(summary.median)) (\(low)\(dash(summary.low))\(high))\(sign)"
    }

    /// One value per seed in a few significant digits: the median and the range, or the
    /// median alone where a narrow table has no room for the range.
    static func short(seeds values: [Double], showsRange: Bool = true) -> String {
        guard values.count > 1 else { return short(values.first.flatMap { $0.isFinite ? $0 : nil }) }
        guard let summary = SeedSpread.summary(values) else { return missing }
        guard showsRange else { return NumberFormat.short(summary.median) }
        let digits = { (value: Double) in NumberFormat.short(value, significant: 2) }
        let (low, high) = (digits(summary.low), digits(summary.high))
        return low == high ? digits(summary.median) : "\(digits(summary.median)) (\(low)\(dash(summary.low))\(high))"
    }

    /// Between the ends of a range: a dash, or "…" where a minus sign would stand beside it.
    private static func dash(_ low: Double) -> String { low < 0 ? "…" : "–" }
}

extension LineChart.Series {
    /// A quantity over several seeds: the median as the line, the range behind it as shade
    /// (no shade for a single seed).
    init(name: String, spread: SeedSpread, color: Color) {
        self.init(
            name: name, values: spread.medians, color: color,
            band: spread.seedCount > 1 ? LineChart.Band(lows: spread.lows, highs: spread.highs) : nil)
    }
}

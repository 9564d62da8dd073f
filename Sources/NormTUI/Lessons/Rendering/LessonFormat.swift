import TerminalUI
import NumberFormatting
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

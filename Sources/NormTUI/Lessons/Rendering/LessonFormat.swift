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
}

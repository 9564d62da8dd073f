/// How numbers for people are written: English `0.94` and `97.1%`, German `0,94` and
/// `97,1 %`. The style is scoped, not passed: every number on a German screen goes through
/// `NumberFormat`, from widgets, panels and lessons alike, and threading a language through
/// each of those calls would leave some behind. English stays the default, so output that
/// never asks for the comma is unchanged byte for byte.
public enum DecimalStyle: Sendable, Equatable {
    case point
    case comma

    /// The character between the whole part and the fraction.
    public var separator: String {
        switch self {
        case .point: "."
        case .comma: ","
        }
    }
}

extension NumberFormat {
    /// The style `short`, `fitting` and `percent` write in; `.point` unless a caller chose
    /// otherwise for the work inside `withStyle`.
    @TaskLocal public static var style: DecimalStyle = .point

    /// Runs `body` with numbers written in `style`: e.g. a German screen drawn all at once.
    public static func withStyle<T>(_ style: DecimalStyle, _ body: () throws -> T) rethrows -> T {
        try $style.withValue(style, operation: body)
    }

    /// `text` with every decimal point between two digits made the current style's
    /// separator: for numbers formatted elsewhere, e.g. by `String(format:)`.
    public static func separated(_ text: String) -> String {
        guard style == .comma else { return text }
        var characters = Array(text)
        for index in characters.indices.dropFirst().dropLast()
        where characters[index] == "." && characters[index - 1].isASCIIDigit && characters[index + 1].isASCIIDigit {
            characters[index] = ","
        }
        return String(characters)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

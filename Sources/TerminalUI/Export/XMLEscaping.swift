extension StringProtocol {
    /// The text with `&`, `<`, `>` and `"` written as entities, safe inside XML and HTML
    /// elements and double-quoted attributes. Control characters other than tab and line
    /// breaks, which XML 1.0 forbids even as entities, become U+FFFD.
    public var xmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n", "\t", "\r", "\r\n": escaped.append(character)
            case let control where control.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }):
                escaped += "\u{FFFD}"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A string as a JSON string literal, for the asciicast lines.
///
/// Written by hand rather than with a JSON encoder because a recording writes one line per
/// frame and must write it whole: quote and backslash escaped, every control character as
/// `\uXXXX` (ESC becomes `\u001b`, so a line never holds a raw escape), and everything else —
/// box drawing, braille, umlauts — as UTF-8 text, which JSON allows and keeps the files small.
public enum JSONString {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

import Foundation

/// Numbers for people: three significant digits, trailing zeros dropped, and one scheme for
/// every magnitude — plain decimals from 0.01 up to 1000, SI suffixes (k, M, G, T) up to
/// 10¹⁵, scientific notation (`1.23e-3`) beyond either end. Activations, gradients and
/// learning rates span many decades; a fixed number of decimals would show most of them as
/// `0.000`, and Swift's own `description` (`1.0000000474974513e-05`) is not for people.
public enum NumberFormat {
    /// `0.00123` → `1.23e-3`, `0.0123` → `0.0123`, `1.5` → `1.5`, `12345` → `12.3k`,
    /// `-0.0` → `0`, `.nan` → `nan`, `-.infinity` → `-inf`.
    public static func short(_ value: Double) -> String {
        short(value, significant: 3)
    }

    /// `short` with 1, 2 or 3 significant digits: `0.938` → `0.94` → `0.9`.
    public static func short(_ value: Double, significant: Int) -> String {
        precondition((1...3).contains(significant), "1 to 3 significant digits")
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let (digits, exponent) = significantDigits(abs(value), count: significant)
        let padded = digits * pow10(3 - significant)  // back to 100...999 for `place`
        switch exponent {
        case -2...2:
            return sign + place(padded, exponent: exponent)
        case 3..<15:
            let group = exponent / 3
            return sign + place(padded, exponent: exponent - 3 * group) + siSuffixes[group - 1]
        default:
            return sign + place(padded, exponent: 0) + "e" + String(exponent)
        }
    }

    /// The most precise form of `value` that is at most `width` characters wide — three
    /// significant digits, then two, then one — or `nil` when not even one digit fits. A
    /// number is shortened, never cut: a cut `0.938` reads `0.` or `0`, a wrong value.
    public static func fitting(_ value: Double, width: Int) -> String? {
        for significant in [3, 2, 1] {
            let text = short(value, significant: significant)
            if text.count <= width { return text }
        }
        return nil
    }

    /// A fraction as a percentage with one decimal: `0.9712` → `97.1%`, `1` → `100.0%`;
    /// in the German style `97,1 %` (a space before the sign, as German typesetting has it).
    /// The fixed decimal keeps the width steady while a value changes every step.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return short(fraction) }
        let tenths = Int((fraction * 1000).rounded())
        let sign = tenths < 0 ? "-" : ""
        let number = String(abs(tenths) / 10) + style.separator + String(abs(tenths) % 10)
        return sign + number + (style == .comma ? " %" : "%")
    }

    private static let siSuffixes = ["k", "M", "G", "T"]

    /// The value rounded to `count` significant digits as an integer of `count` digits
    /// (100...999 for three) and the decimal exponent of its first digit:
    /// `value ≈ digits × 10^(exponent − count + 1)`.
    private static func significantDigits(_ magnitude: Double, count: Int) -> (digits: Int, exponent: Int) {
        let (low, high) = (pow10(count - 1), pow10(count))
        var exponent = Int(log10(magnitude).rounded(.down))
        var digits = Int(scale(magnitude, by: count - 1 - exponent).rounded())
        if digits < low {
            // log10 of a number just below a power of ten can round up to the integer.
            exponent -= 1
            digits = Int(scale(magnitude, by: count - 1 - exponent).rounded())
        }
        if digits >= high {
            // 999.6 rounds to 1000 (and log10 of a power of ten can round down): the range is
            // chosen from the rounded number, so 999.6 becomes 1k, not 1000.
            exponent += 1
            digits = Int(scale(magnitude, by: count - 1 - exponent).rounded())
        }
        return (digits, exponent)
    }

    private static func pow10(_ power: Int) -> Int {
        (0..<power).reduce(1) { value, _ in value * 10 }
    }

    /// `value × 10^power`, dividing for negative powers so that powers of ten up to 10²²
    /// stay exact, and in two steps beyond 10³⁰⁰ so that subnormal values do not overflow.
    private static func scale(_ value: Double, by power: Int) -> Double {
        if power > 300 { return value * 1e300 * pow(10, Double(power - 300)) }
        return power >= 0 ? value * pow(10, Double(power)) : value / pow(10, Double(-power))
    }

    /// Writes three digits (100...999) with the decimal point placed for `exponent` in
    /// -2...2, dropping trailing zeros after the point.
    private static func place(_ digits: Int, exponent: Int) -> String {
        let text = String(digits)
        var whole: String, fraction: String
        if exponent >= 0 {
            whole = String(text.prefix(exponent + 1))
            fraction = String(text.dropFirst(exponent + 1))
        } else {
            whole = "0"
            fraction = String(repeating: "0", count: -exponent - 1) + text
        }
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? whole : whole + style.separator + fraction
    }
}

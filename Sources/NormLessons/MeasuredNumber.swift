import Foundation
import NumberFormatting

/// Numbers in the sentences a claim's verdict says, in the language of the text: German
/// prose writes a decimal comma and a space before the percent sign ("97,1 %").
public enum MeasuredNumber {
    /// A fraction as a percentage: `0.971` → "97.1%" or "97,1 %".
    public static func percent(_ fraction: Double, _ language: Language = .en) -> String {
        let text = localized(pointed { NumberFormat.percent(fraction) }, language)
        return language == .de ? text.replacingOccurrences(of: "%", with: " %") : text
    }

    /// Three significant digits: `2.413` → "2.41" or "2,41".
    public static func short(_ value: Double, _ language: Language = .en) -> String {
        localized(pointed { NumberFormat.short(value) }, language)
    }

    /// A fixed number of decimals, where three significant digits hide the point (a variance
    /// of 0.999988 next to 1): `fixed(0.9999876, decimals: 6)` → "0.999988" or "0,999988".
    public static func fixed(_ value: Double, decimals: Int, _ language: Language = .en) -> String {
        localized(String(format: "%.\(decimals)f", value), language)
    }

    /// `format` in the point style: a verdict's German text is built inside `Localized`, where
    /// `NumberFormat` already writes the comma style ("0,2 %"), and the space before "%" would
    /// come twice.
    private static func pointed(_ format: () -> String) -> String {
        NumberFormat.withStyle(.point, format)
    }

    /// `text` with a decimal comma in German.
    private static func localized(_ text: String, _ language: Language) -> String {
        language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

import Foundation
import NumberFormatting

/// Numbers in the sentences a claim's verdict says, in the language of the text: German
/// prose writes a decimal comma and a space before the percent sign ("97,1 %").
public enum MeasuredNumber {
    /// A fraction as a percentage: `0.971` → "97.1%" or "97,1 %".
    public static func percent(_ fraction: Double, _ language: Language = .en) -> String {
        let text = NumberFormat.percent(fraction)
        return language == .de ? text.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "%", with: " %") : text
    }

    /// Three significant digits: `2.413` → "2.41" or "2,41".
    public static func short(_ value: Double, _ language: Language = .en) -> String {
        let text = NumberFormat.short(value)
        return language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

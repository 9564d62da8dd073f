import Foundation
import NormLessons

extension Localized {
    /// Both texts with `{1}`, `{2}`, … replaced by `values` in order.
    func filled(_ values: Any...) -> Localized {
        var filled = self
        for (index, value) in values.enumerated() {
            filled.en = filled.en.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
            filled.de = filled.de.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
        }
        return filled
    }

    /// The text in `language` with `{1}`, `{2}`, … replaced by `values` in order.
    func callAsFunction(_ language: Language, _ first: Any, _ rest: Any...) -> String {
        var text = self(language)
        for (index, value) in ([first] + rest).enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
        }
        return text
    }
}

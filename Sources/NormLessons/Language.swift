import Foundation
import NumberFormatting

/// The language of the lesson texts: English, or German with the glossary's own terms.
public enum Language: String, CaseIterable, Sendable {
    case en
    case de

    /// German when the locale says so (LC_ALL, LC_MESSAGES or LANG starting with "de"),
    /// English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }

    /// How numbers are written in this language: German has the decimal comma.
    public var decimalStyle: DecimalStyle { self == .de ? .comma : .point }
}

/// A text in both languages.
public struct Localized: Sendable, Equatable {
    public var en: String
    public var de: String

    /// The German text is built with decimal commas: a number `NumberFormat` writes inside
    /// it reads `0,94`, as German prose has it, while the English one keeps `0.94`.
    public init(en: String, de: @autoclosure () -> String) {
        self.en = en
        self.de = NumberFormat.withStyle(.comma, de)
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: en
        case .de: de
        }
    }
}

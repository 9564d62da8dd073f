import Foundation

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
}

/// A text in both languages.
public struct Localized: Sendable, Equatable {
    public var en: String
    public var de: String

    public init(en: String, de: String) {
        self.en = en
        self.de = de
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: en
        case .de: de
        }
    }
}

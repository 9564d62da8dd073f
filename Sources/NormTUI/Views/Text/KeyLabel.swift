import NormLessons

/// How the key bar and the help name a key in the UI's language: the space bar is "space" in
/// English and "Leertaste" in German; every other label (letters, Esc, Tab, Enter) reads the
/// same in both.
enum KeyLabel {
    static func named(_ label: String, _ language: Language) -> String {
        label == "space" && language == .de ? "Leertaste" : label
    }

    /// The help's lines: each label padded to one column (at least 7 wide), then its sentence.
    static func helpLines(_ entries: [(label: String, help: String)], _ language: Language) -> [String] {
        let labels = entries.map { named($0.label, language) }
        let width = max(7, (labels.map(\.count).max() ?? 0) + 1)
        return zip(labels, entries).map { label, entry in label.padding(toLength: width, withPad: " ", startingAt: 0) + entry.help }
    }
}

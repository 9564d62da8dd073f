/// normtui's version, for `normtui --version`: bumped with each release of the command-line
/// contract (docs/DESIGN.md, "Command-line contract").
enum Version {
    static let current = "0.2.0"
}

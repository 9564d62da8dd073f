/// Why the interactive UI cannot start. Each message says what to do instead, since the
/// usual cause is running `normtui` from a script, a pipe or a minimal terminal.
public enum TerminalError: Error, CustomStringConvertible {
    /// `stream` is "stdin" or "stdout".
    case notATerminal(stream: String)
    /// curses does not know the terminal type in `TERM`.
    case unknownTerminal(term: String)
    /// The terminal type cannot move the cursor (e.g. `TERM=dumb`).
    case noCursorAddressing(term: String)

    public var description: String {
        let alternatives = "use `normtui train` for a headless run or `normtui snapshot` to render the screen as text"
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; the interactive UI needs one — \(alternatives)"
        case .unknownTerminal(let term):
            return "cannot open terminal type '\(term)'; set TERM to your terminal (e.g. xterm-256color), or \(alternatives)"
        case .noCursorAddressing(let term):
            return "terminal type '\(term)' cannot move the cursor, which a full-screen UI needs; \(alternatives)"
        }
    }
}

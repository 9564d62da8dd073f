/// A key press, decoded from what curses reports. Printable input (including non-ASCII text
/// typed into the settings editor) arrives as `.character`; everything the UI binds to a
/// special meaning has its own case.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, other than the ones with their own case (Ctrl-C, Tab = Ctrl-I,
    /// Enter = Ctrl-J/Ctrl-M, Backspace = Ctrl-H), as the lowercase letter.
    case control(Character)
    /// Arrives as a key, not a signal, because the terminal runs in raw mode.
    case ctrlC
    case escape
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case insert
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// F1 is `function(1)`.
    case function(Int)
    /// The terminal changed size; read the new size and redraw.
    case resize
    /// A click or a turn of the wheel (with mouse reporting on; the keyboard does it all too).
    case mouse(MouseEvent)
}

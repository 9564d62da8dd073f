/// What a UI loop needs from a terminal: its size and glyphs, a way to show a `Grid`, and the
/// keys typed since the last look. ``Terminal`` is the real one (ncurses); ``TestBackend``
/// stands in for it in `normtui snapshot` and the tests, so that both run the same loop.
///
/// The requirements are `mutating` so that a test backend can be a plain value; the real
/// terminal is a class and changes itself.
public protocol TerminalBackend {
    /// The screen's size in cells; a loop draws grids of this size.
    var size: (width: Int, height: Int) { get }
    /// The characters this terminal can show (Unicode or ASCII, with or without colour).
    var glyphs: GlyphSet { get }
    /// The termination signal (SIGINT, SIGTERM, SIGHUP) received since the terminal was
    /// opened, if any: the loop then ends with status 128 + signal.
    var pendingSignal: Int32? { get }

    /// Shows `grid`, which should be made at `size`.
    mutating func draw(_ grid: Grid)

    /// Every key waiting to be read, in the order typed, after waiting up to `milliseconds`
    /// for the first. Empty when nothing came in time. Reading them all at once is what keeps
    /// a burst of keys (ten `s` sent together) from trickling in one per frame.
    /// `.resize` means the size changed: read `size` again.
    mutating func readKeys(waitingUpTo milliseconds: Int) -> [Key]
}

import CNcurses
import Glibc

/// The one place that talks to the terminal: opens curses, draws grids, reads keys, and puts
/// the terminal back the way it was. Everything else in the UI works on `Grid` and `Key`.
public final class Terminal: TerminalBackend {
    public struct Options: Sendable {
        /// `false` (the `--no-color` flag) draws monochrome, as does the `NO_COLOR` variable.
        public var colors = true
        /// `true` (the `--ascii` flag) draws ASCII even in a UTF-8 locale.
        public var ascii = false
        /// `false` (the `--no-mouse` flag) leaves the mouse to the terminal (its own selection).
        public var mouse = true

        public init(colors: Bool = true, ascii: Bool = false, mouse: Bool = true) {
            self.colors = colors
            self.ascii = ascii
            self.mouse = mouse
        }
    }

    /// Unicode glyphs in a UTF-8 locale, ASCII otherwise: curses draws non-ASCII characters
    /// as blanks in any other locale, without an error.
    public let glyphs: GlyphSet
    /// `nil` in monochrome mode, where styles keep only bold, reverse, dim and underline.
    public let palette: ColorPalette?

    private let screen: OpaquePointer
    private var previous: Grid?
    private var colorPairs: [ColorPairKey: Int16] = [:]
    private var restored = false

    private struct ColorPairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// The last SIGINT, SIGTERM or SIGHUP received since the terminal was opened. The main
    /// loop checks it after every input poll, restores the terminal and exits 128 + signal.
    public var pendingSignal: Int32? {
        let signal = Signals.pending.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Enters curses mode: raw input (Ctrl-C is a key), no echo, hidden cursor, keypad
    /// decoding, fast Esc, and colours when the terminal has them and they are not disabled.
    /// - Throws: `TerminalError` when stdin or stdout is not a terminal, or `TERM` names a
    ///   terminal curses does not know or one that cannot address the cursor.
    public init(options: Options = Options()) throws {
        // Checked first: curses would write escape codes into a pipe, and spin on a closed
        // stdin.
        if isatty(STDIN_FILENO) == 0 { throw TerminalError.notATerminal(stream: "stdin") }
        if isatty(STDOUT_FILENO) == 0 { throw TerminalError.notATerminal(stream: "stdout") }
        setlocale(LC_ALL, "")
        let utf8 = String(cString: nt_codeset()) == "UTF-8"

        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        // newterm, unlike initscr, returns nil for an unknown terminal instead of exiting.
        guard let screen = nt_newterm() else { throw TerminalError.unknownTerminal(term: term) }
        guard nt_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.noCursorAddressing(term: term)
        }
        self.screen = screen

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if options.colors && !noColor && has_colors() {
            start_color()
            use_default_colors()
            palette = ColorPalette(colorCount: Int(nt_colors()))
        } else {
            palette = nil
        }
        var glyphs: GlyphSet = utf8 && !options.ascii ? .unicode : .ascii
        glyphs.hasColor = palette != nil
        self.glyphs = glyphs
        raw()
        noecho()
        nonl()
        keypad(nt_stdscr(), true)
        // Home and End as tmux, screen and the Linux console send them, which xterm's terminfo
        // entry does not list: without these, End would arrive as Esc, "4" and "~".
        for (sequence, code) in [("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END)] {
            define_key(sequence, code)
        }
        if options.mouse { _ = nt_mouse_enable() }
        curs_set(0)
        set_escdelay(25)
        Signals.cursesActive.store(true, ordering: .relaxed)
        Signals.install()
    }

    deinit { restore() }

    /// The terminal's current size in cells.
    public var size: (width: Int, height: Int) {
        var height: Int32 = 0, width: Int32 = 0
        nt_getmaxyx(nt_stdscr(), &height, &width)
        return (Int(width), Int(height))
    }

    /// Shows `grid`, writing only the cells that changed since the last frame. Cells beyond
    /// the terminal's edge are skipped (the grid should be made at `size`).
    public func draw(_ grid: Grid) {
        guard !restored else { return }
        let (width, height) = size
        if previous?.width != grid.width || previous?.height != grid.height {
            erase()
            previous = nil
        }
        grid.forEachChange(since: previous) { point, cell in
            guard point.x < width, point.y < height else { return }
            let character = wchar_t(bitPattern: cell.character.unicodeScalars.first?.value ?? 32)
            // Writing the bottom-right cell reports an error (the cursor cannot advance past
            // it) but draws it: the result is ignored on purpose.
            _ = nt_put_wch(Int32(point.y), Int32(point.x), character,
                           ColorPalette.attributes(of: cell.style), colorPair(for: cell.style))
        }
        previous = grid
        refresh()
    }

    /// Every key curses has buffered, after waiting up to `milliseconds` for the first: the
    /// rest are read without waiting, so a burst typed at once is handled in one frame.
    /// Empty on timeout or when a signal interrupted the wait (negative: wait forever).
    /// After `.resize` the next `draw` repaints the whole screen.
    public func readKeys(waitingUpTo milliseconds: Int) -> [Key] {
        var keys: [Key] = []
        var wait = milliseconds
        while true {
            switch read(timeoutMilliseconds: wait) {
            case .key(let key): keys.append(key)
            case .unused: break
            case .nothing:
                // A resize curses did not report (resized and back between two reads): the
                // terminal redrew its contents all the same.
                if Signals.takeResize(), !keys.contains(.resize) {
                    clearok(nt_stdscr(), true)
                    previous = nil
                    keys.append(.resize)
                }
                return keys
            }
            wait = 0
        }
    }

    /// What one read from curses gave.
    private enum Input {
        case key(Key)
        /// Input the UI does not use (an unknown key code): there may be more behind it.
        case unused
        /// Nothing within the timeout, or a signal interrupted the wait.
        case nothing
    }

    private func read(timeoutMilliseconds: Int) -> Input {
        guard !restored else { return .nothing }
        timeout(Int32(clamping: timeoutMilliseconds))
        var value: wint_t = 0
        let key: Key?
        switch get_wch(&value) {
        case OK: key = Key.decode(.character(value))
        case KEY_CODE_YES where Int32(bitPattern: value) == KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0
            var buttons: mmask_t = 0
            key = nt_get_mouse(&x, &y, &buttons) != 0 ? Key.decode(.mouse(x: x, y: y, buttons: UInt(buttons))) : nil
        case KEY_CODE_YES: key = Key.decode(.keyCode(Int32(bitPattern: value)))
        default: return .nothing
        }
        guard let key else { return .unused }
        if key == .resize {
            // The terminal re-wrapped its contents: nothing on screen can be trusted.
            clearok(nt_stdscr(), true)
            previous = nil
            _ = Signals.takeResize()
        }
        return .key(key)
    }

    /// Leaves curses mode and puts back the previous signal handlers; safe to call more
    /// than once, and called on deinit.
    public func restore() {
        guard !restored else { return }
        restored = true
        Signals.uninstall()
        if Signals.cursesActive.exchange(false, ordering: .relaxed) {
            curs_set(1)
            endwin()
        }
        delscreen(screen)
    }

    /// The colour pair for a style's colours, allocated on first use; pair 0 (the default
    /// colours) in monochrome mode or once the terminal runs out of pairs.
    private func colorPair(for style: Style) -> Int16 {
        guard let palette, style.foreground != nil || style.background != nil else { return 0 }
        let key = ColorPairKey(foreground: style.foreground.map(palette.number(for:)) ?? -1,
                               background: style.background.map(palette.number(for:)) ?? -1)
        if let pair = colorPairs[key] { return pair }
        let pair = colorPairs.count + 1
        guard pair < Int(nt_color_pairs()), pair <= Int(Int16.max) else { return 0 }
        init_pair(Int16(pair), key.foreground, key.background)
        colorPairs[key] = Int16(pair)
        return Int16(pair)
    }
}

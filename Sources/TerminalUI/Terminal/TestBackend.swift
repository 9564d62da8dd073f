import Glibc

/// A terminal without a terminal: keys and resizes are scripted in, the frames a loop draws
/// are kept, and the current screen reads as text. `normtui snapshot` and the tests run the
/// real UI loop on it (the idea of ratatui's `TestBackend`).
public struct TestBackend: TerminalBackend {
    /// Something typed or done to the terminal, waiting to be read.
    public enum Input: Equatable, Sendable {
        case key(Key)
        /// The window became this size; the loop reads it as `.resize`.
        case resize(width: Int, height: Int)
    }

    public private(set) var size: (width: Int, height: Int)
    /// Which characters a screen drawn for this terminal uses; a test may switch them.
    public var glyphs: GlyphSet
    /// A signal to report, as if the process had received it.
    public var pendingSignal: Int32?
    /// Input not read yet, oldest first.
    public private(set) var waiting: [Input] = []
    /// Every grid drawn, oldest first.
    public private(set) var frames: [Grid] = []

    /// A `width`×`height` terminal showing nothing yet.
    public init(width: Int, height: Int, glyphs: GlyphSet = .unicode) {
        size = (width, height)
        self.glyphs = glyphs
    }

    /// What is on screen now: the last grid drawn, or a blank screen before the first.
    public var screen: Grid { frames.last ?? Grid(width: size.width, height: size.height) }

    /// The screen's lines without trailing spaces, as `Grid.text` gives them.
    public var text: [String] { screen.text }

    /// Types `keys`, to be read by the next `readKeys`.
    public mutating func type(_ keys: [Key]) {
        waiting += keys.map(Input.key)
    }

    /// Resizes the window; the loop learns of it from the `.resize` key it reads next.
    public mutating func resize(width: Int, height: Int) {
        waiting.append(.resize(width: width, height: height))
    }

    public mutating func draw(_ grid: Grid) {
        frames.append(grid)
    }

    /// Everything waiting, at once; a resize takes effect as it is read, so that `size` is
    /// the newest one, as on a real terminal. With nothing waiting it sleeps `milliseconds`,
    /// as a terminal waits for keys, so that a loop with workers on threads does not spin.
    public mutating func readKeys(waitingUpTo milliseconds: Int) -> [Key] {
        guard !waiting.isEmpty else {
            if milliseconds > 0 { usleep(useconds_t(milliseconds) * 1000) }
            return []
        }
        let read = waiting
        waiting = []
        return read.map { input in
            switch input {
            case .key(let key):
                return key
            case .resize(let width, let height):
                size = (width, height)
                return .resize
            }
        }
    }
}

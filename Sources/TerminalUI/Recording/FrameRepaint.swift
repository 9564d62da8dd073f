/// Turns each frame into the escapes that change a terminal from the previous frame to it.
///
/// Rows are the unit: a row that differs is rewritten whole (cursor to its start, erase the
/// row, its text with `Grid.ansi`'s colour escapes), rows that are the same are not sent. A
/// training screen changes a few charts a frame, so this keeps files small without the cursor
/// arithmetic of a cell diff. The first frame, and the first after a size change, clears the
/// screen and starts from home, so a player that starts on any terminal shows exactly the
/// frame. Erasing a row before writing it (rather than erasing its tail after) matters: a row
/// that fills the last column leaves the cursor there, and erasing from it would eat that cell.
public struct FrameRepaint {
    /// Whether colours are written (`false` for `--no-color` and `NO_COLOR`).
    public let colors: Bool
    private var previous: Grid?

    public init(colors: Bool) {
        self.colors = colors
    }

    /// The escapes that show `grid`; empty when it is the frame shown already.
    public mutating func escapes(for grid: Grid) -> String {
        defer { previous = grid }
        let lines = grid.ansi(colors: colors).split(separator: "\n", omittingEmptySubsequences: false)
        guard let previous, previous.width == grid.width, previous.height == grid.height else {
            var out = "\u{1B}[0m\u{1B}[H\u{1B}[2J"
            for (y, line) in lines.prefix(grid.height).enumerated() where !line.isEmpty {
                out += "\u{1B}[\(y + 1);1H" + line
            }
            return out
        }
        var out = ""
        for y in 0..<grid.height where grid.cells[y * grid.width..<(y + 1) * grid.width] != previous.cells[y * grid.width..<(y + 1) * grid.width] {
            out += "\u{1B}[\(y + 1);1H\u{1B}[0m\u{1B}[2K" + lines[y]
        }
        return out
    }
}

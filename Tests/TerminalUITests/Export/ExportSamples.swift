@testable import TerminalUI

/// Small grids with every style and glyph kind the exports treat differently.
enum ExportSamples {
    /// A framed panel: a box, text in colours, bold, dim, reverse, underline and `<&>`.
    static var styles: Grid {
        var grid = Grid(width: 14, height: 5)
        Panel(title: "x<&>", focused: false).render(into: &grid, in: grid.bounds, glyphs: .unicode)
        grid.put(text: "μ=1", at: Point(x: 1, y: 1), style: .foreground(.cyan, bold: true))
        grid.put(text: "dim", at: Point(x: 5, y: 1), style: .dim)
        grid.put(text: "rev", at: Point(x: 9, y: 1), style: .reverse)
        grid.put(text: "under", at: Point(x: 1, y: 2), style: Style(underline: true))
        grid.put(text: "bg", at: Point(x: 7, y: 2), style: Style(foreground: .black, background: .yellow))
        grid.put(text: "a&b<c>", at: Point(x: 1, y: 3), style: .foreground(.series(2)))
        return grid
    }

    /// A tiny chart: eighth blocks in two series colours, a shade, half blocks, braille.
    static var chart: Grid {
        var grid = Grid(width: 10, height: 4)
        let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (x, bar) in bars.enumerated() {
            grid.put(bar, at: Point(x: x, y: 2), style: .foreground(.series(x / 4)))
            grid.put("█", at: Point(x: x, y: 3), style: .foreground(.series(x / 4)))
        }
        grid.put(text: "░▒▓▀▌▐", at: Point(x: 0, y: 0), style: .foreground(.grayLevel(20)))
        grid.put(text: "⣿⠁⢀┤", at: Point(x: 0, y: 1), style: .foreground(.green))
        return grid
    }
}

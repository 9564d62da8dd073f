@testable import TerminalUI

/// Renders `widget` into a fresh `width` × `height` grid covering the whole grid.
func rendered(_ widget: some Widget, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> Grid {
    var grid = Grid(width: width, height: height)
    widget.render(into: &grid, in: grid.bounds, glyphs: glyphs)
    return grid
}

/// The text lines of `widget` rendered at `width` × `height`.
func screen(_ widget: some Widget, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> [String] {
    rendered(widget, width: width, height: height, glyphs: glyphs).text
}

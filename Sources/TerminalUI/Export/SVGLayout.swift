/// The geometry of an exported screen, in SVG pixels: a window with a title bar around a
/// grid of cells that have a terminal's proportions (0.6 em wide, 1.2 em high).
public struct SVGLayout: Hashable, Sendable {
    public var fontSize: Double = 20
    public var cellWidth: Double = 12
    public var cellHeight: Double = 24
    /// From a row's top to the text baseline: centres DejaVu Sans Mono's ascent and descent
    /// (0.93 and 0.24 em) in the row.
    public var baseline: Double = 19
    /// The window's margin around the grid.
    public var padding: Double = 12
    public var titleBarHeight: Double = 36

    public init() {}

    /// The picture's width and height for a grid of `columns` × `rows` cells.
    public func size(columns: Int, rows: Int) -> (width: Double, height: Double) {
        (Double(columns) * cellWidth + 2 * padding, titleBarHeight + Double(rows) * cellHeight + 2 * padding)
    }

    /// The top-left corner of cell (`x`, `y`) inside the grid's area.
    func origin(x: Int, y: Int) -> (x: Double, y: Double) {
        (Double(x) * cellWidth, Double(y) * cellHeight)
    }
}

/// A number as SVG writes it: integers without a decimal point, others with at most two
/// decimals, so the files stay small and the same on every machine.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
}

/// A screen's worth of cells, stored row-major in one flat array so that a full frame is a
/// single allocation and diffing two frames is a linear scan.
///
/// Every write is clipped to the grid (and optionally to a smaller rectangle): widgets draw
/// without bounds arithmetic of their own, and nothing traps on a tiny terminal.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position inside the grid.
    /// - Precondition: `x` and `y` are inside `bounds`.
    public subscript(x x: Int, y y: Int) -> Cell {
        get {
            precondition(bounds.contains(Point(x: x, y: y)), "Cell (\(x), \(y)) is outside the grid.")
            return cells[y * width + x]
        }
        set {
            precondition(bounds.contains(Point(x: x, y: y)), "Cell (\(x), \(y)) is outside the grid.")
            cells[y * width + x] = newValue
        }
    }

    /// Writes one character, unless it falls outside the grid or `clip`.
    public mutating func put(_ character: Character, at point: Point, style: Style = .plain, clip: Rect? = nil) {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(point) else { return }
        cells[point.y * width + point.x] = Cell(character, style: style)
    }

    /// Writes `text` left to right from `point`, one column per character, dropping what falls
    /// outside the grid or `clip`.
    /// - Returns: The column after the last character, whether or not it was visible.
    @discardableResult
    public mutating func put(text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var x = point.x
        guard point.y >= area.y, point.y < area.maxY else { return x + text.count }
        let row = point.y * width
        for character in text {
            if x >= area.x, x < area.maxX {
                cells[row + x] = Cell(character, style: style)
            }
            x += 1
        }
        return x
    }

    /// Sets every cell of `rect` (clipped to the grid) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            let row = y * width
            for x in area.x..<area.maxX { cells[row + x] = cell }
        }
    }

    /// Changes the style of every cell of `rect` but keeps the characters: used for
    /// highlights (a selected row, a focused panel) drawn over content already rendered.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            let row = y * width
            for x in area.x..<area.maxX { transform(&cells[row + x].style) }
        }
    }

    /// The characters of each row, trailing spaces removed, so golden screens in tests and
    /// `normtui snapshot` output compare line by line without invisible differences.
    public var text: [String] {
        (0..<height).map { y in
            var line = String(cells[(y * width)..<(y * width + width)].map(\.character))
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// One string per row with a character chosen per cell style, trailing spaces removed:
    /// lets a test state where a style applies, e.g. `grid.styleMask { $0.reverse ? "r" : " " }`.
    public func styleMask(_ mark: (Style) -> Character) -> [String] {
        (0..<height).map { y in
            var line = String(cells[(y * width)..<(y * width + width)].map { mark($0.style) })
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

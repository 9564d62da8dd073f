/// Block elements, box-drawing and braille characters as rectangles, so that an exported
/// screen does not depend on a font for them: fonts disagree on their height (bars of a
/// histogram show gaps between rows, frames break, braille lines thin out), and a font
/// without the glyph would leave a hole.
enum BlockGeometry {
    /// The rectangles that draw `character` in a cell of the given size, relative to the
    /// cell's top-left corner; `nil` for a character that is text.
    static func rects(for character: Character, cellWidth w: Double, cellHeight h: Double) -> [CellRect]? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        if let arms = boxArms[character] { return box(arms, cellWidth: w, cellHeight: h) }
        let value = scalar.value
        switch value {
        case 0x2581...0x2588:  // ▁▂▃▄▅▆▇█: the lower k eighths
            let height = h * Double(value - 0x2580) / 8
            return [CellRect(x: 0, y: h - height, width: w, height: height)]
        case 0x2589...0x258F:  // ▉▊▋▌▍▎▏: the left 7…1 eighths
            return [CellRect(x: 0, y: 0, width: w * Double(0x2590 - value) / 8, height: h)]
        case 0x2580: return [CellRect(x: 0, y: 0, width: w, height: h / 2)]  // ▀
        case 0x2590: return [CellRect(x: w / 2, y: 0, width: w / 2, height: h)]  // ▐
        case 0x2594: return [CellRect(x: 0, y: 0, width: w, height: h / 8)]  // ▔
        case 0x2595: return [CellRect(x: w * 7 / 8, y: 0, width: w / 8, height: h)]  // ▕
        case 0x2591...0x2593:  // ░▒▓: a quarter, half, three quarters of the colour
            return [CellRect(x: 0, y: 0, width: w, height: h, opacity: Double(value - 0x2590) / 4)]
        case 0x2800...0x28FF:  // braille: 2 × 4 dots
            return braille(UInt8(value - 0x2800), cellWidth: w, cellHeight: h)
        case 0x2596...0x259F:  // ▖▗▘▙▚▛▜▝▞▟: quadrants
            return quadrants[Int(value - 0x2596)].map { quadrant in
                CellRect(x: quadrant % 2 == 0 ? 0 : w / 2, y: quadrant < 2 ? 0 : h / 2, width: w / 2, height: h / 2)
            }
        default:
            return nil
        }
    }

    /// The quadrants (0 upper left, 1 upper right, 2 lower left, 3 lower right) of ▖ … ▟.
    private static let quadrants: [[Int]] = [[2], [3], [0], [0, 2, 3], [0, 3], [0, 1, 2], [0, 1, 3], [1], [1, 2], [1, 2, 3]]

    /// The dot bits of a braille cell in Unicode's order: dots 1–3 down the left column,
    /// 4–6 down the right, then 7 and 8 in the bottom row.
    private static let brailleDots: [(column: Int, row: Int)] = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]

    /// A square dot at the centre of each set dot's place in a 2 × 4 raster, a quarter of
    /// the cell wide: bold enough to read as a line when the chart is projected.
    private static func braille(_ bits: UInt8, cellWidth w: Double, cellHeight h: Double) -> [CellRect] {
        let size = (w / 4).rounded()
        return brailleDots.enumerated().compactMap { bit, dot in
            guard bits & (1 << bit) != 0 else { return nil }
            let (cx, cy) = (w / 4 * Double(2 * dot.column + 1), h / 8 * Double(2 * dot.row + 1))
            return CellRect(x: (cx - size / 2).rounded(), y: (cy - size / 2).rounded(), width: size, height: size)
        }
    }

    /// The weight of one arm of a box-drawing character.
    enum Weight: Int {
        case none = 0, light, heavy
    }

    /// The four arms of a box-drawing character, from the cell's centre to its edges.
    struct Arms: Hashable {
        var up: Weight
        var right: Weight
        var down: Weight
        var left: Weight
    }

    /// Every box-drawing character the widgets use (and their relatives), as the weights of
    /// the arms up, right, down, left. Rounded corners draw square.
    static let boxArms: [Character: Arms] = {
        let table: [(String, [Int])] = [
            ("─", [0, 1, 0, 1]), ("│", [1, 0, 1, 0]), ("┌", [0, 1, 1, 0]), ("┐", [0, 0, 1, 1]),
            ("└", [1, 1, 0, 0]), ("┘", [1, 0, 0, 1]), ("├", [1, 1, 1, 0]), ("┤", [1, 0, 1, 1]),
            ("┬", [0, 1, 1, 1]), ("┴", [1, 1, 0, 1]), ("┼", [1, 1, 1, 1]), ("╭", [0, 1, 1, 0]),
            ("╮", [0, 0, 1, 1]), ("╰", [1, 1, 0, 0]), ("╯", [1, 0, 0, 1]), ("╴", [0, 0, 0, 1]),
            ("╵", [1, 0, 0, 0]), ("╶", [0, 1, 0, 0]), ("╷", [0, 0, 1, 0]),
            ("━", [0, 2, 0, 2]), ("┃", [2, 0, 2, 0]), ("┏", [0, 2, 2, 0]), ("┓", [0, 0, 2, 2]),
            ("┗", [2, 2, 0, 0]), ("┛", [2, 0, 0, 2]), ("┣", [2, 2, 2, 0]), ("┫", [2, 0, 2, 2]),
            ("┳", [0, 2, 2, 2]), ("┻", [2, 2, 0, 2]), ("╋", [2, 2, 2, 2]),
            ("┠", [2, 1, 2, 0]), ("┨", [2, 0, 2, 1]), ("┯", [0, 1, 2, 1]), ("┷", [2, 1, 0, 1]),
        ]
        var arms: [Character: Arms] = [:]
        for (character, weights) in table {
            let w = weights.map { Weight(rawValue: $0)! }
            arms[Character(character)] = Arms(up: w[0], right: w[1], down: w[2], left: w[3])
        }
        return arms
    }()

    /// A box-drawing character as bars from the edges to the centre: one bar across the cell
    /// where both opposite arms have the same weight (so a frame's edge joins into one long
    /// bar), else one per arm, reaching past the centre by half the thickest line so that
    /// corners and junctions close.
    private static func box(_ arms: Arms, cellWidth w: Double, cellHeight h: Double) -> [CellRect] {
        let light = max(1, (w / 6).rounded())
        func thickness(_ weight: Weight) -> Double { Double(weight.rawValue) * light }
        let (cx, cy) = ((w / 2).rounded(.down), (h / 2).rounded(.down))
        let reach = [arms.up, arms.right, arms.down, arms.left].map(thickness).max()! / 2
        var rects: [CellRect] = []
        func horizontal(_ weight: Weight, from x0: Double, to x1: Double) {
            guard weight != .none else { return }
            let t = thickness(weight)
            rects.append(CellRect(x: x0, y: cy - t / 2, width: x1 - x0, height: t))
        }
        func vertical(_ weight: Weight, from y0: Double, to y1: Double) {
            guard weight != .none else { return }
            let t = thickness(weight)
            rects.append(CellRect(x: cx - t / 2, y: y0, width: t, height: y1 - y0))
        }
        if arms.left == arms.right {
            horizontal(arms.left, from: 0, to: w)
        } else {
            horizontal(arms.left, from: 0, to: cx + reach)
            horizontal(arms.right, from: cx - reach, to: w)
        }
        if arms.up == arms.down {
            vertical(arms.up, from: 0, to: h)
        } else {
            vertical(arms.up, from: 0, to: cy + reach)
            vertical(arms.down, from: cy - reach, to: h)
        }
        return rects
    }
}

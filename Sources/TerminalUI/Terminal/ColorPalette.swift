import CNcurses

/// How semantic colours become curses colour numbers for the colours a terminal has.
public struct ColorPalette: Hashable, Sendable {
    /// How many colours the terminal reports (`COLORS`); 0 draws without colour.
    public let colorCount: Int

    /// The curses colour number for `color`. The eight basic colours are the same everywhere;
    /// gray uses the 256-colour ramp, "bright black" on 16-colour terminals, and white on
    /// 8-colour ones.
    public func number(for color: Color) -> Int16 {
        switch color.resolved {
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        case .gray: return colorCount >= 256 ? 244 : colorCount >= 16 ? 8 : Int16(COLOR_WHITE)
        case .grayLevel(let level): return grayNumber(level)
        case .series: preconditionFailure("Color.resolved never returns a series colour.")
        }
    }

    /// A grey level on this terminal: the 256-colour ramp (16 is black, 232…255 the greys,
    /// 231 white); four shades (black, bright black, white, bright white) on 16 colours; black
    /// or white on 8.
    private func grayNumber(_ level: Int) -> Int16 {
        let top = Color.grayLevelCount - 1
        let level = min(max(level, 0), top)
        if colorCount >= 256 {
            return level == 0 ? 16 : level == top ? 231 : Int16(231 + level)
        }
        if colorCount >= 16 {
            let shades: [Int16] = [Int16(COLOR_BLACK), 8, Int16(COLOR_WHITE), 15]
            return shades[min(3, level * 4 / (top + 1))]
        }
        return level * 2 > top ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
    }

    /// The curses attribute bits of a style's flags (colour is a separate pair number).
    public static func attributes(of style: Style) -> attr_t {
        var attributes = NT_A_NORMAL
        if style.bold { attributes |= NT_A_BOLD }
        if style.reverse { attributes |= NT_A_REVERSE }
        if style.dim { attributes |= NT_A_DIM }
        if style.underline { attributes |= NT_A_UNDERLINE }
        return attributes
    }

    public init(colorCount: Int) {
        self.colorCount = colorCount
    }
}

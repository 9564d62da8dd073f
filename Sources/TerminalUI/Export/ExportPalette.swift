/// The colours a screen exported as SVG or HTML is painted with: a dark terminal theme.
///
/// A semantic `Color` first becomes the colour number the terminal adapter would use on a
/// 256-colour terminal (`ColorPalette`), so the export shows what the terminal shows; the
/// number then becomes RGB: the 16 theme colours here, the xterm colour cube and grey ramp
/// above them.
public struct ExportPalette: Hashable, Sendable {
    /// The text colour of cells without a foreground colour.
    public var foreground: RGB
    /// The screen's colour, and that of cells without a background colour.
    public var background: RGB
    /// Colours 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright
    /// versions in the same order.
    public var ansi: [RGB]

    public init(foreground: RGB, background: RGB, ansi: [RGB]) {
        precondition(ansi.count == 16, "A terminal theme has 16 colours, got \(ansi.count).")
        self.foreground = foreground
        self.background = background
        self.ansi = ansi
    }

    /// VS Code's dark terminal theme: saturated enough to tell chart series apart on a
    /// projector, and blue stays readable on the dark background.
    public static let dark = ExportPalette(
        foreground: RGB(hex: 0xCCCCCC),
        background: RGB(hex: 0x1E1E1E),
        ansi: [0x000000, 0xCD3131, 0x0DBC79, 0xE5E510, 0x2472C8, 0xBC3FBC, 0x11A8CD, 0xE5E5E5,
               0x666666, 0xF14C4C, 0x23D18B, 0xF5F543, 0x3B8EEA, 0xD670D6, 0x29B8DB, 0xE5E5E5]
            .map(RGB.init(hex:))
    )

    /// The colour number a 256-colour terminal shows `color` with — the terminal adapter's
    /// own mapping, so exports and the live screen agree.
    public static func colorNumber(for color: Color) -> Int {
        Int(ColorPalette(colorCount: 256).number(for: color))
    }

    /// The RGB of a semantic colour.
    public func rgb(for color: Color) -> RGB {
        rgb(colorNumber: Self.colorNumber(for: color))
    }

    /// The RGB of a 256-colour number: the theme for 0–15, xterm's 6×6×6 cube for 16–231
    /// (levels 0, 95, 135, 175, 215, 255) and its grey ramp for 232–255 (8, 18, …, 238).
    public func rgb(colorNumber number: Int) -> RGB {
        let number = min(max(number, 0), 255)
        if number < 16 { return ansi[number] }
        if number >= 232 {
            let level = UInt8(8 + 10 * (number - 232))
            return RGB(level, level, level)
        }
        let cube = number - 16
        func level(_ step: Int) -> UInt8 { step == 0 ? 0 : UInt8(55 + 40 * step) }
        return RGB(level(cube / 36), level(cube / 6 % 6), level(cube % 6))
    }
}

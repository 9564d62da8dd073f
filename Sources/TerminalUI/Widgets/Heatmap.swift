/// A 2-D array of values as a grey-scale picture: feature maps, input images.
///
/// With Unicode glyphs each cell shows two pixels stacked (`▀` with the upper pixel as
/// foreground colour and the lower as background), so pixels come out about square. In ASCII
/// each cell shows the mean of its two pixels as a density character from `" .:-=+*#%@"`,
/// which also reads without colour. Either way a pixel is one column wide and half a row
/// high, so the picture takes the same cells in both modes; it is enlarged by the largest
/// whole factor that fits (nearest-neighbour sampling shrinks it when even 1× does not), and
/// drawn at the top left of its rectangle, under the label if there is one.
public struct Heatmap: Widget {
    /// How pixels become cells.
    public enum Shading: Sendable {
        /// Two grey pixels per cell: `▀` with foreground and background colours.
        case halfBlocks
        /// One density character per cell, for ASCII and monochrome terminals.
        case density
    }

    /// Rows of pixels, top first; rows shorter than the first are padded with the lowest value.
    public var values: [[Double]]
    /// The values drawn black and white; `nil` uses the data's minimum and maximum.
    public var range: ClosedRange<Double>?
    /// A line above the picture.
    public var label: String?
    /// `nil` picks half blocks when the glyphs have them, density characters otherwise.
    public var shading: Shading?
    public var labelStyle = Style(bold: true)

    /// Darkest to brightest.
    public static let densityRamp: [Character] = Array(" .:-=+*#%@")

    public init(_ values: [[Double]], range: ClosedRange<Double>? = nil, label: String? = nil, shading: Shading? = nil) {
        self.values = values
        self.range = range
        self.label = label
        self.shading = shading
    }

    /// A picture stored row-major in a flat array (a feature map of a tensor).
    /// - Precondition: `values.count` is a multiple of `width`.
    public init(flat values: some Collection<Float>, width: Int, range: ClosedRange<Double>? = nil, label: String? = nil) {
        precondition(width > 0 && values.count % width == 0, "A flat picture must hold whole rows of \(width) values.")
        let doubles = values.map(Double.init)
        self.init(stride(from: 0, to: doubles.count, by: width).map { Array(doubles[$0..<($0 + width)]) },
                  range: range, label: label)
    }

    public var pixelRows: Int { values.count }
    public var pixelColumns: Int { values.first?.count ?? 0 }

    /// How many pixels of the grid (columns, half rows) each value takes in `rect`: a whole
    /// enlargement ≥ 1, or a fraction < 1 when the picture has to shrink.
    public func scale(in rect: Rect) -> Double {
        let picture = pictureArea(of: rect)
        guard pixelRows > 0, pixelColumns > 0, !picture.isEmpty else { return 0 }
        let fit = min(Double(picture.width) / Double(pixelColumns), Double(picture.height * 2) / Double(pixelRows))
        return fit >= 1 ? fit.rounded(.down) : fit
    }

    /// The cells the picture (with its label) covers in `rect`, for placing things beside it.
    public func footprint(in rect: Rect) -> Rect {
        let scale = scale(in: rect)
        guard scale > 0 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let picture = pictureArea(of: rect)
        let width = min(picture.width, Int((Double(pixelColumns) * scale).rounded(.down)))
        let height = min(picture.height, (Int((Double(pixelRows) * scale).rounded(.down)) + 1) / 2)
        let labelWidth = label.map { min($0.count, rect.width) } ?? 0
        return Rect(x: rect.x, y: rect.y, width: max(width, labelWidth), height: height + picture.y - rect.y)
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        if let label {
            grid.put(text: Text.truncated(label, to: rect.width, glyphs: glyphs), at: Point(x: rect.x, y: rect.y),
                     style: labelStyle, clip: rect)
        }
        let scale = scale(in: rect)
        guard scale > 0 else { return }
        let picture = pictureArea(of: rect)
        let shown = footprint(in: rect)
        let width = min(picture.width, Int((Double(pixelColumns) * scale).rounded(.down)))
        let subRows = Int((Double(pixelRows) * scale).rounded(.down))
        let (low, high) = bounds
        // ASCII glyphs have no half block: density characters whatever was asked.
        let shading = glyphs.halfBlocks == nil || !glyphs.hasColor ? .density : (self.shading ?? .halfBlocks)

        /// The value at grid pixel (column, half row), or `nil` below the picture.
        func value(column: Int, subRow: Int) -> Double? {
            guard subRow < subRows else { return nil }
            let row = min(pixelRows - 1, Int(Double(subRow) / scale))
            let columnIndex = min(pixelColumns - 1, Int(Double(column) / scale))
            let line = values[row]
            return columnIndex < line.count ? line[columnIndex] : low
        }
        /// 0…1 between the range's ends, `nil` for a value that is not finite.
        func fraction(_ value: Double) -> Double? {
            guard value.isFinite else { return nil }
            return high > low ? min(max((value - low) / (high - low), 0), 1) : 0.5
        }

        for cellRow in 0..<(shown.maxY - picture.y) {
            for column in 0..<width {
                let point = Point(x: picture.x + column, y: picture.y + cellRow)
                // The upper pixel always exists; the lower one not on the last row of an odd height.
                let top = fraction(value(column: column, subRow: 2 * cellRow) ?? low)
                let bottom = value(column: column, subRow: 2 * cellRow + 1).map(fraction)
                switch shading {
                case .halfBlocks:
                    let style = Style(foreground: Self.color(top), background: bottom.map(Self.color))
                    grid.put("▀", at: point, style: style, clip: rect)
                case .density:
                    let mean: Double? = switch bottom {
                    case .none: top
                    case .some(let lower): top.flatMap { upper in lower.map { (upper + $0) / 2 } }
                    }
                    grid.put(Self.densityCharacter(mean), at: point, clip: rect)
                }
            }
        }
    }

    /// The rectangle below the label.
    private func pictureArea(of rect: Rect) -> Rect {
        rect.inset(top: label == nil ? 0 : 1)
    }

    /// The values drawn black and white.
    private var bounds: (Double, Double) {
        if let range { return (range.lowerBound, range.upperBound) }
        let finite = values.joined().filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 0)
    }

    /// A grey for a fraction; red marks a value that is not finite.
    public static func color(_ fraction: Double?) -> Color {
        guard let fraction else { return .red }
        return .grayLevel(Int((fraction * Double(Color.grayLevelCount - 1)).rounded()))
    }

    /// A density character for a fraction; `!` marks a value that is not finite.
    public static func densityCharacter(_ fraction: Double?) -> Character {
        guard let fraction else { return "!" }
        return densityRamp[min(densityRamp.count - 1, Int(fraction * Double(densityRamp.count)))]
    }
}

/// One terminal column on one row. Every glyph normtui draws is one column wide (ASCII, box
/// drawing, blocks, braille, Greek letters), so a cell holds exactly one `Character`.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

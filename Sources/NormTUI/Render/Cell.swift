/// One terminal column on one row. Every glyph normtui draws is one column wide (ASCII, box
/// drawing, blocks, braille, Greek letters), so a cell holds exactly one `Character`.
struct Cell: Hashable, Sendable {
    var character: Character
    var style: Style

    init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    static let blank = Cell()
}

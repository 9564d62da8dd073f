/// The last line of defence of ASCII mode: a terminal without UTF-8 draws any other character
/// as a blank, silently. Widgets already pick ASCII glyphs; this turns what remains in labels
/// and text (μ, σ, ε, ×, arrows…) into one ASCII character each, so the layout stays put.
extension Grid {
    public static let asciiReplacements: [Character: Character] = [
        "μ": "u", "σ": "s", "ε": "e", "γ": "g", "β": "b", "Σ": "S", "×": "x", "·": ".", "│": "|", "‖": "|",
        "∂": "d", "√": "V", "²": "2", "−": "-", "—": "-", "–": "-", "…": "~", "←": "<", "→": ">", "↑": "^",
        "↓": "v", "◆": "o", "▏": "_", "•": "*", "≤": "<", "≥": ">", "ŷ": "y", "x̂": "x", "≈": "~", "≪": "<",
        "≫": ">", "±": "+", "∞": "8", "ρ": "r", "λ": "L", "η": "n", "Δ": "D", "₀": "0", "₁": "1", "₂": "2",
        "₃": "3", "₄": "4", "ᵀ": "T", "³": "3", "÷": "/", "é": "e", "ä": "a", "ö": "o", "ü": "u",
        "Ä": "A", "Ö": "O", "Ü": "U", "ß": "s", "„": "\"", "“": "\"", "”": "\"", "’": "'", "✓": "v", "✗": "x",
    ]

    /// Every cell's character in ASCII: known symbols by a look-alike, anything else as `?`.
    public mutating func makeASCII() {
        for index in cells.indices where !cells[index].character.isASCII {
            cells[index].character = Self.asciiReplacements[cells[index].character] ?? "?"
        }
    }
}

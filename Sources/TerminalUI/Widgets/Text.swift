/// Text measuring helpers shared by widgets. All glyphs are one column wide, so a string's
/// width is its `count`.
public enum Text {
    /// `text` cut to `width` columns, its last visible character replaced by an ellipsis when
    /// anything was cut.
    public static func truncated(_ text: String, to width: Int, glyphs: GlyphSet) -> String {
        guard text.count > width else { return text }
        guard width > 0 else { return "" }
        return String(text.prefix(width - 1)) + String(glyphs.ellipsis)
    }

    /// `text` padded with spaces on the left to `width` columns (truncated if longer).
    public static func rightAligned(_ text: String, width: Int, glyphs: GlyphSet) -> String {
        let cut = truncated(text, to: width, glyphs: glyphs)
        return String(repeating: " ", count: width - cut.count) + cut
    }
}

extension Text {
    /// `text` in at most `maxLines` lines of `width` columns, broken between words, never in
    /// one: a message read from the back of a room must not end in "res…". When even the
    /// lines do not hold it all, the last one ends with an ellipsis after a whole word.
    public static func wrapped(_ text: String, width: Int, maxLines: Int, glyphs: GlyphSet) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        let lines = TextBlock.wrap(text, width: width)
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var words = kept[maxLines - 1].split(separator: " ").map(String.init)
        let ellipsis = String(glyphs.ellipsis)
        while !words.isEmpty, (words + [ellipsis]).joined(separator: " ").count > width { words.removeLast() }
        kept[maxLines - 1] = (words + [ellipsis]).joined(separator: " ")
        return kept
    }
}

/// The bottom line of key hints: each key in reverse video followed by what it does. Hints
/// that do not fit are left out whole (never cut mid-word), and an ellipsis says so.
///
///     q quit  ? help  space run  s step …
public struct KeyBar: Widget {
    public struct Item: Sendable {
        public var key: String
        public var label: String

        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    public var items: [Item]
    public var keyStyle = Style.reverse
    public var labelStyle = Style.plain

    public init(items: [Item]) {
        self.items = items
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        var x = rect.x
        for (n, item) in items.enumerated() {
            let start = n == 0 ? x : x + 2
            let width = item.key.count + 1 + item.label.count
            // Room for this hint, and for the ellipsis unless it is the last one.
            let needed = width + (n == items.count - 1 ? 0 : 2)
            guard start + needed <= line.maxX else {
                if n == 0 {
                    // Not even one hint fits: show as much of it as there is room for.
                    grid.put(text: Text.truncated(item.key, to: line.width, glyphs: glyphs),
                             at: Point(x: x, y: line.y), style: keyStyle, clip: line)
                    x += item.key.count
                    let rest = Text.truncated(" " + item.label, to: line.maxX - x, glyphs: glyphs)
                    grid.put(text: rest, at: Point(x: x, y: line.y), style: labelStyle, clip: line)
                } else {
                    grid.put(glyphs.ellipsis, at: Point(x: x + 1, y: line.y), style: labelStyle, clip: line)
                }
                return
            }
            x = grid.put(text: item.key, at: Point(x: start, y: line.y), style: keyStyle, clip: line)
            x = grid.put(text: " " + item.label, at: Point(x: x, y: line.y), style: labelStyle, clip: line)
        }
    }
}

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
    /// Where not every hint fits, the bar ends with this one (say, "? more keys") instead of
    /// an ellipsis, so the hints left out are one key away rather than silently gone.
    public var more: Item?

    public init(items: [Item], more: Item? = nil) {
        self.items = items
        self.more = more
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        var x = rect.x
        // Every hint fits: nothing to reserve room for.
        let total = items.map { $0.key.count + 1 + $0.label.count }.reduce(0, +) + 2 * max(0, items.count - 1)
        let more = total <= line.width ? nil : more
        for (n, item) in items.enumerated() {
            let start = n == 0 ? x : x + 2
            let width = item.key.count + 1 + item.label.count
            // Room for this hint, and for the ellipsis (or the `more` hint) unless it is the last one.
            let moreWidth = more.map { 2 + $0.key.count + 1 + $0.label.count } ?? 2
            let needed = width + (n == items.count - 1 ? 0 : moreWidth)
            guard start + needed <= line.maxX else {
                if n == 0 {
                    // Not even one hint fits: show as much of it as there is room for.
                    grid.put(text: Text.truncated(item.key, to: line.width, glyphs: glyphs),
                             at: Point(x: x, y: line.y), style: keyStyle, clip: line)
                    x += item.key.count
                    let rest = Text.truncated(" " + item.label, to: line.maxX - x, glyphs: glyphs)
                    grid.put(text: rest, at: Point(x: x, y: line.y), style: labelStyle, clip: line)
                } else if let more {
                    x = grid.put(text: more.key, at: Point(x: x + 2, y: line.y), style: keyStyle, clip: line)
                    grid.put(text: " " + more.label, at: Point(x: x, y: line.y), style: labelStyle, clip: line)
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

/// A box with a title on its top edge, framing one part of the screen. The focused panel is
/// drawn with the heavy box (and `focusedStyle`) so focus is visible without colour.
public struct Panel {
    public var title: String
    public var focused = false
    public var style = Style.plain
    public var focusedStyle = Style(foreground: .cyan, bold: true)

    public init(title: String, focused: Bool = false) {
        self.title = title
        self.focused = focused
    }

    /// The area inside a panel's border.
    public static func inner(of rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the border and title, leaving the inside untouched.
    /// - Returns: The inner rectangle for the panel's content (empty when `rect` is too small
    ///   to hold a border and anything inside it).
    @discardableResult
    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) -> Rect {
        guard !rect.isEmpty else { return Panel.inner(of: rect) }
        let box = focused ? glyphs.focusedBox : glyphs.box
        let style = focused ? focusedStyle : self.style
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            grid.put(box.horizontal, at: Point(x: x, y: rect.y), style: style)
            grid.put(box.horizontal, at: Point(x: x, y: bottom), style: style)
        }
        // One row is a line, not a box.
        for y in rect.y...bottom where rect.height >= 2 {
            grid.put(box.vertical, at: Point(x: rect.x, y: y), style: style)
            grid.put(box.vertical, at: Point(x: right, y: y), style: style)
        }
        if rect.width >= 2 && rect.height >= 2 {
            grid.put(box.topLeft, at: Point(x: rect.x, y: rect.y), style: style)
            grid.put(box.topRight, at: Point(x: right, y: rect.y), style: style)
            grid.put(box.bottomLeft, at: Point(x: rect.x, y: bottom), style: style)
            grid.put(box.bottomRight, at: Point(x: right, y: bottom), style: style)
        }
        // " title " after the corner and one line cell, cut to fit before the other corner.
        let titleArea = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: 1)
        if !title.isEmpty && titleArea.width >= 3 {
            let text = Text.truncated(" \(title) ", to: titleArea.width, glyphs: glyphs)
            let titleStyle = focused ? focusedStyle : Style(bold: true)
            grid.put(text: text, at: Point(x: titleArea.x, y: titleArea.y), style: titleStyle, clip: titleArea)
        }
        return Panel.inner(of: rect)
    }
}

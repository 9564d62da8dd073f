/// A box centred over whatever is already drawn — help, the settings editor, a message.
/// It blanks its own area first so the content underneath does not show through, and is
/// drawn focused since it takes the keys while it is open.
public struct Overlay<Content: Widget>: Widget {
    public var title: String
    public var content: Content
    /// The wanted outer size, border included; clamped to the rectangle it is drawn in.
    public var width: Int
    public var height: Int

    public init(title: String, content: Content, width: Int, height: Int) {
        self.title = title
        self.content = content
        self.width = width
        self.height = height
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let box = rect.centered(width: width, height: height)
        guard !box.isEmpty else { return }
        grid.fill(box)
        let inner = Panel(title: title, focused: true).render(into: &grid, in: box, glyphs: glyphs)
        // One blank column either side keeps text off the border.
        content.render(into: &grid, in: inner.width > 2 ? inner.inset(left: 1, right: 1) : inner, glyphs: glyphs)
    }
}

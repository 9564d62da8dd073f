/// Something that draws itself into a rectangle of a grid. Widgets are plain values with no
/// terminal access: a view builds them from the app state, renders them, and a test compares
/// the resulting grid's text with a golden screen. Every widget must accept any rectangle,
/// including empty and one-cell ones, and stay inside it.
public protocol Widget {
    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet)
}

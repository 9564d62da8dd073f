/// Rows of cells under a bold header, columns sized to their contents and separated by two
/// spaces; numeric columns right-aligned so digits line up. Cells are text: format numbers
/// with `NumberFormat` first. A numeric column that does not fit is left out whole.
public struct Table: Widget {
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }

        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// A row drawn in reverse video and kept in view by scrolling.
    public var selectedRow: Int?
    public var headerStyle = Style(bold: true, underline: true)
    public var selectedStyle = Style.reverse

    public init(columns: [Column], rows: [[String]], selectedRow: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
    }

    /// Each column's width: its widest cell or title.
    public var columnWidths: [Int] {
        columns.indices.map { c in
            rows.reduce(columns[c].title.count) { max($0, c < $1.count ? $1[c].count : 0) }
        }
    }

    public func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths
        func drawRow(_ cells: [String], y: Int, style: Style) {
            var x = rect.x
            for (c, column) in columns.enumerated() where x < rect.maxX {
                // A text column may be cut at the edge with an ellipsis; a numeric (right-
                // aligned) one is shown whole or not at all — a cut number is a wrong number —
                // and an ellipsis says that columns are missing.
                if column.alignment == .right, widths[c] > rect.maxX - x {
                    grid.put(glyphs.ellipsis, at: Point(x: x, y: y), style: style, clip: rect)
                    return
                }
                let width = min(widths[c], rect.maxX - x)
                let text = Text.truncated(c < cells.count ? cells[c] : "", to: width, glyphs: glyphs)
                let aligned = column.alignment == .right
                    ? Text.rightAligned(text, width: width, glyphs: glyphs) : text
                grid.put(text: aligned, at: Point(x: x, y: y), style: style, clip: rect)
                x += widths[c] + 2
            }
        }

        drawRow(columns.map(\.title), y: rect.y, style: headerStyle)
        let visible = rect.height - 1
        guard visible > 0 else { return }
        // Scroll just enough to keep the selected row on screen.
        let first = selectedRow.map { max(0, min($0 - visible + 1, rows.count - visible)) } ?? 0
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = rect.y + 1 + offset
            drawRow(row, y: y, style: .plain)
            if selectedRow == first + offset {
                grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0 = selectedStyle }
            }
        }
    }
}

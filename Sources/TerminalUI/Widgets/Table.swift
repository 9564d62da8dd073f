import Foundation

/// Rows of cells under a bold header, columns sized to their contents and separated by two
/// spaces; numeric columns right-aligned so digits line up. Cells are text: format numbers
/// with `NumberFormat` first. A number that does not fit is left out, never cut.
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
                // The last visible column is cut at the edge with an ellipsis — but a number
                // is shown whole or not at all (a cut number is a wrong number): an ellipsis
                // alone stands in for one that does not fit.
                let width = min(widths[c], rect.maxX - x)
                let cell = c < cells.count ? cells[c] : ""
                let text = cell.count > width && Self.isNumber(cell)
                    ? String(glyphs.ellipsis) : Text.truncated(cell, to: width, glyphs: glyphs)
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

    /// Whether a cell is a number as `NumberFormat` writes it: `-0.0123`, `1.5e-3`, `12.3k`,
    /// `97.1%`, `nan`, `inf`.
    static func isNumber(_ cell: String) -> Bool {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") || ["k", "M", "G", "T"].contains(where: text.hasSuffix) { text.removeLast() }
        return !text.isEmpty && Double(text.replacingOccurrences(of: "−", with: "-")) != nil
    }
}

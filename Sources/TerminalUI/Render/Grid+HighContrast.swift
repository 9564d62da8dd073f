/// The presenter view's contrast: on a projector, dim text vanishes and thin text blurs.
extension Grid {
    /// Every cell's text bold and nothing dimmed.
    public mutating func makeHighContrast() {
        for index in cells.indices {
            cells[index].style.dim = false
            if cells[index].character != " " { cells[index].style.bold = true }
        }
    }
}

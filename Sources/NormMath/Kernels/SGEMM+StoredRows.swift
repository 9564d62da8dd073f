/// Where the SGEMM finds the stored rows of B.
///
/// Usually every row is `ldb` Floats after the one before (``EvenlySpacedRows``). A 3×3
/// convolution's B — its input unrolled into one row per channel and kernel tap — is the same
/// few planes read at nine different shifts, so it is described by a table of row addresses
/// into those planes instead (``TabledRows``, built by ``ShiftedPlanes``), and never written
/// out nine times.
protocol StoredRows {
    associatedtype Panel: PanelRows
    /// The start of stored row `i`.
    func row(_ i: Int) -> UnsafePointer<Float>
    /// Rows `first`, `first + 1`, … from column `column` on, read in place by the microkernel.
    func panel(firstRow first: Int, column: Int) -> Panel
}

/// The rows of one KC×NR block of B as the microkernel reads them: row p of the block.
protocol PanelRows {
    func row(_ p: Int) -> UnsafePointer<Float>
}

/// Rows `stride` Floats apart: a packed panel (stride NR) or a matrix read in place (ldb).
struct EvenlySpacedRows: StoredRows, PanelRows {
    let base: UnsafePointer<Float>
    let stride: Int

    @inline(__always)
    func row(_ i: Int) -> UnsafePointer<Float> { base + i * stride }

    @inline(__always)
    func panel(firstRow first: Int, column: Int) -> EvenlySpacedRows {
        EvenlySpacedRows(base: base + first * stride + column, stride: stride)
    }
}

/// Rows wherever a table says.
struct TabledRows: StoredRows {
    let table: UnsafePointer<UnsafePointer<Float>>

    @inline(__always)
    func row(_ i: Int) -> UnsafePointer<Float> { table[i] }

    @inline(__always)
    func panel(firstRow first: Int, column: Int) -> Panel {
        Panel(table: table + first, column: column)
    }

    struct Panel: PanelRows {
        let table: UnsafePointer<UnsafePointer<Float>>
        let column: Int

        @inline(__always)
        func row(_ p: Int) -> UnsafePointer<Float> { table[p] + column }
    }
}

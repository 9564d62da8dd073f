extension Grid {
    /// Calls `body` for each cell that differs from `previous`, in row-major order; every cell
    /// when there is no previous frame or its size differs (after a resize nothing on screen
    /// can be trusted). This is what lets the terminal adapter write only what changed.
    public func forEachChange(since previous: Grid?, _ body: (Point, Cell) -> Void) {
        let comparable = previous.map { $0.width == width && $0.height == height } ?? false
        cells.withUnsafeBufferPointer { next in
            if comparable, let previous {
                previous.cells.withUnsafeBufferPointer { old in
                    for i in 0..<next.count where next[i] != old[i] {
                        body(Point(x: i % width, y: i / width), next[i])
                    }
                }
            } else {
                for i in 0..<next.count { body(Point(x: i % width, y: i / width), next[i]) }
            }
        }
    }
}

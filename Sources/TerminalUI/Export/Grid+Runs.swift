extension Grid {
    /// The maximal stretches of row `y` whose columns share a key, left to right; columns
    /// whose key is `nil` belong to no stretch. Exports draw one element per stretch instead of one
    /// per cell.
    func runs<Key: Equatable>(inRow y: Int, key: (_ column: Int) -> Key?) -> [(columns: Range<Int>, key: Key)] {
        var runs: [(columns: Range<Int>, key: Key)] = []
        var start = 0
        var current: Key?
        for x in 0...width {
            let next = x < width ? key(x) : nil
            if next != current || next == nil {
                if let current { runs.append((start..<x, current)) }
                start = x
                current = next
            }
        }
        return runs
    }
}

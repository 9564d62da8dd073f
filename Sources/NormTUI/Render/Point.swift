/// A cell position: column `x` from the left, row `y` from the top, both zero-based.
struct Point: Hashable, Sendable {
    var x: Int
    var y: Int

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

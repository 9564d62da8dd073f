/// Bresenham's line between two points of a dot or cell raster.
public enum Line {
    /// Calls `body` for every point from `start` to `end`, both included, in order.
    public static func forEachPoint(from start: Point, to end: Point, _ body: (Point) -> Void) {
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1, stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        var point = start
        while true {
            body(point)
            if point == end { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; point.x += stepX }
            if doubled <= dx { error += dx; point.y += stepY }
        }
    }
}

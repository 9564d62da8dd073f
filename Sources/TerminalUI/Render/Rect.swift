/// A rectangle of cells. Sizes are never negative: every operation that would shrink a
/// rectangle below nothing yields an empty one instead, so layouts degrade on tiny terminals
/// instead of trapping.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top,
                    width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// Shrinks the rectangle by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let width = max(0, self.width - left - right), height = max(0, self.height - top - bottom)
        return Rect(x: x + min(left, self.width), y: y + min(top, self.height),
                    width: width, height: height)
    }

    /// A `width` × `height` rectangle centred in this one, clamped to fit inside it.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width), h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// How much of a split an entry takes.
    public enum Length: Hashable, Sendable {
        /// Exactly this many cells (or what is left).
        case fixed(Int)
        /// This fraction of the whole length, rounded down.
        case fraction(Double)
        /// An equal share of whatever the fixed and fractional entries leave over.
        case fill
    }

    /// Stacks rectangles from top to bottom, one per length.
    public func rows(_ lengths: [Length]) -> [Rect] {
        Rect.split(height, lengths).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.size) }
    }

    /// Places rectangles from left to right, one per length.
    public func columns(_ lengths: [Length]) -> [Rect] {
        Rect.split(width, lengths).map { Rect(x: x + $0.offset, y: y, width: $0.size, height: height) }
    }

    /// Fixed and fractional lengths are served first, in order, each clamped to what is left;
    /// fills then share the remainder, the first ones taking one extra cell each when it
    /// does not divide evenly.
    private static func split(_ total: Int, _ lengths: [Length]) -> [(offset: Int, size: Int)] {
        var remaining = total
        var sizes = lengths.map { length -> Int in
            let wanted: Int
            switch length {
            case .fixed(let n): wanted = n
            case .fraction(let f): wanted = f.isFinite ? Int((Double(total) * f).rounded(.down)) : 0
            case .fill: return 0
            }
            let size = min(max(0, wanted), remaining)
            remaining -= size
            return size
        }
        let fills = lengths.indices.filter { lengths[$0] == .fill }
        for (k, index) in fills.enumerated() {
            sizes[index] = remaining / fills.count + (k < remaining % fills.count ? 1 : 0)
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            return (offset, size)
        }
    }
}

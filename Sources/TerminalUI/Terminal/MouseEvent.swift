/// A click or a wheel turn at a cell (0-based, from the top left). Only what the UI uses:
/// the left button's press and the wheel; the keyboard remains complete without any of it.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

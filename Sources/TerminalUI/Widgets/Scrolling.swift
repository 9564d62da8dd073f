/// How a key moves a scrolled text: one line, one page, or to either end. One table, so that
/// every text that scrolls answers the same keys the same way.
public enum Scrolling: Sendable, Equatable {
    case lineUp, lineDown, pageUp, pageDown, top, bottom

    /// The movement `key` asks for. `vi` adds j and k, for texts whose screen does not bind
    /// them otherwise; `pages` adds PgUp and PgDn, for the same reason.
    public static func movement(for key: Key, vi: Bool = true, pages: Bool = true) -> Scrolling? {
        switch key {
        case .up: .lineUp
        case .down: .lineDown
        case .character("k") where vi: .lineUp
        case .character("j") where vi: .lineDown
        case .pageUp where pages: .pageUp
        case .pageDown where pages: .pageDown
        case .home: .top
        case .end: .bottom
        default: nil
        }
    }

    /// `offset` moved, kept within 0…`limit`; a page is `page` lines (at least one).
    public func applied(to offset: Int, page: Int, limit: Int) -> Int {
        let moved: Int
        switch self {
        case .lineUp: moved = offset - 1
        case .lineDown: moved = offset + 1
        case .pageUp: moved = offset - max(1, page)
        case .pageDown: moved = offset + max(1, page)
        case .top: moved = 0
        case .bottom: moved = limit
        }
        return min(max(0, moved), max(0, limit))
    }
}

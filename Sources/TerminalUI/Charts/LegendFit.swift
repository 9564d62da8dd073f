/// How a chart's legend is written on one row: every entry is a one-cell mark and a text, two
/// spaces apart. When they do not all fit, the texts are shortened level by level (fewer
/// digits, shorter names), and then entries are left out from the last — a number is never
/// cut, since a cut `0.938` would read `0`. Shared by ``LineChart`` and ``BandChart``.
enum LegendFit {
    /// The texts of as many leading entries as fit in `width` columns, at the first of
    /// `levels` that fits; `nil` when not even the first entry fits at any level.
    /// - Parameters:
    ///   - allowsAlone: a level that is only used for a lone entry (e.g. a value without its name).
    ///   - text: entry `index`'s text at `level`.
    static func texts<Level>(
        entries: Int, levels: [Level], width: Int, allowsAlone: (Level) -> Bool = { _ in false },
        text: (_ index: Int, _ level: Level) -> String
    ) -> [String]? {
        for count in stride(from: entries, through: 1, by: -1) {
            for level in levels where count == 1 || !allowsAlone(level) {
                let texts = (0..<count).map { text($0, level) }
                if texts.reduce(0, { $0 + 1 + $1.count }) + 2 * (count - 1) <= width { return texts }
            }
        }
        return nil
    }
}

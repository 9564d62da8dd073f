import TerminalUI
import NormLessons
/// How a lesson's experiment is drawn: each engine's `XEngine+Render.swift` conforms. Kept
/// apart from ``LessonEngine`` so that the engines need nothing of the terminal; the lesson
/// screen finds the drawing with a dynamic cast.
protocol LessonRendering {
    /// Draws the lesson's experiment into `rect` (the explanation panel is drawn around it).
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect)
}

/// What a lesson's screen needs besides the engine.
struct LessonContext: Sendable {
    var page: Int
    var language: Language
    var glyphs: GlyphSet
    /// Where the lesson's claims are judged, for the x-axis of its charts over steps: ✓ once a
    /// claim held on every seed, ✗ once it failed on one, ◇ before it is judged.
    var claimMarkers: [LineChart.Marker] = []

    /// The markers of `claims` given the verdicts so far (none once a lesson key has changed
    /// the experiment: the claims are not judged then).
    static func markers(for claims: [Claim], snapshot: LessonSnapshot?) -> [LineChart.Marker] {
        guard snapshot?.isCustomized != true else { return [] }
        let steps = Set(claims.map(\.step)).sorted()
        return steps.map { step in
            let verdicts = claims.filter { $0.step == step }.map { snapshot?.verdicts[$0.id] }
            if verdicts.contains(where: { $0 == nil }) {
                return LineChart.Marker(step: step, symbol: "◇", asciiSymbol: "o", style: .dim)
            }
            let held = verdicts.allSatisfy { $0?.allSatisfy(\.holds) == true }
            return held
                ? LineChart.Marker(step: step, symbol: "✓", asciiSymbol: "v", style: Style(foreground: .green, bold: true))
                : LineChart.Marker(step: step, symbol: "✗", asciiSymbol: "x", style: Style(foreground: .red, bold: true))
        }
    }
}

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
}

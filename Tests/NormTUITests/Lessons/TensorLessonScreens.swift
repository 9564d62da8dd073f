@testable import NormTUI

/// The whole screen of `lesson` after `steps` steps and `keys`, as `normtui snapshot` draws it.
func lessonScreen(
    _ lesson: Lesson, steps: Int = 1, keys: [Key] = [], width: Int, height: Int,
    language: Language = .en, glyphs: GlyphSet = .unicode
) -> String {
    var run = ScriptedRun(config: .init(), width: width, height: height, language: language)
    run.open(lesson)
    run.advanceLesson(untilStep: steps)
    run.press(keys)
    return run.render(glyphs: glyphs).text.joined(separator: "\n")
}

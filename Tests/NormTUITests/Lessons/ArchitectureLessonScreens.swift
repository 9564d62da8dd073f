import NormMath
@testable import NormTUI

/// Draws a lesson's whole screen as `normtui snapshot --lesson` does, for the render tests of
/// lessons 4, 9, 10 and 11.
enum ArchitectureLessonScreens {
    static func render(
        _ lesson: Lesson, steps: Int, width: Int, height: Int, ascii: Bool = false, language: Language = .en,
        keys: [Key] = []
    ) -> [String] {
        var run = ScriptedRun(config: ExperimentConfig(), width: width, height: height, language: language)
        run.open(lesson)
        run.advanceLesson(untilStep: steps)
        run.press(keys)
        return run.render(glyphs: ascii ? .ascii : .unicode).text
    }
}

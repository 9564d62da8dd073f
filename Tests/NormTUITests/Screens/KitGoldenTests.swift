import Testing
import NormMath
import TerminalUI
@testable import NormTUI
@testable import NormLessons

/// The teacher's kit on a projector's screen (80×24), in both languages: lesson 7's question
/// before the run, its reveal at step 300, and the discussion page with the hint.
struct KitGoldenTests {
    enum Moment: String, CaseIterable, Sendable { case question, reveal, discussion }

    @Test(arguments: Moment.allCases, Language.allCases)
    func kitScreenMatchesGolden(moment: Moment, language: Language) throws {
        var run = ScriptedRun(config: ExperimentConfig(), width: 80, height: 24, language: language, asksQuestions: moment != .discussion)
        run.open(LearningRateLesson.lesson)
        switch moment {
        case .question: break
        case .reveal:
            run.press([.character("b")])
            run.advanceLesson(untilStep: 300)
        case .discussion:
            run.advanceLesson(untilStep: 5)
            run.press([.character("h")])
        }
        try LessonGoldenTests.compare(run.render(glyphs: .unicode).text, with: "kit-learning-rate-\(moment.rawValue)-80x24-\(language.rawValue)")
    }
}

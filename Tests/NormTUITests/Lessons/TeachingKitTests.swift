import Foundation
import Testing
import NormMath
import TerminalUI
@testable import NormTUI
@testable import NormLessons

/// The teacher's kit: questions tied to the lessons' claims, asked before the run and revealed
/// from the claims' verdicts; the discussion page; the handout.
struct TeachingKitTests {
    @Test func everyLessonHasAKit() {
        for lesson in LessonCatalog.all { #expect(lesson.kit != nil, "lesson \(lesson.id) has no teacher's kit") }
    }

    @Test(arguments: Array(TeachingKits.byLessonID.keys).sorted())
    func everyQuestionIsDecidedByClaimsTheLessonDeclares(id: String) throws {
        let lesson = try #require(LessonCatalog.find(id))
        let kit = try #require(lesson.kit)
        let declared = Set(lesson.claims.map(\.id))
        for question in kit.questions {
            #expect(Set(question.claimIDs).isSubset(of: declared), "\(id): \(question.claimIDs)")
            for text in [question.prompt, question.explanation] + question.answers {
                #expect(!text.en.isEmpty && !text.de.isEmpty && text.en != text.de)
            }
        }
        for text in kit.objectives + kit.discussion + [kit.formula, kit.exercise.task, kit.exercise.hint] {
            #expect(!text.en.isEmpty && !text.de.isEmpty && text.en != text.de)
        }
    }

    /// Lesson 7's question: b) when both claims hold, d) when Batch Norm fails too, none when
    /// the plain network did not stay at chance.
    @Test func theAnswerIsReadOffTheClaimsOnEachSeed() throws {
        let question = try #require(LearningRateLesson.lesson.kit?.questions.first)
        let held = Verdict(holds: true, measured: Localized(en: "", de: "")), failed = Verdict(holds: false, measured: Localized(en: "", de: ""))
        #expect(question.supportedAnswers(["bn-learns-at-lr-2": [held]]) == nil, "one claim is not judged yet")
        let answers = question.supportedAnswers([
            "bn-learns-at-lr-2": [held, failed, held],
            "plain-at-chance-at-lr-2": [held, held, failed],
        ])
        #expect(answers == [1, 3, nil])
    }

    @Test func aLessonAsksItsQuestionFirstAndTheAnswerStartsTheRun() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        state.asksQuestions = true
        _ = open(.lesson(LearningRateLesson.lesson), &state)
        #expect(state.lesson?.questions?.asking(of: 1) == 0)
        // Lesson keys wait while the question is up; an answer beyond d) or the answers is refused.
        #expect(update(&state, .key(.character("]"))).isEmpty && update(&state, .key(.character("e"))).isEmpty)
        #expect(update(&state, .key(.character("c"))) == [.lesson(.setRunning(true))])
        #expect(state.lesson?.questions?.choices == [2] && state.lesson?.isRunning == true)
        #expect(state.status?.text == "the class answered c)")
        // The lesson list opens over a question: the class may want another lesson.
        _ = open(.lesson(LearningRateLesson.lesson), &state)
        _ = update(&state, .key(.character("l")))
        if case .lessonPicker = state.overlay {} else { Issue.record("l opens the list over the question") }
        _ = update(&state, .key(.escape))
        // Without questions the lesson opens as before.
        state.asksQuestions = false
        _ = open(.lesson(LearningRateLesson.lesson), &state)
        #expect(state.lesson?.questions == nil)
    }

    @Test func theRevealPausesTheRunOnceTheClaimsAreJudgedAndAnyKeyClosesIt() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 80, height: 24, asksQuestions: true)
        run.open(LearningRateLesson.lesson)
        run.press([.character(" ")])  // skipped: the run starts
        #expect(run.state.lesson?.questions?.choices == [nil])
        run.advanceLesson(untilStep: 300)
        #expect(run.state.lesson?.questions?.showing == 0 && run.state.lesson?.isRunning == false)
        let text = run.render(glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("The run supports b) only the one with Batch Norm — on 3 of 3 seeds"))
        #expect(text.contains("The class skipped the question."))
        run.press([.character("x")])
        #expect(run.state.lesson?.questions?.showing == nil && run.state.lesson?.questions?.revealed == [0])
        #expect(!run.render(glyphs: .unicode).text.joined().contains("The run supports"))
    }

    /// Lesson 1's two questions are decided when it opens: answering the second shows the
    /// first's reveal at once, and closing it shows the second's.
    @Test func questionsDecidedAtTheSameStepAreRevealedOneAfterTheOther() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 80, height: 24, asksQuestions: true)
        run.open(StatisticsGroupsLesson.lesson)
        run.advanceLesson(untilStep: 1)
        run.press([.character("a"), .character("b")])
        #expect(run.state.lesson?.questions?.showing == 0)
        run.press([.enter])
        #expect(run.state.lesson?.questions?.showing == 1)
        run.press([.enter])
        #expect(run.state.lesson?.questions?.showing == nil && run.state.lesson?.questions?.revealed == [0, 1])
    }

    @Test func hOpensTheDiscussionPageAndShowsTheHint() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        state.asksQuestions = false
        _ = open(.lesson(LearningRateLesson.lesson), &state)
        _ = update(&state, .key(.character("h")))
        let lesson = state.lesson!
        #expect(lesson.page == lesson.guide.pageCount - 1 && lesson.showsHint)
        let page = LessonPageText.page(lesson.page, of: lesson, .en, glyphs: .unicode)
        #expect(page.title == "Discuss and try" && page.text.contains("Hint: The table's band width is absolute"))
        _ = update(&state, .key(.character("h")))
        #expect(LessonPageText.page(state.lesson!.page, of: state.lesson!, .en, glyphs: .unicode).text.hasSuffix("h shows a hint."))
        // The first page leads with the objectives.
        #expect(LessonPageText.page(0, of: lesson, .de, glyphs: .unicode).text.hasPrefix("Nach dieser Lektion kannst du:\n• Sagen, was"))
    }

    @Test func theHandoutSaysWhatTheClaimsSupportAndEscapesHTML() throws {
        let lesson = LearningRateLesson.lesson
        let kit = try #require(lesson.kit)
        let measured = Localized(en: "Batch Norm: 92.8% <of> & more", de: "Batch Norm: 92,8 %")
        let results = lesson.claims.map { claim in
            ClaimCheck.Result(claim: claim, verdicts: [Verdict(holds: true, measured: measured), Verdict(holds: claim.id != "bn-learns-at-lr-2", measured: measured)])
        }
        let handout = Handout(lesson: lesson, kit: kit, language: .en, seeds: [1, 2], results: results, figure: "07-learning-rate.svg")
        let markdown = handout.markdown
        #expect(markdown.hasPrefix("# Lesson 7: Higher learning rates\n"))
        #expect(markdown.contains("- [ ] b) only the one with Batch Norm"))
        #expect(markdown.contains("checked on seeds 1–2"))
        #expect(markdown.contains("1. The run supports b) on 1 of 2 seeds; d) on 1 of 2 seeds."))
        #expect(markdown.contains("![The lesson's screen at step 300, seeds 1–3.](07-learning-rate.svg)"))
        let html = handout.html
        #expect(html.contains("92.8% &lt;of&gt; &amp; more") && !html.contains("<of>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(Handout.baseName(lesson) == "07-learning-rate")
    }
}

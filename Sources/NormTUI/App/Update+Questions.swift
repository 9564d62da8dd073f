import NormLessons
import TerminalUI

/// Keys while a question is asked or revealed: a–d give the class's answer, space skips, and
/// after the last question the run starts; any key closes a reveal. `nil`: the key is the
/// lesson's as usual (no question on screen, or q, Esc, l and ?, which leave or look around).
func answerQuestion(
    _ key: Key, _ questions: [PredictQuestion], _ progress: inout QuestionProgress, _ lesson: inout LessonState, _ state: inout AppState
) -> [SessionCommand]? {
    if let showing = progress.showing {
        progress.revealed.insert(showing)
        // The next question decided by the same step is revealed at once.
        progress.showing = progress.nextReveal(questions, verdicts: lesson.snapshot?.verdicts ?? [:])
        return []
    }
    guard let asked = progress.asking(of: questions.count) else { return nil }
    switch key {
    case .character(" "):
        progress.choices.append(nil)
    case .character(let letter) where ("a"..."d").contains(letter):
        let index = Int(letter.asciiValue! - Character("a").asciiValue!)
        guard index < questions[asked].answers.count else { return [] }
        progress.choices.append(index)
        state.status = .info(UIText.catalogue.classAnswered(state.language, String(letter)))
    // Keys that leave or look around: quit, free play, the lesson list, the help.
    case .character("q"), .escape, .character("?"), .character("l"): return nil
    default: return []
    }
    guard progress.asking(of: questions.count) == nil else { return [] }
    // Asked after the run had already judged the claims: the answer at once, no run.
    if let reveal = progress.nextReveal(questions, verdicts: lesson.snapshot?.verdicts ?? [:]) {
        progress.showing = reveal
        return []
    }
    lesson.isRunning = true
    return [.lesson(.setRunning(true))]
}

import NormLessons

/// Where a lesson's predict-then-run questions stand (the teacher's kit): asked one after the
/// other before the run, each revealed — the run paused — once the claims that decide it are
/// judged, with the answer the run supports on each seed.
struct QuestionProgress: Sendable, Equatable {
    /// The class's answer to each question asked so far (`nil`: skipped with space).
    var choices: [Int?] = []
    /// The questions whose reveal has been shown and closed.
    var revealed: Set<Int> = []
    /// The question whose reveal is on screen now.
    var showing: Int?

    /// The question being asked, while there is one left to ask of `count`.
    func asking(of count: Int) -> Int? { choices.count < count ? choices.count : nil }

    /// The first answered question whose claims are judged in `verdicts` and whose reveal has
    /// not been shown, with the answers the run supports on each seed.
    func nextReveal(_ questions: [PredictQuestion], verdicts: [String: [Verdict]]) -> Int? {
        choices.indices.first { index in
            !revealed.contains(index) && questions[index].supportedAnswers(verdicts) != nil
        }
    }
}

/// What a teacher needs around a lesson, as predict–observe–explain teaching has it: what the
/// class should be able to say afterwards, a question the class answers before the run, and
/// what to discuss and try once it has run. The question's answer is never scripted: it is
/// read off the lesson's own claims (``Claim``), judged on the seeds that ran, so a claim that
/// fails on a seed shows up in the answer too. `normtui handout` prints the kit.
public struct TeachingKit: Sendable {
    /// 2–4 things the class can do after the lesson ("say which elements share μ and σ …").
    public let objectives: [Localized]
    /// The lesson's formula with the lesson's own numbers, for the handout.
    public let formula: Localized
    /// Asked before the run (keys a–d), revealed when their claims are judged.
    public let questions: [PredictQuestion]
    /// 2–3 questions for after the run.
    public let discussion: [Localized]
    /// One hands-on task with the tool itself.
    public let exercise: Exercise

    public init(objectives: [Localized], formula: Localized, questions: [PredictQuestion], discussion: [Localized], exercise: Exercise) {
        precondition((2...4).contains(objectives.count), "a kit states 2 to 4 objectives")
        precondition(!questions.isEmpty, "a kit asks at least one question")
        precondition((2...3).contains(discussion.count), "a kit has 2 or 3 discussion questions")
        self.objectives = objectives
        self.formula = formula
        self.questions = questions
        self.discussion = discussion
        self.exercise = exercise
    }
}

/// A task for the class with the tool, and a hint shown on a key.
public struct Exercise: Sendable {
    public let task: Localized
    public let hint: Localized

    public init(task: Localized, hint: Localized) {
        self.task = task
        self.hint = hint
    }
}

/// A question with 2–4 answers (a–d) that the lesson's run decides. Which answer the run
/// supports is a function of its claims' verdicts on one seed; the screen and the handout
/// say on how many seeds each answer was supported.
public struct PredictQuestion: Sendable {
    public let prompt: Localized
    public let answers: [Localized]
    /// The claims (by id) whose verdicts decide the question; it is revealed once all are judged.
    public let claimIDs: [String]
    /// The answer the verdicts of one seed support (claim id → held), `nil` for none of them.
    public let supported: @Sendable ([String: Bool]) -> Int?
    /// Why the supported answer is the one: the mechanism, in a sentence or two.
    public let explanation: Localized

    public init(
        prompt: Localized, answers: [Localized], claimIDs: [String], explanation: Localized,
        supported: @escaping @Sendable ([String: Bool]) -> Int?
    ) {
        precondition((2...4).contains(answers.count), "a question has 2 to 4 answers")
        precondition(!claimIDs.isEmpty, "a question is decided by at least one claim")
        self.prompt = prompt
        self.answers = answers
        self.claimIDs = claimIDs
        self.explanation = explanation
        self.supported = supported
    }

    /// A question whose answer `answer` is supported when every one of `claimIDs` holds, and
    /// none otherwise (the most common shape: the claims state the answer).
    public init(prompt: Localized, answers: [Localized], answer: Int, when claimIDs: [String], explanation: Localized) {
        self.init(prompt: prompt, answers: answers, claimIDs: claimIDs, explanation: explanation) { held in
            claimIDs.allSatisfy { held[$0] == true } ? answer : nil
        }
    }

    /// The answer supported on each seed, from the verdicts by claim id (one per seed); `nil`
    /// while a claim is not judged yet.
    public func supportedAnswers(_ verdicts: [String: [Verdict]]) -> [Int?]? {
        guard let seedCount = claimIDs.compactMap({ verdicts[$0]?.count }).min(),
              claimIDs.allSatisfy({ verdicts[$0] != nil }) else { return nil }
        return (0..<seedCount).map { seed in
            supported(Dictionary(uniqueKeysWithValues: claimIDs.map { ($0, verdicts[$0]![seed].holds) }))
        }
    }

    /// The letter of answer `index`: a, b, c, d.
    public static func letter(_ index: Int) -> Character {
        Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(index)))
    }
}

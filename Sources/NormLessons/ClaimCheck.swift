/// `normtui lesson NAME --check`: a lesson run headless on each of several seeds, each seed
/// alone, every claim judged at its step.
public struct ClaimCheck: Sendable {
    /// One claim and its verdict on each seed, in the order of the seeds.
    public struct Result: Sendable {
        public let claim: Claim
        public var verdicts: [Verdict]

        public var holdsEverywhere: Bool { verdicts.allSatisfy(\.holds) }
        public var holdCount: Int { verdicts.filter(\.holds).count }
    }

    public let lesson: Lesson
    public let seeds: [UInt64]

    public init(lesson: Lesson, seeds: LessonSeeds) {
        self.lesson = lesson
        self.seeds = seeds.all
    }

    /// Runs the lesson on every seed; `progress` is told each seed as it is done.
    public func run(progress: (_ seed: UInt64) -> Void = { _ in }) -> [Result] {
        let claims = lesson.claims
        var results = claims.map { Result(claim: $0, verdicts: []) }
        for seed in seeds {
            var engine = lesson.makeEngine(LessonSeeds(first: seed))
            var verdicts = [Verdict?](repeating: nil, count: claims.count)
            func judgeWhatIsDue() {
                for (index, claim) in claims.enumerated() where verdicts[index] == nil && engine.stepCount >= claim.step {
                    verdicts[index] = claim.judge(engine, 0)
                }
            }
            judgeWhatIsDue()
            while verdicts.contains(where: { $0 == nil }), !engine.isFinished {
                engine.advance()
                judgeWhatIsDue()
            }
            // A lesson whose work ended before a claim's step is judged where it stopped.
            for index in claims.indices {
                results[index].verdicts.append(verdicts[index] ?? claims[index].judge(engine, 0))
            }
            progress(seed)
        }
        return results
    }
}

/// The closing lesson's experiment: each row of the decision table ("which normalization
/// when") rests on results other lessons measure. The engine runs those lessons headless, one
/// after another on the lesson's seed, each only as far as the claims a row cites, and keeps
/// their verdicts — so every cell of the table is backed by a number measured here, now.
public struct WhichNormEngine: LessonEngine {
    /// One lesson the table cites, run until its cited claims are judged.
    public struct Evidence: Sendable {
        public let lesson: Lesson
        public let claims: [Claim]
        /// The lesson's units of work until its last cited claim is judged.
        public let units: Int
        /// The lesson's engine while it runs; `nil` before it starts and once it is judged (its
        /// networks are dropped then, to keep the memory of a long table flat).
        var engine: (any LessonEngine)?
        /// The verdict of each cited claim, by claim id, once judged.
        public private(set) var verdicts: [String: Verdict] = [:]
        public var isJudged: Bool { verdicts.count == claims.count }
        /// The cited lesson's units of work done so far.
        public private(set) var unitsDone = 0

        init(lesson: Lesson, claimIDs: [String]) {
            self.lesson = lesson
            claims = claimIDs.map { id in
                guard let claim = lesson.claims.first(where: { $0.id == id }) else {
                    preconditionFailure("lesson \(lesson.id) declares no claim \(id)")
                }
                return claim
            }
            units = claims.map(\.step).max() ?? 0
        }

        /// Judges the cited claims that are due — all of them once the lesson has done the
        /// units they need, or its work has ended (a claim is then judged where it stopped).
        mutating func judgeWhatIsDue() {
            guard let engine else { return }
            let done = engine.isFinished || engine.stepCount >= units
            for claim in claims where verdicts[claim.id] == nil && (engine.stepCount >= claim.step || done) {
                verdicts[claim.id] = claim.judge(engine, 0)
            }
            if isJudged { self.engine = nil }
        }

        mutating func start(seed: UInt64) {
            engine = lesson.makeEngine(LessonSeeds(first: seed))
            judgeWhatIsDue()
        }

        /// One unit of the cited lesson's work, then the claims that are due.
        mutating func advance() {
            guard var running = engine else { return }
            running.advance()
            unitsDone += 1
            engine = running
            judgeWhatIsDue()
        }
    }

    public let seed: UInt64
    /// The cited lessons, in the order of the table's rows (each lesson once).
    public private(set) var evidence: [Evidence]
    /// Which evidence runs now; `evidence.count` once all are judged.
    public private(set) var current = 0
    public private(set) var stepCount = 0
    /// The row of the table Enter opens.
    public private(set) var selectedRow = 0

    public init(seeds: LessonSeeds = .standard) {
        seed = seeds.first
        evidence = WhichNormTable.citedLessons.map { Evidence(lesson: $0.lesson, claimIDs: $0.claimIDs) }
        startNext()
    }

    /// Starts the next cited lesson, and judges at once those whose claims need no work.
    private mutating func startNext() {
        while current < evidence.count {
            if evidence[current].engine == nil && !evidence[current].isJudged { evidence[current].start(seed: seed) }
            if !evidence[current].isJudged { return }
            current += 1
        }
    }

    /// After how many units of the table's work each cited lesson is judged: the running sum
    /// of each cited lesson's units up to its last cited claim. A row's claim waits for its
    /// lesson's entry.
    static let judgedAfter: [Int] = WhichNormTable.citedLessons.reduce(into: []) { sums, cited in
        sums.append((sums.last ?? 0) + Evidence(lesson: cited.lesson, claimIDs: cited.claimIDs).units)
    }

    /// The units of work of the whole table.
    public static var totalUnits: Int { judgedAfter.last ?? 0 }

    /// The unit after which the cited lesson at `index` is judged.
    static func unitsUntilJudged(_ index: Int) -> Int { judgedAfter[index] }

    public mutating func advance() {
        guard current < evidence.count else { return }
        evidence[current].advance()
        stepCount += 1
        if evidence[current].isJudged {
            // A lesson whose work ended early (a sweep) leaves units unused: the count jumps to
            // where the table's claims expect this lesson to be done, so their steps stay fixed.
            stepCount = Self.unitsUntilJudged(current)
            current += 1
            startNext()
        }
    }

    public var isFinished: Bool { current >= evidence.count }
    public var progress: Double? { Double(stepCount) / Double(max(1, Self.totalUnits)) }

    /// The verdicts of row `row`'s cited claims, in the order cited; `nil` for one not judged yet.
    public func verdicts(row: Int) -> [Verdict?] {
        let cited = WhichNormTable.rows[row]
        guard let index = evidence.firstIndex(where: { $0.lesson.id == cited.lesson.id }) else { return [] }
        return cited.claimIDs.map { evidence[index].verdicts[$0] }
    }

    /// Whether every claim row `row` cites held; `nil` until all are judged.
    public func holds(row: Int) -> Bool? {
        let verdicts = verdicts(row: row)
        guard verdicts.allSatisfy({ $0 != nil }) else { return nil }
        return verdicts.allSatisfy { $0?.holds == true }
    }

    /// The lesson that runs now, and how far it is: for the progress line.
    public var running: (lesson: Lesson, unitsDone: Int, units: Int)? {
        guard current < evidence.count else { return nil }
        return (evidence[current].lesson, evidence[current].unitsDone, evidence[current].units)
    }

    public var linkedLessonID: String? { WhichNormTable.rows[selectedRow].lesson.id }

    public var keys: [LessonKey] {
        [
            LessonKey("[", help: Localized(en: "row −", de: "Zeile −")),
            LessonKey("]", help: Localized(en: "row +", de: "Zeile +")),
        ]
    }

    /// `[` and `]` only choose what is drawn (the table highlights the row, the panel below
    /// names it), so they say nothing in the status line and the claims are still judged.
    public mutating func handle(_ key: Character) -> Localized? {
        let rows = WhichNormTable.rows.count
        switch key {
        case "]": selectedRow = (selectedRow + 1) % rows
        case "[": selectedRow = (selectedRow + rows - 1) % rows
        default: break
        }
        return nil
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for (index, row) in WhichNormTable.rows.enumerated() {
            record.append("\(row.id)_holds", .measured(holds(row: index).map { $0 ? 1.0 : 0.0 }))
        }
        return record
    }
}

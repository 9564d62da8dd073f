import Foundation
import NormLessons
import NormMath

/// What the lesson screen asks of a lesson's thread.
enum LessonCommand: Sendable, Equatable {
    case setRunning(Bool)
    case stepOnce
    case setSpeed(Double?)
    /// A lesson key (e.g. `k` scales weights), handled by the engine.
    case key(Character)
    /// The lesson from the start, with a new generation number, on `seeds` (`<`, `>`) or on
    /// the same seeds.
    case restart(generation: Int, seeds: LessonSeeds? = nil)
}

/// A copy of a lesson's engine and how it is being driven, for drawing.
struct LessonSnapshot: Sendable {
    /// `nil` while the engine is still being built: the screen says "preparing…".
    var engine: (any LessonEngine)?
    var isRunning: Bool
    var generation: Int
    /// What the engine said about the last lesson key.
    var message: Localized?
    /// Bumped with each message, so the screen shows a new one once.
    var messageCount: Int
    /// The verdicts of the lesson's claims judged so far, by claim id: one per seed.
    var verdicts: [String: [Verdict]] = [:]
    /// A lesson key changed the experiment: its claims are about the lesson's own settings,
    /// so they are not judged again until a restart.
    var isCustomized = false
    /// Single steps asked for (`s`) and not begun yet, shown as "3 steps queued".
    var requestedSteps = 0
    /// The engine's record after each step since the lesson opened (or restarted), the
    /// newest ``LessonWorker/recordCapacity`` of them: what `w` saves as CSV.
    var records = RingBuffer<LessonRecord>(capacity: LessonWorker.recordCapacity)
}

/// Drives a lesson's engine, on the lesson's own thread or inline in `snapshot`.
///
/// The engine is built by the first step, not by `init`: a training lesson builds networks
/// and data (and may run forward and backward passes) before it can show anything, and that
/// work belongs on the lesson's thread, never on the UI's.
struct LessonWorker: SteppingWorker {
    let guide: Guide
    /// `nil` until the first step builds it, and again after a restart.
    private(set) var engine: (any LessonEngine)?
    private(set) var isRunning = false
    private(set) var rate: Double? = Speed.levels[Speed.defaultIndex]
    /// Single steps asked for with `s` (or the first one, which builds the engine) and not
    /// begun yet. A count, not a flag: keys that arrive while a step is computed are requests too.
    private(set) var requestedSteps = 0
    /// Lesson keys that arrived before the engine was built: handled once it is, in order,
    /// so a key typed right after opening a lesson is not lost.
    private(set) var pendingKeys: [Character] = []
    private(set) var generation: Int
    private var message: Localized?
    private var messageCount = 0
    /// The seeds the lesson runs on (`normtui lesson NAME --seed S --seeds K`).
    private(set) var seeds: LessonSeeds
    private var verdicts: [String: [Verdict]] = [:]
    private var isCustomized = false
    private(set) var records = RingBuffer<LessonRecord>(capacity: LessonWorker.recordCapacity)

    /// As many records as the main run keeps steps of history.
    static let recordCapacity = TrainingHistory.defaultCapacity

    init(guide: Guide, generation: Int, seeds: LessonSeeds = .standard) {
        self.guide = guide
        self.generation = generation
        self.seeds = seeds
        requestedSteps = 1  // the first step builds the engine, so the screen has something to show
    }

    /// A worker for a lesson of the catalogue.
    init(lesson: Lesson, generation: Int, seeds: LessonSeeds = .standard) {
        self.init(guide: .lesson(lesson), generation: generation, seeds: seeds)
    }

    var stepRequested: Bool { requestedSteps > 0 }

    mutating func apply(_ commands: [LessonCommand]) {
        for command in commands {
            switch command {
            case .setRunning(let running): isRunning = running
            case .stepOnce:
                isRunning = false
                requestedSteps += 1
            case .setSpeed(let newRate): rate = newRate
            case .key(let key):
                if engine == nil {
                    pendingKeys.append(key)
                } else {
                    handle(key)
                }
            case .restart(let newGeneration, let newSeeds):
                engine = nil
                if let newSeeds { seeds = newSeeds }
                generation = newGeneration
                // Steps and keys asked of the old engine were meant for it.
                requestedSteps = 1
                pendingKeys = []
                message = nil
                verdicts = [:]
                isCustomized = false
                records.removeAll()
            }
        }
        if isFinished { stopStepping() }
    }

    /// A lesson key, if it is one of the engine's (a key typed before the engine existed may
    /// not be).
    private mutating func handle(_ key: Character) {
        guard var engine, engine.keys.contains(where: { $0.key == key }) else { return }
        let said = engine.handle(key)
        self.engine = engine
        if let said {
            message = said
            messageCount += 1
            isCustomized = true
        }
    }

    private mutating func stopStepping() {
        isRunning = false
        requestedSteps = 0
    }

    private var isFinished: Bool { engine?.isFinished == true }

    var wantsStep: Bool { !isFinished && (stepRequested || isRunning) }

    /// Builds the engine if there is none yet, and advances it by one unit of work.
    mutating func step() {
        requestedSteps = max(0, requestedSteps - 1)
        if engine == nil {
            engine = guide.makeEngine(seeds)
            let keys = pendingKeys
            pendingKeys = []
            for key in keys { handle(key) }
        }
        engine?.advance()
        if let record = engine?.record() { records.append(record) }
        judgeClaimsThatAreDue()
        if isFinished { stopStepping() }
    }

    /// Judges each claim once, on every seed, when the engine reaches the claim's step (or
    /// finishes before it), unless a lesson key has changed the experiment.
    private mutating func judgeClaimsThatAreDue() {
        guard let engine, !isCustomized else { return }
        for claim in guide.claims where verdicts[claim.id] == nil && (engine.stepCount >= claim.step || engine.isFinished) {
            verdicts[claim.id] = (0..<seeds.count).map { claim.judge(engine, $0) }
        }
    }

    var snapshot: LessonSnapshot {
        LessonSnapshot(
            engine: engine, isRunning: isRunning, generation: generation, message: message, messageCount: messageCount,
            verdicts: verdicts, isCustomized: isCustomized, requestedSteps: requestedSteps, records: records)
    }

    var slowStepSnapshot: LessonSnapshot? { nil }
}

typealias LessonRunner = BackgroundRunner<LessonWorker>

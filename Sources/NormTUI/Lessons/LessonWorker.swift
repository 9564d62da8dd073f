import Foundation

/// What the lesson screen asks of a lesson's thread.
enum LessonCommand: Sendable, Equatable {
    case setRunning(Bool)
    case stepOnce
    case setSpeed(Double?)
    /// A lesson key (e.g. `k` scales weights), handled by the engine.
    case key(Character)
    /// The lesson from the start, with a new generation number.
    case restart(generation: Int)
}

/// A copy of a lesson's engine and how it is being driven, for drawing.
struct LessonSnapshot: Sendable {
    var engine: any LessonEngine
    var isRunning: Bool
    var generation: Int
    /// What the engine said about the last lesson key.
    var message: Localized?
    /// Bumped with each message, so the screen shows a new one once.
    var messageCount: Int
}

/// Drives a lesson's engine, on the lesson's own thread or inline in `snapshot`.
struct LessonWorker: SteppingWorker {
    let lesson: Lesson
    private(set) var engine: any LessonEngine
    private(set) var isRunning = false
    private(set) var rate: Double? = Speed.levels[Speed.defaultIndex]
    private(set) var stepRequested = false
    private(set) var generation: Int
    private var message: Localized?
    private var messageCount = 0

    init(lesson: Lesson, generation: Int) {
        self.lesson = lesson
        self.generation = generation
        engine = lesson.makeEngine()
        stepRequested = true  // the first step, so the screen has something to show
    }

    mutating func apply(_ commands: [LessonCommand]) {
        for command in commands {
            switch command {
            case .setRunning(let running): isRunning = running
            case .stepOnce:
                isRunning = false
                stepRequested = true
            case .setSpeed(let newRate): rate = newRate
            case .key(let key):
                if let said = engine.handle(key) {
                    message = said
                    messageCount += 1
                }
            case .restart(let newGeneration):
                engine = lesson.makeEngine()
                generation = newGeneration
                stepRequested = true
                message = nil
            }
        }
        if engine.isFinished { isRunning = false }
    }

    var wantsStep: Bool { !engine.isFinished && (stepRequested || isRunning) }

    mutating func step() {
        stepRequested = false
        engine.advance()
        if engine.isFinished { isRunning = false }
    }

    var snapshot: LessonSnapshot {
        LessonSnapshot(
            engine: engine, isRunning: isRunning, generation: generation, message: message, messageCount: messageCount)
    }

    var slowStepSnapshot: LessonSnapshot? { nil }
}

typealias LessonRunner = BackgroundRunner<LessonWorker>

import NormMath

/// What the pure `update` asks of the training session; the main loop carries it out.
/// Keeping these as values is what lets tests check key sequences without a thread.
enum SessionCommand: Equatable, Sendable {
    case setRunning(Bool)
    /// One step now (pauses a running session first).
    case stepOnce
    /// A new run from this configuration, with its seed: the same weights and batches again.
    /// Its snapshots carry `generation`, so that news from the old run can be told apart.
    case reset(ExperimentConfig, generation: Int)
    /// Steps per second; `nil` as fast as the machine goes.
    case setSpeed(Double?)
    /// Whether each step also measures the batch in eval mode (running statistics).
    case measureEvalMode(Bool)
    /// Start the lesson with this id on its own thread (the main run stays paused).
    case openLesson(String, generation: Int)
    /// Stop the open lesson's thread: back to the main screen.
    case closeLesson
    /// For the open lesson's thread.
    case lesson(LessonCommand)
    /// Save the screen, the history and the experiment as files (the loop does the writing).
    case save
}

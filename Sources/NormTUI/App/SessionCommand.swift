import NormMath

/// What the pure `update` asks of the session; ``AppLoop`` carries it out, in one place.
/// Keeping these as values is what lets tests check key sequences without a thread.
enum SessionCommand: Equatable, Sendable {
    /// For the main screen's training run.
    case training(TrainingCommand)
    /// Start what the lesson screen of this generation runs (`AppState.lesson`), in place of
    /// any open one (the main run stays paused).
    case openLesson(generation: Int)
    /// Stop the open lesson: back to the main screen.
    case closeLesson
    /// For the open lesson.
    case lesson(LessonCommand)
    /// Save the screen, the history and the experiment as files (the loop does the writing).
    case save
}

/// Shorthands for the training run's commands, so that `update` and its tests read as the
/// keys do: `.stepOnce` is `.training(.stepOnce)`.
extension SessionCommand {
    static let stepOnce = SessionCommand.training(.stepOnce)

    static func setRunning(_ running: Bool) -> SessionCommand { .training(.setRunning(running)) }

    static func reset(_ config: ExperimentConfig, generation: Int) -> SessionCommand {
        .training(.reset(config, generation: generation))
    }

    static func setSpeed(_ rate: Double?) -> SessionCommand { .training(.setSpeed(rate)) }

    static func measureEvalMode(_ on: Bool) -> SessionCommand { .training(.measureEvalMode(on)) }
}

import NormMath

/// What the main screen's training run (``SessionWorker``) is asked to do. Each case is a
/// request the worker carries out; nothing here is meant for anyone else.
enum TrainingCommand: Equatable, Sendable {
    case setRunning(Bool)
    /// One more step (pauses a running session first). Requests add up: `s` pressed ten times
    /// is ten steps, however fast the keys come.
    case stepOnce
    /// A new run from this configuration, with its seed: the same weights and batches again.
    /// Its snapshots carry `generation`, so that news from the old run can be told apart.
    case reset(ExperimentConfig, generation: Int)
    /// Steps per second; `nil` as fast as the machine goes.
    case setSpeed(Double?)
    /// Whether each step also measures the batch in eval mode (running statistics).
    case measureEvalMode(Bool)
    /// The run the last reset put aside comes back (`u`), and the current one is put aside in
    /// its place, so a second `u` returns to it. Snapshots then carry `generation`.
    case swapWithPrevious(generation: Int)
}

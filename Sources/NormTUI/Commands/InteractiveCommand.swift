import ArgumentParser
import Foundation
import NormMath
import TerminalUI
import NormLessons

/// `normtui` without a subcommand: the full-screen UI.
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The interactive UI (the default): watch a training run live; ? lists the keys."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var comparison: CompareOptions
    @OptionGroup var recording: RecordOptions
    @OptionGroup var questions: QuestionOptions

    @Option(parsing: .unconditional, help: "Threads a training step may use (default: all cores); the run is the same bits for every count.")
    var threads: Int?

    func validate() throws {
        if let threads, !(1...64).contains(threads) {
            throw ValidationError("--threads must be between 1 and 64, got \(threads)")
        }
    }

    func run() throws {
        let config = try experiment.config()
        let compare = try comparison.mode(base: config).map(Guide.compare)
        let title = comparison.setting.map { "normtui --compare \($0.name.rawValue)=\($0.value)" } ?? "normtui"
        try runUI(
            config: config, display: display, opening: compare, asksQuestions: !questions.noQuestions,
            recording: recording.openFile(), title: title,
            trainingThreads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// The UI's loop on the real terminal (or on one that records it), with the training run and
/// a lesson each on a thread.
typealias InteractiveLoop<Backend: TerminalBackend> = AppLoop<Backend, TrainingSession, LessonRunner>

/// Opens the terminal and runs the UI until the user quits; with `guide`, that lesson (on
/// `lessonSeeds`) or compare mode is open from the start. With `recording` (already open), what
/// the terminal shows is recorded into it under `title`. The main run's steps use
/// `trainingThreads` threads.
func runUI(
    config: ExperimentConfig, display: DisplayOptions, opening guide: Guide?, lessonSeeds: LessonSeeds = .onScreen,
    asksQuestions: Bool = true, recording: AsciicastWriter? = nil, title: String = "normtui",
    trainingThreads: Int = ProcessInfo.processInfo.activeProcessorCount
) throws {
    do {
        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(colors: !display.noColor, ascii: display.ascii, mouse: !display.noMouse))
        } catch {
            if let recording { unlink(recording.path) }
            throw CommandFailure("\(error)")
        }
        let size = terminal.size
        var state = AppState(config: config, width: size.width, height: size.height)
        state.language = display.language ?? .fromEnvironment()
        state.isPresenting = display.present
        state.lessonSeeds = lessonSeeds
        state.asksQuestions = asksQuestions
        let status: Int32
        if let recording {
            let recorder = ScreenRecorder(
                writer: recording, width: size.width, height: size.height, title: title,
                colors: terminal.glyphs.hasColor, timing: .live)
            status = runLoop(
                on: RecordingBackend(base: terminal, recorder: recorder), state: state, opening: guide,
                trainingThreads: trainingThreads)
            recording.close()
        } else {
            status = runLoop(on: terminal, state: state, opening: guide, trainingThreads: trainingThreads)
        }
        terminal.restore()
        // A recording that could not be written (a full disk) is a failure even after a
        // clean quit: the file ends early, and the user should hear so once the screen is back.
        if let failure = recording?.failure { throw CommandFailure(failure.description, status: status != 0 ? status : 1) }
        if status != 0 { Foundation.exit(status) }
    }
}

/// The loop on `backend` until the user quits or a signal arrives, then its workers stopped.
private func runLoop<Backend: TerminalBackend>(
    on backend: Backend, state: AppState, opening guide: Guide?, trainingThreads: Int
) -> Int32 {
    var loop = InteractiveLoop(
        backend: backend, state: state, saveFolder: FileManager.default.currentDirectoryPath,
        trainingThreads: trainingThreads)
    if let guide { loop.open(guide) }
    let status = loop.run()
    loop.stop()
    return status
}

/// How the UI draws: `--ascii` and `--no-color` (the `NO_COLOR` variable works too).
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII characters only, even in a UTF-8 locale.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colours (bold and reverse still mark things).")
    var noColor = false

    @Option(name: .customLong("lang"), help: "Language of the lesson texts: en|de (default: from the locale).")
    var language: Language?

    @Flag(help: "Presenter view: fewer, bigger panels in high contrast, for a projector.")
    var present = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no clicks or wheel in the UI).")
    var noMouse = false

    /// Colour unless `--no-color` or a non-empty `NO_COLOR` variable (no-color.org) says no.
    var wantsColor: Bool {
        !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

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

    func run() throws {
        let config = try experiment.config()
        try runUI(config: config, display: display, lesson: comparison.lesson(base: config))
    }
}

/// The UI's loop on the real terminal, with the training run and a lesson each on a thread.
typealias InteractiveLoop = AppLoop<Terminal, TrainingSession, LessonRunner>

/// Opens the terminal and runs the UI until the user quits; with `lesson`, that lesson is open
/// from the start.
func runUI(config: ExperimentConfig, display: DisplayOptions, lesson: Lesson?) throws {
    do {
        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(colors: !display.noColor, ascii: display.ascii, mouse: !display.noMouse))
        } catch {
            throw CommandFailure("\(error)")
        }
        let size = terminal.size
        var state = AppState(config: config, width: size.width, height: size.height)
        state.language = display.language ?? .fromEnvironment()
        state.isPresenting = display.present
        var loop = InteractiveLoop(backend: terminal, state: state, saveFolder: FileManager.default.currentDirectoryPath)
        if let lesson { loop.open(lesson) }
        let status = loop.run()
        loop.stop()
        terminal.restore()
        if status != 0 { Foundation.exit(status) }
    }
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

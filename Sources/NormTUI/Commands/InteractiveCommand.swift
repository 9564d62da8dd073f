import ArgumentParser
import Foundation
import NormMath
import TerminalUI

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

/// Opens the terminal and runs the UI until the user quits; with `lesson`, that lesson is open
/// from the start.
func runUI(config: ExperimentConfig, display: DisplayOptions, lesson: Lesson?) throws {
    do {
        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(colors: !display.noColor, ascii: display.ascii))
        } catch {
            throw CommandFailure("\(error)")
        }
        let session = TrainingSession(config: config)
        let size = terminal.size
        var state = AppState(config: config, width: size.width, height: size.height)
        state.language = display.language ?? .fromEnvironment()
        state.isPresenting = display.present
        let opening = lesson.map { open($0, &state) } ?? []
        let status = AppLoop(terminal: terminal, session: session).run(&state, startingWith: opening)
        session.stop()
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
}

/// The main loop: keys and training news become events, events update the state, the state
/// is drawn. Keys are polled with a short timeout, so the screen follows the training at
/// about 30 frames a second and a key is answered within one frame; every key waiting is
/// read in the frame, so a burst is not spread over many frames.
struct AppLoop {
    let terminal: Terminal
    let session: TrainingSession
    static let frameMilliseconds = 30

    /// Writes what `w` saves into the current folder and says what happened.
    func save(_ state: AppState) -> StatusMessage {
        let export = RunExport(
            screen: Screen.render(state, glyphs: terminal.glyphs), config: state.run.config, history: state.run.history)
        do {
            let names = try export.write(into: FileManager.default.currentDirectoryPath, prefix: RunExport.prefix(at: Date()))
            return .info("saved \(names.joined(separator: ", "))")
        } catch {
            return .error(error.description)
        }
    }

    /// Runs until the user quits or a signal arrives; returns the exit status.
    func run(_ state: inout AppState, startingWith opening: [SessionCommand] = []) -> Int32 {
        var dirty = true
        var lessonRunner: LessonRunner?
        defer { lessonRunner?.stop() }
        /// Main-run commands go to the session; lesson commands to the open lesson's thread.
        func carryOut(_ commands: [SessionCommand]) {
            var forSession: [SessionCommand] = []
            for command in commands {
                switch command {
                case .openLesson(let id, let generation):
                    lessonRunner?.stop()
                    lessonRunner = LessonCatalog.find(id, openIn: state).map {
                        LessonRunner(worker: LessonWorker(lesson: $0, generation: generation), name: "normtui lesson")
                    }
                case .closeLesson:
                    lessonRunner?.stop()
                    lessonRunner = nil
                case .lesson(let lessonCommand):
                    lessonRunner?.perform([lessonCommand])
                case .save:
                    carryOut(update(&state, .notice(save(state))))
                default:
                    forSession.append(command)
                }
            }
            session.perform(forSession)
        }
        carryOut(opening)
        while true {
            if dirty {
                terminal.draw(Screen.render(state, glyphs: terminal.glyphs))
                dirty = false
            }
            let keys = terminal.readKeys(waitingUpTo: Self.frameMilliseconds)
            if let signal = terminal.pendingSignal { return 128 + signal }
            var events: [Event] = []
            for key in keys {
                if key == .resize {
                    let size = terminal.size
                    events.append(.resize(width: size.width, height: size.height))
                } else {
                    events.append(.key(key))
                }
            }
            if let snapshot = session.takeSnapshot() { events.append(.progress(snapshot)) }
            if let snapshot = lessonRunner?.takeSnapshot() { events.append(.lessonProgress(snapshot)) }
            for event in events {
                carryOut(update(&state, event))
                dirty = true
            }
            if state.shouldQuit { return 0 }
        }
    }
}

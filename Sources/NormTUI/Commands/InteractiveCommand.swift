import ArgumentParser
import Foundation
import NormMath

/// `normtui` without a subcommand: the full-screen UI.
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The interactive UI (the default): watch a training run live; ? lists the keys."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let config = try experiment.config()
        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(colors: !display.noColor, ascii: display.ascii))
        } catch {
            throw CommandFailure("\(error)")
        }
        let session = TrainingSession(config: config)
        let size = terminal.size
        var state = AppState(config: config, width: size.width, height: size.height)
        let status = AppLoop(terminal: terminal, session: session).run(&state)
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
}

/// The main loop: keys and training news become events, events update the state, the state
/// is drawn. Keys are polled with a short timeout, so the screen follows the training at
/// about 30 frames a second and a key is answered within one frame.
struct AppLoop {
    let terminal: Terminal
    let session: TrainingSession
    static let frameMilliseconds = 30

    /// Runs until the user quits or a signal arrives; returns the exit status.
    func run(_ state: inout AppState) -> Int32 {
        var dirty = true
        while true {
            if dirty {
                terminal.draw(Screen.render(state, glyphs: terminal.glyphs))
                dirty = false
            }
            let key = terminal.readKey(timeoutMilliseconds: Self.frameMilliseconds)
            if let signal = Terminal.pendingSignal { return 128 + signal }
            var events: [Event] = []
            if let key {
                if key == .resize {
                    let size = terminal.size
                    events.append(.resize(width: size.width, height: size.height))
                } else {
                    events.append(.key(key))
                }
            }
            if let snapshot = session.takeSnapshot() { events.append(.progress(snapshot)) }
            for event in events {
                session.perform(update(&state, event))
                dirty = true
            }
            if state.shouldQuit { return 0 }
        }
    }
}

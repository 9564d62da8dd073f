import Foundation
import NormMath
import TerminalUI
import NormLessons

/// The UI's one loop: keys and the workers' news become events, the pure `update` turns each
/// into a new state and ``SessionCommand``s, the commands are carried out here — and only
/// here — and the state is drawn.
///
/// The real UI runs it on the ncurses ``Terminal`` with each worker on its own thread
/// (``InteractiveLoop``); `normtui snapshot` and the tests run the same loop on a
/// ``TestBackend`` with the workers stepped inline (``ScriptedRun``).
struct AppLoop<
    Backend: TerminalBackend, SessionDriver: WorkerDriver<SessionWorker>, LessonDriver: WorkerDriver<LessonWorker>
> {
    /// How long a frame waits for keys: the screen follows the training at about 30 frames a
    /// second, and a key is answered within one frame.
    static var frameMilliseconds: Int { 30 }

    private(set) var state: AppState
    // The backend and the drivers are open to ``ScriptedRun`` and the tests, which type keys
    // into a test terminal and advance inline workers by hand.
    var backend: Backend
    /// The main screen's training run.
    var session: SessionDriver
    /// The open lesson's worker; `nil` on the main screen.
    var lesson: LessonDriver?
    /// Where `w` writes its files; `nil` where nothing is saved (a scripted run given no folder).
    let saveFolder: String?
    /// Whether the state changed since the screen was last drawn.
    private var needsDrawing = true

    /// A loop showing `state` on `backend`, with the main run of `state.config` started; its
    /// steps use `trainingThreads` threads (default all cores; the same bits for every count).
    init(
        backend: Backend, state: AppState, saveFolder: String?,
        trainingThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.backend = backend
        self.state = state
        self.saveFolder = saveFolder
        session = SessionDriver(
            worker: SessionWorker(config: state.config, threads: trainingThreads), name: "normtui training")
        collectNews()
    }

    /// Runs until the user quits or a signal arrives; returns the exit status.
    mutating func run() -> Int32 {
        while true {
            drawIfChanged()
            if let status = handleInput(waitingUpTo: Self.frameMilliseconds) { return status }
        }
    }

    /// Draws the state on the backend, if it changed since the last time.
    mutating func drawIfChanged() {
        guard needsDrawing else { return }
        backend.draw(Screen.render(state, glyphs: backend.glyphs))
        needsDrawing = false
    }

    /// One frame's input: every key waiting (after up to `milliseconds` for the first), each
    /// followed by the workers' news, so that a key sees what the keys before it did; then the
    /// news that came without a key. Keys after a quit are not handled.
    /// - Returns: The exit status once the user quit (0) or a signal arrived (128 + signal);
    ///   `nil` to go on.
    mutating func handleInput(waitingUpTo milliseconds: Int) -> Int32? {
        let keys = backend.readKeys(waitingUpTo: milliseconds)
        if let signal = backend.pendingSignal { return 128 + signal }
        for key in keys where !state.shouldQuit {
            if key == .resize {
                let size = backend.size
                handle(.resize(width: size.width, height: size.height))
            } else if case .mouse(let event) = key {
                handle(.mouse(event))
            } else {
                handle(.key(key))
            }
            collectNews()
        }
        collectNews()
        return state.shouldQuit ? 0 : nil
    }

    /// Opens a lesson (as choosing it in the `l` list does; `normtui lesson NAME` starts so) or
    /// compare mode (`c`, `--compare`).
    mutating func open(_ guide: Guide) {
        carryOut(NormTUI.open(guide, &state))
        collectNews()
    }

    /// Hands the workers' newest snapshots to `update`.
    mutating func collectNews() {
        if let snapshot = session.takeSnapshot() { handle(.progress(snapshot)) }
        if let snapshot = lesson?.takeSnapshot() { handle(.lessonProgress(snapshot)) }
    }

    /// Stops the workers (and their threads); the loop is done after this.
    mutating func stop() {
        closeLesson()
        session.stop()
    }

    private mutating func handle(_ event: Event) {
        carryOut(update(&state, event))
        needsDrawing = true
    }

    /// Main-run commands go to the session, lesson commands to the open lesson; opening and
    /// closing lessons and saving are done here.
    private mutating func carryOut(_ commands: [SessionCommand]) {
        var forTraining: [TrainingCommand] = []
        for command in commands {
            switch command {
            case .training(let command):
                forTraining.append(command)
            case .openLesson(let generation):
                closeLesson()
                if let open = state.lesson, open.generation == generation {
                    lesson = LessonDriver(
                        worker: LessonWorker(guide: open.guide, generation: generation, seeds: open.guide.seeds(from: state.lessonSeeds)), name: "normtui lesson")
                }
            case .closeLesson:
                closeLesson()
            case .lesson(let command):
                lesson?.perform([command])
            case .save:
                handle(.notice(save()))
            }
        }
        // Together, so that a thread wakes once for a reset and the run state that follows it.
        session.perform(forTraining)
    }

    private mutating func closeLesson() {
        lesson?.stop()
        lesson = nil
    }

    /// Writes what `w` saves (the screen, the history, the experiment) into `saveFolder` and
    /// says what happened.
    private func save() -> StatusMessage {
        guard let saveFolder else { return .error(UIText.catalogue.nothingSaved(state.language)) }
        if let lesson = state.lesson { return save(lesson, into: saveFolder) }
        let export = RunExport(
            screen: Screen.render(state, glyphs: backend.glyphs), colors: backend.glyphs.hasColor,
            config: state.run.config, history: state.run.history)
        do {
            let prefix = RunExport.prefix(at: Date())
            let names = try export.write(into: saveFolder, prefix: prefix)
            let files = names.map { String($0.dropFirst(prefix.count + 1)) }.joined(separator: ", ")
            return .info(UIText.catalogue.saved(state.language, prefix, files))
        } catch {
            return .error(error.description)
        }
    }

    /// `w` in a lesson or compare mode: the screen, the lesson's records and the experiment.
    private func save(_ lesson: LessonState, into folder: String) -> StatusMessage {
        let export = LessonExport(
            screen: Screen.render(state, glyphs: backend.glyphs), colors: backend.glyphs.hasColor,
            lessonID: lesson.guide.id, records: lesson.snapshot?.records.elements ?? [], config: state.config)
        do {
            let prefix = RunExport.prefix(at: Date())
            let names = try export.write(into: folder, prefix: prefix)
            return .info("saved \(prefix)-*: " + names.map { String($0.dropFirst(prefix.count + 1)) }.joined(separator: ", "))
        } catch {
            return .error(error.description)
        }
    }
}

import NormMath

/// A run driven in the foreground by a script of steps and keys: what `normtui snapshot` and
/// the golden-screen tests draw. No thread, no terminal — the same numbers every time.
struct ScriptedRun {
    private(set) var state: AppState
    private var worker: SessionWorker
    private var lessonWorker: LessonWorker?

    /// A run of `config` on a `width`×`height` screen after its first step.
    init(config: ExperimentConfig, width: Int, height: Int, language: Language = .en, presenting: Bool = false) {
        state = AppState(config: config, width: width, height: height)
        state.language = language
        state.isPresenting = presenting
        worker = SessionWorker(config: config)
        settle()
    }

    /// Trains until the run has taken `count` steps (or diverged).
    mutating func train(untilStep count: Int) {
        while worker.snapshot.stepCount < count, !worker.isDiverged { worker.step() }
        settle()
    }

    /// Presses `keys` one after another. A running session does not run on by itself here;
    /// a requested single step is taken at once.
    mutating func press(_ keys: [Key]) {
        for key in keys where !state.shouldQuit {
            carryOut(update(&state, .key(key)))
        }
    }

    /// Opens a lesson, as choosing it in the `l` list does.
    mutating func open(_ lesson: Lesson) {
        carryOut(NormTUI.open(lesson, &state))
    }

    /// Advances the open lesson until it has taken `count` steps (or finished).
    mutating func advanceLesson(untilStep count: Int) {
        guard var lessonWorker else { return }
        while (lessonWorker.engine?.stepCount ?? 0) < count, lessonWorker.engine?.isFinished != true {
            lessonWorker.step()
        }
        self.lessonWorker = lessonWorker
        settle()
    }

    /// Main-run commands to the session worker, lesson commands to the lesson's.
    private mutating func carryOut(_ commands: [SessionCommand]) {
        for command in commands {
            switch command {
            case .openLesson(let id, let generation):
                lessonWorker = LessonCatalog.find(id, openIn: state).map { LessonWorker(lesson: $0, generation: generation) }
            case .closeLesson:
                lessonWorker = nil
            case .lesson(let lessonCommand):
                lessonWorker?.apply([lessonCommand])
            case .save:
                _ = update(&state, .notice(.error("nothing is saved in a scripted run")))
            default:
                worker.apply([command])
            }
        }
        settle()
    }

    /// The terminal changed size (as the real loop reports `KEY_RESIZE`).
    mutating func resize(width: Int, height: Int) {
        carryOut(update(&state, .resize(width: width, height: height)))
    }

    /// Takes any requested step and shows the result.
    private mutating func settle() {
        if worker.stepRequested { worker.step() }
        _ = update(&state, .progress(worker.snapshot))
        if var lessonWorker {
            if lessonWorker.stepRequested { lessonWorker.step() }
            self.lessonWorker = lessonWorker
            _ = update(&state, .lessonProgress(lessonWorker.snapshot))
        }
    }

    func render(glyphs: GlyphSet) -> Grid {
        Screen.render(state, glyphs: glyphs)
    }
}

import NormMath

/// A run driven in the foreground by a script of steps and keys: what `normtui snapshot` and
/// the golden-screen tests draw. No thread, no terminal — the same numbers every time.
struct ScriptedRun {
    private(set) var state: AppState
    private var worker: SessionWorker

    /// A run of `config` on a `width`×`height` screen after its first step.
    init(config: ExperimentConfig, width: Int, height: Int) {
        state = AppState(config: config, width: width, height: height)
        worker = SessionWorker(config: config)
        worker.apply([.reset(config, generation: 0)])
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
            worker.apply(update(&state, .key(key)))
            settle()
        }
    }

    /// Takes any requested step and shows the result.
    private mutating func settle() {
        if worker.stepRequested { worker.step() }
        _ = update(&state, .progress(worker.snapshot))
    }

    func render(glyphs: GlyphSet) -> Grid {
        Screen.render(state, glyphs: glyphs)
    }
}

import NormMath

/// Something that happened: a key, a new terminal size, or news from the training thread.
enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case progress(RunSnapshot)
}

/// The whole behaviour of the UI as one pure function: the state changes, and the session
/// commands it returns are carried out by the caller. Tests drive it with key sequences.
///
/// `validate` says why a configuration cannot run (the real one builds a trainer).
func update(
    _ state: inout AppState, _ event: Event, validate: (ExperimentConfig) -> String? = AppState.validate
) -> [SessionCommand] {
    switch event {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .progress(let snapshot):
        guard snapshot.generation == state.run.generation else { return [] }  // from a run since reset
        let wasDiverged = state.run.divergence != nil
        state.run = snapshot
        if let divergence = snapshot.divergence, !wasDiverged {
            state.isRunning = false
            state.status = .error("diverged: \(divergence.description) — press r to restart")
        }
        return []
    case .key(let key):
        if key == .ctrlC {
            state.shouldQuit = true
            return []
        }
        switch state.overlay {
        case .help:
            if [.escape, .character("?"), .character("q"), .enter].contains(key) { state.overlay = nil }
            return []
        case .editor(var editor):
            switch editor.handle(key, validate: validate) {
            case .editing:
                state.overlay = .editor(editor)
                return []
            case .cancelled:
                state.overlay = nil
                state.status = .info("settings unchanged")
                return []
            case .applied(let config):
                state.overlay = nil
                return restart(&state, with: config, saying: "settings applied")
            }
        case nil:
            guard let action = KeyTable.action(for: key) else { return [] }
            return perform(action, on: &state, validate: validate)
        }
    }
}

private func perform(_ action: Action, on state: inout AppState, validate: (ExperimentConfig) -> String?) -> [SessionCommand] {
    switch action {
    case .quit:
        state.shouldQuit = true
    case .help:
        state.overlay = .help
    case .runPause:
        if let divergence = state.run.divergence {
            state.status = .error("the run diverged at step \(divergence.step) — press r to restart it")
            return []
        }
        state.isRunning.toggle()
        state.status = nil
        return [.setRunning(state.isRunning)]
    case .step:
        if let divergence = state.run.divergence {
            state.status = .error("the run diverged at step \(divergence.step) — press r to restart it")
            return []
        }
        state.isRunning = false
        return [.stepOnce]
    case .nextVariant, .previousVariant, .selectVariant:
        let variants = VariantKeys.variants
        let current = variants.firstIndex(of: state.config.variant) ?? 0
        let index: Int
        switch action {
        case .nextVariant: index = (current + 1) % variants.count
        case .previousVariant: index = (current + variants.count - 1) % variants.count
        case .selectVariant(let n): index = n - 1
        default: index = current
        }
        var config = state.config
        config.variant = variants[index]
        if let problem = validate(config) {
            state.status = .error("\(config.variant.displayName): \(problem) — press e to change the settings")
            return []
        }
        return restart(&state, with: config, saying: "\(config.variant.displayName), same seed")
    case .reset:
        return restart(&state, with: state.config, saying: "restarted with seed \(state.config.seed)")
    case .edit:
        state.overlay = .editor(SettingsEditor(config: state.config))
    case .toggleEvalMode:
        state.showsEvalMode.toggle()
        return [.measureEvalMode(state.showsEvalMode)]
    case .previousLayer:
        state.selectedLayer = max(0, state.selectedLayer - 1)
    case .nextLayer:
        state.selectedLayer = min(state.layerCount - 1, state.selectedLayer + 1)
    case .focusNext:
        state.focus = PanelID(rawValue: (state.focus.rawValue + 1) % PanelID.allCases.count)!
    case .focusPrevious:
        state.focus = PanelID(rawValue: (state.focus.rawValue + PanelID.allCases.count - 1) % PanelID.allCases.count)!
    case .zoom:
        state.isZoomed.toggle()
    case .faster, .slower:
        let delta = action == .faster ? 1 : -1
        state.speedIndex = min(max(0, state.speedIndex + delta), Speed.levels.count - 1)
        state.status = .info("speed \(Speed.label(state.speedIndex))")
        return [.setSpeed(Speed.levels[state.speedIndex])]
    case .toggleSharedAxis:
        state.sharesAxis.toggle()
    }
    return []
}

/// Starts a new run from `config` with its seed, keeping whether the user wanted it running.
private func restart(_ state: inout AppState, with config: ExperimentConfig, saying message: String) -> [SessionCommand] {
    state.config = config
    state.run = RunSnapshot(config: config, generation: state.run.generation + 1)
    state.selectedLayer = min(state.selectedLayer, config.depth - 1)
    state.status = .info(message)
    return [.reset(config, generation: state.run.generation)] + (state.isRunning ? [.setRunning(true)] : [])
}

extension AppState {
    /// Whether a configuration can run, by building its trainer (data included): the one
    /// check that also catches a batch larger than the data set.
    static func validate(_ config: ExperimentConfig) -> String? {
        do {
            _ = try Trainer(config: config)
            return nil
        } catch {
            return error.description
        }
    }
}

import NormMath
import TerminalUI
import NormLessons

/// Something that happened: a key, a new terminal size, or news from the training thread.
enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case progress(RunSnapshot)
    /// News from the open lesson's thread.
    case lessonProgress(LessonSnapshot)
    /// A message from the loop, e.g. which files `w` wrote.
    case notice(StatusMessage)
    /// A click or a wheel turn (``MouseInput``).
    case mouse(MouseEvent)
}

/// The whole behaviour of the UI as one pure function: the state changes, and the session
/// commands it returns are carried out by the caller. Tests drive it with key sequences.
///
/// `validate` says why a configuration cannot run, and which setting is to blame (the real
/// one builds a trainer).
func update(
    _ state: inout AppState, _ event: Event, validate: (ExperimentConfig) -> ExperimentError? = AppState.validate
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
            state.status = .error(UIText.catalogue.divergedStatus(state.language, UIText.catalogue.problem(divergence.description, state.language)))
        }
        return []
    case .notice(let message):
        state.status = message
        return []
    case .mouse(let event):
        return MouseInput.handle(event, &state)
    case .lessonProgress(let snapshot):
        guard var lesson = state.lesson, snapshot.generation == lesson.generation else { return [] }
        lesson.snapshot = snapshot
        if snapshot.engine?.isFinished == true { lesson.isRunning = false }
        if snapshot.messageCount > lesson.shownMessages, let message = snapshot.message {
            state.status = .info(message(state.language))
            lesson.shownMessages = snapshot.messageCount
        }
        // A question's claims are judged: the run pauses while the class sees the answer.
        if var progress = lesson.questions, progress.showing == nil, let kit = lesson.guide.lesson?.kit,
           let reveal = progress.nextReveal(kit.questions, verdicts: snapshot.verdicts) {
            progress.showing = reveal
            lesson.questions = progress
            if lesson.isRunning {
                lesson.isRunning = false
                state.lesson = lesson
                return [.lesson(.setRunning(false))]
            }
        }
        state.lesson = lesson
        return []
    case .key(let key):
        if key == .ctrlC {
            state.shouldQuit = true
            return []
        }
        switch state.overlay {
        case .help:
            if [.escape, .character("?"), .character("q"), .enter].contains(key) { state.overlay = nil }
            if let movement = Scrolling.movement(for: key) {
                let range = HelpOverlay.scrollRange(for: state)
                state.helpScroll = movement.applied(to: state.helpScroll, page: range.page, limit: range.limit)
            }
            return []
        case .lessonPicker(let selected):
            return pickLesson(key, selected: selected, &state)
        case .editor(var editor):
            switch editor.handle(key, validate: validate) {
            case .editing:
                state.overlay = .editor(editor)
                return []
            case .cancelled:
                state.overlay = nil
                state.status = .info(UIText.catalogue.settingsUnchanged(state.language))
                return []
            case .applied(let config):
                state.overlay = nil
                // What a surprising value means is said again as it takes effect.
                let notes = ExperimentSetting.all.compactMap { UIText.catalogue.settingNote($0.name, in: config, state.language) }
                return restart(&state, with: config, saying: ([UIText.catalogue.settingsApplied(state.language)] + notes).joined(separator: "; "))
            }
        case nil:
            if state.lesson != nil { return performInLesson(key, &state) }
            guard let action = KeyTable.action(for: key) else { return [] }
            return perform(action, on: &state, validate: validate)
        }
    }
}

private func perform(_ action: Action, on state: inout AppState, validate: (ExperimentConfig) -> ExperimentError?) -> [SessionCommand] {
    switch action {
    case .quit:
        state.shouldQuit = true
    case .help:
        state.overlay = .help
        state.helpScroll = 0
    case .runPause:
        if let divergence = state.run.divergence {
            state.status = .error(UIText.catalogue.divergedAtStep(state.language, divergence.step))
            return []
        }
        state.isRunning.toggle()
        state.status = nil
        return [.setRunning(state.isRunning)]
    case .step:
        if let divergence = state.run.divergence {
            state.status = .error(UIText.catalogue.divergedAtStep(state.language, divergence.step))
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
            state.status = .error(UIText.catalogue.variantRefused(state.language, UIText.catalogue.variantName(config.variant, state.language), UIText.catalogue.problem(problem.description, state.language)))
            return []
        }
        return restart(&state, with: config, saying: UIText.catalogue.sameSeed(state.language, UIText.catalogue.variantName(config.variant, state.language)))
    case .reset:
        return restart(&state, with: state.config, saying: UIText.catalogue.restarted(state.language, state.config.seed))
    case .edit:
        state.overlay = .editor(SettingsEditor(config: state.config, language: state.language))
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
        state.status = .info(UIText.catalogue.speed(state.language, Speed.label(state.speedIndex)))
        return [.setSpeed(Speed.levels[state.speedIndex])]
    case .toggleSharedAxis:
        state.sharesAxis.toggle()
    case .lessons:
        state.overlay = .lessonPicker(selected: 0)
        state.pickerDigits = ""
    case .save:
        return [.save]
    case .compare:
        return open(.compare(CompareMode(base: state.config)), &state)
    case .undo:
        return undoReset(&state)
    }
    return []
}

/// `u`: the run the last reset discarded comes back as it was (its trainer and history were
/// kept, not re-run), and the current one is put aside for another `u`.
private func undoReset(_ state: inout AppState) -> [SessionCommand] {
    guard let previous = state.previousRun else {
        state.status = .info(UIText.catalogue.nothingToUndo(state.language))
        return []
    }
    let current = state.run
    state.previousRun = current.stepCount > 0 ? PreviousRunInfo(config: current.config, stepCount: current.stepCount) : nil
    state.config = previous.config
    state.run = RunSnapshot(config: previous.config, generation: current.generation + 1)
    state.selectedLayer = min(state.selectedLayer, previous.config.depth - 1)
    let ui = UIText.catalogue
    state.status = .info((previous.stepCount == 1 ? ui.broughtBackOne : ui.broughtBackMany)(state.language, previous.stepCount))
    return [.training(.swapWithPrevious(generation: state.run.generation))] + (state.isRunning ? [.setRunning(true)] : [])
}

/// The `l` list: ↑/↓ or k/j (or a lesson's number, typed digit by digit) choose, Enter
/// opens, Esc, q or l close the list alone.
private func pickLesson(_ key: Key, selected: Int, _ state: inout AppState) -> [SessionCommand] {
    let count = LessonCatalog.all.count
    if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
        // "1" then "3" is lesson 13; a digit that makes no lesson with the ones before starts anew.
        let typed = state.pickerDigits + String(digit)
        if let number = Int(typed), (1...count).contains(number) {
            state.pickerDigits = typed
            state.overlay = .lessonPicker(selected: number - 1)
        } else if (1...count).contains(digit) {
            state.pickerDigits = String(digit)
            state.overlay = .lessonPicker(selected: digit - 1)
        } else {
            state.pickerDigits = ""
        }
        return []
    }
    state.pickerDigits = ""
    switch key {
    case .up, .backTab, .character("k"): state.overlay = .lessonPicker(selected: (selected + count - 1) % count)
    case .down, .tab, .character("j"): state.overlay = .lessonPicker(selected: (selected + 1) % count)
    case .home: state.overlay = .lessonPicker(selected: 0)
    case .end: state.overlay = .lessonPicker(selected: count - 1)
    case .escape, .character("q"), .character("l"): state.overlay = nil
    case .enter:
        state.overlay = nil
        return open(.lesson(LessonCatalog.all[selected]), &state)
    default: break
    }
    return []
}

/// `<` and `>`: a training lesson restarts on one seed fewer or more (1 to 9), and the status
/// line says what the lines and shades now are.
private func changeSeedCount(by delta: Int, _ lesson: inout LessonState, _ state: inout AppState) -> [SessionCommand] {
    let ui = UIText.catalogue
    guard lesson.guide.runsSeveralSeeds else {
        state.status = .info(ui.oneSeedLesson(state.language))
        return []
    }
    let count = state.lessonSeeds.count + delta
    guard (1...LessonSeeds.maximumOnScreen).contains(count) else {
        state.status = .info(ui.seedsUnchanged(state.language, state.lessonSeeds.count))
        return []
    }
    let seeds = LessonSeeds(first: state.lessonSeeds.first, count: count)
    state.lessonSeeds = seeds
    let all = seeds.all
    state.status = .info(count == 1 ? ui.oneSeedOnScreen(state.language, all[0]) : ui.seedsOnScreen(state.language, all[0], all[count - 1]))
    return restart(&lesson, &state, on: seeds)
}

/// `r` (and a new seed count): the lesson from the start, paused, under a new generation so
/// that snapshots of the old run are dropped.
private func restart(_ lesson: inout LessonState, _ state: inout AppState, on seeds: LessonSeeds? = nil) -> [SessionCommand] {
    state.lessonGeneration += 1
    lesson.generation = state.lessonGeneration
    lesson.snapshot = nil
    lesson.shownMessages = 0
    lesson.isRunning = false
    return [.lesson(.restart(generation: lesson.generation, seeds: seeds))]
}

/// Opens a lesson or compare mode on its own thread; the main run pauses meanwhile.
func open(_ guide: Guide, _ state: inout AppState) -> [SessionCommand] {
    let mainWasRunning = state.isRunning
    state.isRunning = false
    state.lessonGeneration += 1
    state.lesson = LessonState(guide: guide, generation: state.lessonGeneration)
    if state.asksQuestions, guide.lesson?.kit != nil { state.lesson?.questions = QuestionProgress() }
    state.status = .info((guide.lesson.map { "\($0.number). " } ?? "") + guide.title(state.language))
    let generation = state.lessonGeneration
    return (mainWasRunning ? [.setRunning(false)] : [])
        + [.closeLesson, .openLesson(generation: generation), .lesson(.setSpeed(Speed.levels[state.speedIndex]))]
}

private func performInLesson(_ key: Key, _ state: inout AppState) -> [SessionCommand] {
    guard var lesson = state.lesson else { return [] }
    defer { if state.lesson != nil { state.lesson = lesson } }
    if let questions = lesson.guide.lesson?.kit?.questions, var progress = lesson.questions {
        if let commands = answerQuestion(key, questions, &progress, &lesson, &state) {
            lesson.questions = progress
            return commands
        }
    }
    // Enter in a lesson that points to another (the decision table) opens that one.
    if key == .enter, let id = lesson.snapshot?.engine?.linkedLessonID, let linked = LessonCatalog.find(id) {
        let commands = open(.lesson(linked), &state)
        if let opened = state.lesson { lesson = opened }
        return commands
    }
    // ↑/↓ and Home/End scroll the page's text; j/k and PgUp/PgDn do not here, since lessons
    // bind k (and n/p with PgDn/PgUp turn the page).
    if let movement = Scrolling.movement(for: key, vi: false, pages: false) {
        let range = LessonScreen.textScrollRange(for: state, lesson)
        lesson.textScroll = movement.applied(to: lesson.textScroll, page: range.page, limit: range.limit)
        return []
    }
    guard let action = LessonKeyTable.action(for: key) else {
        guard case .character(let character) = key else { return [] }
        // Before the first snapshot the lesson's keys are not known yet: the worker keeps the
        // key until its engine is built and handles it if it is one of the engine's.
        guard let ownKeys = lesson.snapshot?.engine?.keys else { return [.lesson(.key(character))] }
        return ownKeys.contains { $0.key == character } ? [.lesson(.key(character))] : []
    }
    switch action {
    case .quit: state.shouldQuit = true
    case .save: return [.save]
    case .help:
        state.overlay = .help
        state.helpScroll = 0
    case .runPause:
        if lesson.snapshot?.engine?.isFinished == true {
            state.status = .info(UIText.catalogue.lessonFinished(state.language))
            return []
        }
        lesson.isRunning.toggle()
        return [.lesson(.setRunning(lesson.isRunning))]
    case .step:
        lesson.isRunning = false
        return [.lesson(.stepOnce)]
    case .nextPage:
        lesson.page = min(lesson.page + 1, lesson.guide.pageCount - 1)
        lesson.textScroll = 0
    case .previousPage:
        lesson.page = max(lesson.page - 1, 0)
        lesson.textScroll = 0
    case .restart:
        return restart(&lesson, &state)
    case .fewerSeeds, .moreSeeds:
        return changeSeedCount(by: action == .moreSeeds ? 1 : -1, &lesson, &state)
    case .hint:
        // The discussion page, with the exercise's hint shown or hidden again.
        guard lesson.guide.lesson?.kit != nil else {
            state.status = .info(UIText.catalogue.noKit(state.language))
            return []
        }
        let discussion = lesson.guide.pageCount - 1
        lesson.showsHint = lesson.page == discussion ? !lesson.showsHint : true
        lesson.page = discussion
        lesson.textScroll = 0
    case .lessons:
        state.overlay = .lessonPicker(selected: max(0, (lesson.guide.lesson?.number ?? 1) - 1))
        state.pickerDigits = ""
    case .leave:
        state.lesson = nil
        state.status = .info(UIText.catalogue.freeExperiment(state.language))
        return [.closeLesson]
    case .faster, .slower:
        let delta = action == .faster ? 1 : -1
        state.speedIndex = min(max(0, state.speedIndex + delta), Speed.levels.count - 1)
        state.status = .info(UIText.catalogue.speed(state.language, Speed.label(state.speedIndex)))
        return [.lesson(.setSpeed(Speed.levels[state.speedIndex]))]
    }
    return []
}

/// Starts a new run from `config` with its seed, keeping whether the user wanted it running.
private func restart(_ state: inout AppState, with config: ExperimentConfig, saying message: String) -> [SessionCommand] {
    // A run with steps is never dropped without a word: it is kept for `u`, and said so.
    let discarded = state.run.stepCount
    state.previousRun = discarded > 0 ? PreviousRunInfo(config: state.run.config, stepCount: discarded) : nil
    state.config = config
    state.run = RunSnapshot(config: config, generation: state.run.generation + 1)
    state.selectedLayer = min(state.selectedLayer, config.depth - 1)
    let ui = UIText.catalogue
    let note = (discarded == 1 ? ui.discardedOne : ui.discardedMany)(state.language, discarded)
    state.status = .info(discarded > 0 ? message + note : message)
    return [.reset(config, generation: state.run.generation)] + (state.isRunning ? [.setRunning(true)] : [])
}

extension AppState {
    /// Whether a configuration can run — a batch larger than the data set included — judged
    /// without building a trainer or loading data (Trainer.validate), since `update` runs on
    /// the UI's thread.
    static func validate(_ config: ExperimentConfig) -> ExperimentError? {
        do {
            try Trainer.validate(config)
            return nil
        } catch {
            // The trainer validates the configuration first (those errors name their setting);
            // what it refuses after that is the data: a batch larger than the training set, or
            // too many images at this size. Both are the shape's.
            return error.field == nil ? ExperimentError(field: .shape, error.description) : error
        }
    }
}

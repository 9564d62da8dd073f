import Testing
import NormMath
@testable import NormTUI
import TerminalUI
import NormLessons

/// Key sequences through the pure update function: what each key does to the state and
/// which commands it sends the training session.
struct UpdateTests {
    /// Accepts every configuration except those the real validation would refuse on shape
    /// grounds, without building trainers (fast).
    static func validate(_ config: ExperimentConfig) -> ExperimentError? {
        do { try config.validate() } catch { return error }
        return nil
    }

    func makeState() -> AppState {
        AppState(config: ExperimentConfig(), width: 120, height: 40)
    }

    @discardableResult
    func press(_ keys: [Key], _ state: inout AppState) -> [SessionCommand] {
        keys.flatMap { update(&state, .key($0), validate: Self.validate) }
    }

    @Test func spaceRunsAndPauses() {
        var state = makeState()
        #expect(press([.character(" ")], &state) == [.setRunning(true)])
        #expect(state.isRunning)
        #expect(press([.character(" ")], &state) == [.setRunning(false)])
        #expect(!state.isRunning)
    }

    @Test func stepPausesAndStepsOnce() {
        var state = makeState()
        press([.character(" ")], &state)
        #expect(press([.character("s")], &state) == [.stepOnce])
        #expect(!state.isRunning)
    }

    @Test func variantKeysResetWithTheSameSeed() {
        var state = makeState()
        let commands = press([.character("v")], &state)
        #expect(state.config.variant == .layer)
        #expect(commands == [.reset(state.config, generation: 1)])
        #expect(state.config.seed == ExperimentConfig().seed)
        press([.character("V"), .character("V")], &state)
        #expect(state.config.variant == .none)
        for (n, variant) in VariantKeys.variants.enumerated() {
            press([.character(Character(String(n + 1)))], &state)
            #expect(state.config.variant == variant)
        }
        #expect(state.run.generation == 9)
    }

    @Test func aRunningRunKeepsRunningAfterAReset() {
        var state = makeState()
        press([.character(" ")], &state)
        let commands = press([.character("r")], &state)
        #expect(commands == [.reset(state.config, generation: 1), .setRunning(true)])
    }

    @Test func anImpossibleVariantIsRefusedWithTheReason() {
        var state = makeState()
        state.config.shape.c = 12
        state.config.groups = 5
        let commands = press([.character("4")], &state)
        #expect(commands.isEmpty)
        #expect(state.config.variant == .batch)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("C = 12 is not divisible by G = 5") == true)
    }

    @Test func helpOpensClosesAndSwallowsKeys() {
        var state = makeState()
        press([.character("?")], &state)
        guard case .help = state.overlay else { Issue.record("no help"); return }
        #expect(press([.character(" "), .character("v")], &state).isEmpty)
        #expect(state.config.variant == .batch)
        press([.escape], &state)
        #expect(state.overlay == nil)
    }

    @Test func ctrlCQuitsEvenFromAnOverlay() {
        var state = makeState()
        press([.character("e"), .ctrlC], &state)
        #expect(state.shouldQuit)
        var other = makeState()
        press([.character("q")], &other)
        #expect(other.shouldQuit)
    }

    @Test func editorRefusesInPlaceAndAppliesValidSettings() {
        var state = makeState()
        press([.character("e"), .right, .right, .right], &state)  // variant batch → group
        let refused = press([.down, .backspace, .character("5"), .enter], &state)  // groups 4 → 5
        #expect(refused.isEmpty)
        guard case .editor(let editor) = state.overlay else { Issue.record("editor closed"); return }
        #expect(editor.refusal?.message == "C = 16 is not divisible by G = 5")
        #expect(editor.fields[editor.selected].id == .groups)
        // Fix it: G = 8, and a learning rate of 0.2.
        press([.backspace, .character("8")], &state)
        press(Array(repeating: .down, count: 5), &state)  // → learning rate
        press([.control("u")] + "0.2".map { .character($0) }, &state)
        let applied = press([.enter], &state)
        #expect(state.overlay == nil)
        #expect(state.config.variant == .group && state.config.groups == 8 && state.config.learningRate == 0.2)
        #expect(applied == [.reset(state.config, generation: 1)])
    }

    @Test func editorNamesAFieldThatDoesNotParse() {
        var state = makeState()
        press([.character("e")] + Array(repeating: .down, count: 6) + [.character("x"), .enter], &state)
        guard case .editor(let editor) = state.overlay else { Issue.record("editor closed"); return }
        #expect(editor.refusal?.message == "learning rate: \"0.05x\" is not a number")
        press([.escape], &state)
        #expect(state.overlay == nil)
        #expect(state.config == ExperimentConfig())
    }

    @Test func layersFocusZoomSpeedAndViews() {
        var state = makeState()
        press([.character("]"), .character("]"), .character("]")], &state)
        #expect(state.selectedLayer == 2)
        press([.character("["), .character("["), .character("[")], &state)
        #expect(state.selectedLayer == 0)
        press([.tab, .tab], &state)
        #expect(state.focus == .gradients)
        press([.backTab, .character("z")], &state)
        #expect(state.focus == .statistics && state.isZoomed)
        #expect(press([.character("+")], &state) == [.setSpeed(Speed.levels[Speed.defaultIndex + 1])])
        press(Array(repeating: .character("+"), count: 20), &state)
        #expect(Speed.levels[state.speedIndex] == nil)
        press(Array(repeating: .character("-"), count: 20), &state)
        #expect(state.speedIndex == 0)
        #expect(press([.character("t")], &state) == [.measureEvalMode(true)])
        press([.character("x")], &state)
        #expect(state.sharesAxis)
    }

    @Test func divergenceStopsTheRunAndIsShown() {
        var state = makeState()
        press([.character(" ")], &state)
        var snapshot = RunSnapshot(config: state.config)
        snapshot.divergence = Divergence(step: 37, description: "loss became NaN at step 37")
        _ = update(&state, .progress(snapshot))
        #expect(!state.isRunning)
        #expect(state.status?.text.contains("loss became NaN at step 37") == true)
        #expect(press([.character(" ")], &state).isEmpty)
        #expect(press([.character("r")], &state) == [.reset(state.config, generation: 1)])
    }

    @Test func newsFromAnOldRunIsIgnored() {
        var state = makeState()
        press([.character("r")], &state)
        var stale = RunSnapshot(config: state.config, generation: 0)
        stale.stepCount = 99
        _ = update(&state, .progress(stale))
        #expect(state.run.stepCount == 0)
    }

    @Test func resizeChangesTheSize() {
        var state = makeState()
        _ = update(&state, .resize(width: 60, height: 15))
        #expect(state.width == 60 && state.height == 15)
    }

    @Test func everyBindingIsInTheHelpAndEveryHintDispatches() {
        let help = HelpOverlay.mainLines(.en).joined(separator: "\n")
        for binding in KeyTable.bindings {
            #expect(help.contains(binding.text.help(.en)))
            for key in binding.keys where key != .ctrlC {
                #expect(KeyTable.action(for: key) == binding.action)
            }
        }
    }
}

/// At 80×24 the help and the lessons' pages are longer than the screen: they scroll.
struct ScrollingTests {
    @Test func theHelpScrollsToItsLastLine() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .key(.character("?")))
        #expect(Screen.render(state, glyphs: .unicode).text.joined().contains("more lines"))
        _ = update(&state, .key(.end))
        let text = Screen.render(state, glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("Esc, ? or q closes this help."))
        #expect(state.helpScroll == HelpOverlay.scrollRange(for: state).limit && state.helpScroll > 0)
        _ = update(&state, .key(.character("k")))
        #expect(state.helpScroll == HelpOverlay.scrollRange(for: state).limit - 1)
        _ = update(&state, .key(.home))
        #expect(state.helpScroll == 0 && state.overlay != nil)
    }

    @Test func aLessonPageScrollsWithTheArrowsAndANewPageStartsAtTheTop() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = open(.lesson(TrainInferenceLesson.lesson), &state)
        let limit = LessonScreen.textScrollRange(for: state, state.lesson!).limit
        #expect(limit > 0)
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.down))
        #expect(state.lesson?.textScroll == 2)
        _ = update(&state, .key(.end))
        #expect(state.lesson?.textScroll == limit)
        let text = Screen.render(state, glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("lines above"))
        _ = update(&state, .key(.character("n")))
        #expect(state.lesson?.textScroll == 0 && state.lesson?.page == 1)
    }

    @Test func theKeyBarEndsWithMoreKeys() {
        let state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        #expect(Screen.render(state, glyphs: .unicode).text[23].hasSuffix("? more keys"))
    }
}

/// A status message too long for the line takes a second one; no word is cut.
struct StatusWrappingTests {
    static let long = "diverged: loss exploded to 80 at step 2 (the learning rate is too high for this variant) — press r to restart"

    @Test(arguments: [80, 100, 120])
    func aLongMessageWrapsIntoASecondLine(width: Int) {
        var state = AppState(config: ExperimentConfig(), width: width, height: 24)
        state.status = .error(Self.long)
        let lines = Screen.render(state, glyphs: .unicode).text
        let message = lines[21...22].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(message == Self.long || lines[22].trimmingCharacters(in: .whitespaces) == Self.long)
        #expect(lines.allSatisfy { !$0.contains("…") || !$0.contains("diverged") })
    }

    @Test func theEditorsRefusalWrapsAtEveryWidth() {
        for width in [80, 100, 200] {
            var editor = SettingsEditor(config: ExperimentConfig())
            editor.refusal = SettingsEditor.Refusal(field: .shape, message: "shape 512x512x64x64 has 1073741824 elements per layer, more than the limit of 67108864 (256 MiB)")
            var state = AppState(config: ExperimentConfig(), width: width, height: 30)
            state.overlay = .editor(editor)
            let text = Screen.render(state, glyphs: .unicode).text.joined(separator: "\n")
            #expect(text.contains("more than the") && text.contains("(256 MiB)"))
        }
    }
}

/// The `l` list answers j/k and arrows, digits jump, Enter opens, q closes the list alone.
struct LessonListTests {
    func selected(_ state: AppState) -> Int? {
        if case .lessonPicker(let selected) = state.overlay { return selected }
        return nil
    }

    @Test func jkArrowsDigitsAndEnter() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .key(.character("l")))
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.down))
        #expect(selected(state) == 2)
        _ = update(&state, .key(.character("k")))
        #expect(selected(state) == 1)
        _ = update(&state, .key(.character("7")))
        #expect(selected(state) == 6)
        _ = update(&state, .key(.character("1")))
        _ = update(&state, .key(.character("3")))
        #expect(selected(state) == 12)
        _ = update(&state, .key(.character("5")))
        #expect(selected(state) == 4)
        _ = update(&state, .key(.enter))
        #expect(state.lesson?.guide.lesson?.number == 5 && state.overlay == nil)
    }

    @Test func qClosesOnlyTheList() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .key(.character("l")))
        _ = update(&state, .key(.character("q")))
        #expect(state.overlay == nil && !state.shouldQuit)
        _ = open(.lesson(BatchSizeLesson.lesson), &state)
        _ = update(&state, .key(.character("l")))
        _ = update(&state, .key(.character("q")))
        #expect(state.overlay == nil && !state.shouldQuit && state.lesson != nil)
    }
}

/// The presenter view has no dim text: a projector washes it out.
struct PresentTests {
    @Test func presentUsesNoDimText() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 100, height: 30, presenting: true)
        run.train(untilStep: 3)
        let grid = run.render(glyphs: .unicode)
        #expect(grid.styleMask { $0.dim ? "d" : " " }.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
    }
}

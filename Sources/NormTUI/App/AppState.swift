import NormMath
import NormLessons

/// Everything the screen shows, as one value: the views read nothing else, and `update`
/// changes nothing else (the bubbletea pattern, docs/DESIGN.md, "Architecture").
struct AppState: Sendable {
    /// The configuration the next reset will use; `run.config` is the one running now.
    var config: ExperimentConfig
    var run: RunSnapshot
    /// Whether the user wants the run to go on by itself (space).
    var isRunning = false
    var speedIndex = Speed.defaultIndex
    /// 0-based index of the normalized layer whose activations are shown.
    var selectedLayer = 0
    var focus: PanelID = .histograms
    /// The focused panel fills the body.
    var isZoomed = false
    /// Draw pre- and post-norm histograms on one x-axis, so the squeeze is visible.
    var sharesAxis = false
    /// Show the post-norm activations as eval mode computes them (running statistics).
    var showsEvalMode = false
    var overlay: OverlayState?
    /// Lines of the `?` help scrolled off the top (it is longer than an 80×24 screen).
    var helpScroll = 0
    /// The digits typed in the `l` list so far, so that "1" then "3" selects lesson 13.
    var pickerDigits = ""
    var status: StatusMessage?
    var shouldQuit = false
    var width: Int
    var height: Int
    /// The language of the lesson texts.
    var language: Language = .en
    /// Presenter view (`--present`): fewer, bigger panels in high contrast, for a projector.
    var isPresenting = false
    /// The run the last reset put aside, which `u` brings back; `nil` when there is none.
    var previousRun: PreviousRunInfo?
    /// The open lesson or compare mode; `nil` on the main screen.
    var lesson: LessonState?
    /// Lessons ask their kit's questions before the run: the UI does (`runUI`) unless
    /// `--no-questions`; scripted screens and tests only when they say so.
    var asksQuestions = false
    /// The seeds training lessons run on (`normtui lesson NAME --seed S --seeds K`, `<` and `>`).
    var lessonSeeds = LessonSeeds.onScreen
    /// The last generation number given to a lesson, so that every opened lesson gets a new one.
    var lessonGeneration = 0

    init(config: ExperimentConfig, width: Int, height: Int) {
        self.config = config
        run = RunSnapshot(config: config)
        self.width = width
        self.height = height
    }

    var latest: StepReport? { run.latest }
    var layerCount: Int { run.config.depth }
}

/// What the screen knows of a run put aside by a reset: enough to say what `u` brings back.
struct PreviousRunInfo: Sendable, Equatable {
    var config: ExperimentConfig
    var stepCount: Int
}

/// A box drawn over the screen that takes the keys while it is open.
enum OverlayState: Sendable {
    case help
    case editor(SettingsEditor)
    /// The list of lessons (`l`), with the highlighted row.
    case lessonPicker(selected: Int)
}

/// The lesson screen while it is up: what it runs (a lesson, or compare mode), the page of its
/// text, and the latest copy of its engine.
struct LessonState: Sendable {
    let guide: Guide
    var page = 0
    var generation: Int
    var isRunning = false
    var snapshot: LessonSnapshot?
    /// The engine messages already shown in the status line.
    var shownMessages = 0
    /// Lines of the page's text scrolled off the top; a new page starts at its top.
    var textScroll = 0
    /// The kit's questions before the run and their reveals; `nil` without questions.
    var questions: QuestionProgress?
    /// The discussion page shows the exercise's hint (`h`).
    var showsHint = false

    init(guide: Guide, generation: Int) {
        self.guide = guide
        self.generation = generation
    }
}

/// The one-line message above the key bar: what just happened, or why a key was refused.
struct StatusMessage: Sendable, Equatable {
    var text: String
    var isError: Bool

    static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: false) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: true) }
}

import ArgumentParser
import NormMath
import TerminalUI
import NormLessons

/// `normtui snapshot`: the UI's screen, drawn by the same code, after K steps and a sequence
/// of keys — as text for tests and READMEs, as SVG or HTML for slides and course pages.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the UI's screen (text, ANSI, SVG or HTML) after K training steps and the given keys.",
        discussion: """
            Keys are separated by spaces, named as tmux names them: a single character, or \
            space, Enter, Escape, Tab, BTab, BSpace, Up, Down, Left, Right, C-c, C-u. \
            Steps run in the foreground (space does not run on by itself here), so the same \
            options always give the same screen.
            """
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var comparison: CompareOptions

    @Option(parsing: .unconditional, help: "Screen width in columns.")
    var width = 120

    @Option(parsing: .unconditional, help: "Screen height in rows.")
    var height = 40

    @Option(parsing: .unconditional, help: "Training steps before the keys (at least the one the UI takes at start).")
    var steps = 1

    @Option(help: "Keys to press after the steps, e.g. \"] x ?\".")
    var keys = ""

    @Option(help: "Open this lesson (a name from `normtui lessons`, or its number); --steps then counts its steps.")
    var lesson: String?

    @Flag(help: "With --lesson: ask the lesson's questions as the UI does (--keys answers them after the steps).")
    var questions = false

    /// What the screen becomes: text for tests and READMEs, pictures for slides and pages.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, ansi, svg, html
    }

    @Option(help: "txt: plain text; ansi: text with colour escapes; svg, html: a picture of the screen, cell for cell.")
    var format: Format = .txt

    func run() throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw CommandFailure("--width and --height must be between 1 and 1000, got \(width)×\(height)")
        }
        guard (0...1_000_000).contains(steps) else { throw CommandFailure("--steps must be between 0 and 1000000, got \(steps)") }
        let pressed = try KeyNames.parse(keys)
        let config = try experiment.config()
        // Plain text carries no colour: pictures use density characters, as on a monochrome
        // terminal. The other formats have colour unless --no-color or NO_COLOR say otherwise.
        var glyphs: GlyphSet = display.ascii ? .ascii : .unicode
        glyphs.hasColor = format != .txt && display.wantsColor
        var run = ScriptedRun(
            config: config, width: width, height: height, language: display.language ?? .fromEnvironment(),
            presenting: display.present, glyphs: glyphs, asksQuestions: questions)
        if let lesson {
            guard let found = LessonCatalog.find(lesson) else { throw LessonsCommand.unknown(lesson) }
            run.open(.lesson(found))
            run.advanceLesson(untilStep: steps)
        } else if let compare = try comparison.mode(base: config) {
            run.open(.compare(compare))
            run.advanceLesson(untilStep: steps)
        } else {
            run.train(untilStep: steps)
        }
        run.press(pressed)
        let screen = run.draw()
        let title = lesson.map { "normtui lesson \($0)" } ?? "normtui"
        switch format {
        case .txt: print(screen.text.joined(separator: "\n"))
        case .ansi: print(screen.ansi(colors: glyphs.hasColor), terminator: "")
        case .svg: print(screen.svg(title: title, colors: glyphs.hasColor), terminator: "")
        case .html: print(screen.html(title: title, colors: glyphs.hasColor), terminator: "")
        }
    }
}

/// Key names as tmux's send-keys spells them, for `snapshot --keys`.
enum KeyNames {
    static let named: [String: Key] = [
        "space": .character(" "), "enter": .enter, "escape": .escape, "esc": .escape, "tab": .tab, "btab": .backTab,
        "bspace": .backspace, "up": .up, "down": .down, "left": .left, "right": .right, "c-c": .ctrlC,
        "c-u": .control("u"), "dc": .delete, "home": .home, "end": .end, "pageup": .pageUp, "pagedown": .pageDown,
    ]

    static func parse(_ text: String) throws -> [Key] {
        try text.split(separator: " ").map { token in
            if let key = named[token.lowercased()] { return key }
            guard token.count == 1, let character = token.first else {
                throw CommandFailure("unknown key \"\(token)\" in --keys (a single character, or one of: \(named.keys.sorted().joined(separator: ", ")))")
            }
            return .character(character)
        }
    }
}

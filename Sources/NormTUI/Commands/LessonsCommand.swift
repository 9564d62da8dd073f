import ArgumentParser
import Foundation
import NormMath
import NormLessons

/// `normtui lessons`: the list of lessons.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons: each shows one claim of the glossary happen.")

    @Option(name: .customLong("lang"), help: "en|de (default: from the locale).")
    var language: Language?

    @Flag(help: "Also list each lesson's learning objectives (from its teacher's kit).")
    var objectives = false

    func run() throws {
        let language = language ?? .fromEnvironment()
        for lesson in LessonCatalog.all {
            print("\(String(lesson.number).leftPadded(to: 2))  \(lesson.id.padding(toLength: 22, withPad: " ", startingAt: 0))\(lesson.title(language))")
            print("    \(lesson.section) — \(lesson.summary(language))")
            guard objectives else { continue }
            if let kit = lesson.kit {
                for objective in kit.objectives { print("    • \(objective(language))") }
            } else {
                print(language == .de ? "    (noch keine Lernziele)" : "    (no objectives yet)")
            }
        }
    }

    static func unknown(_ name: String) -> CommandFailure {
        CommandFailure("unknown lesson \"\(name)\" (normtui lessons lists them: \(LessonCatalog.all.map(\.id).joined(separator: ", ")))")
    }
}

/// `normtui lesson NAME`: open a lesson in the UI; with `--steps` run it headless and print
/// its numbers, for a slide; with `--check` judge its claims on several seeds.
struct OpenLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson in the UI, run it headless with --steps, or judge its claims with --check.",
        discussion: """
            --check runs the lesson headless on the seeds S, S+1, …, S+K−1 (--seed S, --seeds K; \
            default: the lesson's seed 1 and K = 5), each seed alone, and prints every claim of the \
            lesson's text with the number of seeds it held on. It exits 0 when every claim held on \
            every seed, 1 when one did not (a line names the claim and the seed), 2 on bad input.
            """)

    /// What the headless modes print: records (`--steps`) or verdicts (`--check`).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl, text, json
    }

    @Argument(help: "The lesson's name or number (see normtui lessons).", completion: .list(LessonCatalog.all.map(\.id)))
    var name: String

    @Option(parsing: .unconditional, help: "Run headless for this many steps and print one record per step (with --record: record its screen after each step instead).")
    var steps: Int?

    @Flag(help: "Judge the lesson's claims on --seeds seeds and say where each held.")
    var check = false

    @Option(parsing: .unconditional, help: "The first seed: the same seed gives the same runs, bit for bit (default: 1).",
            transform: { text throws(ValidationError) in
                guard let seed = UInt64(text) else { throw ValidationError("a seed is a whole number ≥ 0, got \"\(text)\"") }
                return seed
            })
    var seed: UInt64 = LessonSeeds.standard.first

    @Option(parsing: .unconditional, help: "How many seeds, from --seed on (default: 5 with --check, else 1).")
    var seeds: Int?

    @Option(help: "csv|jsonl with --steps (default csv); text|json with --check (default text).")
    var format: Format?

    @OptionGroup var display: DisplayOptions
    @OptionGroup var recording: RecordOptions
    @OptionGroup var questions: QuestionOptions

    @Option(parsing: .unconditional, help: "Screen width of a headless recording (--steps with --record).")
    var width = LessonRecording.defaultWidth

    @Option(parsing: .unconditional, help: "Screen height of a headless recording (--steps with --record).")
    var height = LessonRecording.defaultHeight

    @Option(parsing: .unconditional, help: "Frames (lesson steps) per second of a headless recording.")
    var fps = LessonRecording.defaultFPS

    func run() throws {
        guard let lesson = LessonCatalog.find(name) else { throw LessonsCommand.unknown(name) }
        // --check judges 5 seeds; a screen shows 3 (a training lesson's spread); a record is one seed's.
        let seedCount = seeds ?? (check ? 5 : steps != nil && recording.record == nil ? 1 : LessonSeeds.onScreen.count)
        guard (1...1000).contains(seedCount) else { throw CommandFailure("--seeds must be between 1 and 1000, got \(seedCount)") }
        let lessonSeeds = LessonSeeds(first: seed, count: seedCount)
        if check {
            guard steps == nil else { throw CommandFailure("--check and --steps do not go together") }
            try runCheck(lesson, seeds: lessonSeeds)
        } else if let steps {
            try runHeadless(lesson, steps: steps, seeds: lessonSeeds)
        } else {
            guard format == nil else { throw CommandFailure("--format goes with --steps or --check") }
            // The free run behind the lesson (Esc returns to it) starts from the defaults.
            try runUI(
                config: ExperimentConfig(), display: display, opening: .lesson(lesson), lessonSeeds: lessonSeeds, asksQuestions: !questions.noQuestions,
                recording: recording.openFile(), title: "normtui lesson \(lesson.id)")
        }
    }

    private func runHeadless(_ lesson: Lesson, steps: Int, seeds: LessonSeeds) throws {
        guard steps >= 1 else { throw CommandFailure("--steps must be at least 1, got \(steps)") }
        if recording.record != nil {
            let headless = try LessonRecording(width: width, height: height, fps: fps, display: display)
            guard let file = try recording.openFile() else { return }
            headless.record(lesson, steps: steps, seeds: seeds, into: file, title: "normtui lesson \(lesson.id)")
            if let failure = file.failure { throw CommandFailure(failure.description, status: 1) }
            return
        }
        let format = self.format ?? .csv
        guard format == .csv || format == .jsonl else {
            throw CommandFailure("--format \(format.rawValue) is for --check; --steps writes csv or jsonl")
        }
        var engine = lesson.makeEngine(seeds)
        let output = BufferedOutput()
        var wroteHeader = false
        for _ in 0..<steps where !engine.isFinished {
            engine.advance()
            let record = engine.record()
            switch format {
            case .jsonl:
                output.write("{" + record.fields.map { "\"\($0.column)\":\($0.value.trainingValue.json)" }.joined(separator: ",") + "}\n")
            default:
                if !wroteHeader { output.write(record.columns.joined(separator: ",") + "\n") }
                output.write(record.values.map { $0.trainingValue.csv }.joined(separator: ",") + "\n")
            }
            wroteHeader = true
        }
        output.flush()
    }

    private func runCheck(_ lesson: Lesson, seeds: LessonSeeds) throws {
        let format = self.format ?? .text
        guard format == .text || format == .json else {
            throw CommandFailure("--format \(format.rawValue) is for --steps; --check writes text or json")
        }
        guard !lesson.claims.isEmpty else {
            throw CommandFailure("lesson \(lesson.id) declares no claims yet: nothing to check")
        }
        let language = display.language ?? .fromEnvironment()
        let results = ClaimCheck(lesson: lesson, seeds: seeds).run()
        let report = ClaimReport(lesson: lesson, seeds: seeds.all, results: results, language: language)
        print(format == .json ? report.json : report.text, terminator: "")
        if let failure = report.firstFailure {
            throw CommandFailure(
                "\(failure.claim) does not hold on seed \(failure.seed): \(failure.measured)", status: 1, label: "claim")
        }
    }
}

extension LessonRecord.Value {
    /// The same cell in the schema of `normtui train`, which writes csv and json alike.
    var trainingValue: TrainingRecord.Value {
        switch self {
        case .number(let value): .number(value)
        case .integer(let value): .integer(value)
        case .missing: .missing
        }
    }
}

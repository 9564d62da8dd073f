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

    func run() throws {
        let language = language ?? .fromEnvironment()
        for lesson in LessonCatalog.all {
            print("\(String(lesson.number).leftPadded(to: 2))  \(lesson.id.padding(toLength: 22, withPad: " ", startingAt: 0))\(lesson.title(language))")
            print("    \(lesson.section) — \(lesson.summary(language))")
        }
    }

    static func unknown(_ name: String) -> CommandFailure {
        CommandFailure("unknown lesson \"\(name)\" (normtui lessons lists them: \(LessonCatalog.all.map(\.id).joined(separator: ", ")))")
    }
}

/// `normtui lesson NAME`: open a lesson in the UI, or with `--steps` run it headless and print
/// its numbers, for a slide.
struct OpenLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson in the UI, or run it headless with --steps.")

    @Argument(help: "The lesson's name or number (see normtui lessons).", completion: .list(LessonCatalog.all.map(\.id)))
    var name: String

    @Option(help: "Run headless for this many steps and print one record per step.")
    var steps: Int?

    @Option(help: "csv or jsonl (with --steps).")
    var format: TrainCommand.Format = .csv

    @OptionGroup var display: DisplayOptions

    func run() throws {
        guard let lesson = LessonCatalog.find(name) else { throw LessonsCommand.unknown(name) }
        guard let steps else {
            // The free run behind the lesson (Esc returns to it) starts from the defaults.
            try runUI(config: ExperimentConfig(), display: display, lesson: lesson)
            return
        }
        guard steps >= 1 else { throw CommandFailure("--steps must be at least 1, got \(steps)") }
        var engine = lesson.makeEngine()
        let output = BufferedOutput()
        var wroteHeader = false
        for _ in 0..<steps where !engine.isFinished {
            engine.advance()
            let record = engine.record()
            switch format {
            case .csv:
                if !wroteHeader { output.write(record.columns.joined(separator: ",") + "\n") }
                output.write(record.values.map { $0.trainingValue.csv }.joined(separator: ",") + "\n")
            case .jsonl:
                output.write("{" + record.fields.map { "\"\($0.column)\":\($0.value.trainingValue.json)" }.joined(separator: ",") + "}\n")
            }
            wroteHeader = true
        }
        output.flush()
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

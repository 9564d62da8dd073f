import ArgumentParser
import Foundation
import NormMath
import NormLessons
import TerminalUI

/// `normtui handout NAME|all`: a printable page per lesson for the class — objectives,
/// formula, figure, checked claims, questions, discussion and exercise — as Markdown or as
/// HTML for A4, with the lesson's figure as an SVG beside it.
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write a printable handout for a lesson (or all): objectives, figure, checked claims, questions, exercise.",
        discussion: """
            Each handout is written to DIR as NN-NAME.md or NN-NAME.html, with its figure NN-NAME.svg \
            (the lesson's screen where its last claim is judged, on the first of the checked seeds, \
            at most three). The claims are checked on --seeds seeds (from seed 1), as \
            `normtui lesson NAME --check` does; the answers to the questions come from that check. \
            `all` also writes index.md or index.html.
            """)

    @Argument(help: "A lesson's name or number, or all.")
    var name: String

    @Option(name: .customLong("lang"), help: "en|de (default: from the locale).")
    var language: Language?

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @Option(help: "md or html (default: html).")
    var format: Format = .html

    @Option(help: "The folder to write into (made if missing; default: the current one).")
    var out = "."

    @Option(parsing: .unconditional, help: "Seeds to check the claims on, from seed 1.")
    var seeds = 3

    func run() throws {
        guard (1...100).contains(seeds) else { throw CommandFailure("--seeds must be between 1 and 100, got \(seeds)") }
        let lessons: [Lesson]
        if name.lowercased() == "all" {
            lessons = LessonCatalog.all
        } else {
            guard let lesson = LessonCatalog.find(name) else { throw LessonsCommand.unknown(name) }
            guard lesson.kit != nil else { throw CommandFailure("lesson \(lesson.id) has no teacher's kit yet: no handout") }
            lessons = [lesson]
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot make the folder \(out): \(error.localizedDescription)")
        }
        let language = self.language ?? .fromEnvironment()
        var written: [(Lesson, String)] = []
        for lesson in lessons {
            guard let kit = lesson.kit else {
                FileHandle.standardError.write(Data("note: lesson \(lesson.id) has no teacher's kit yet: left out\n".utf8))
                continue
            }
            let file = try write(lesson, kit: kit, language: language)
            written.append((lesson, file))
            print("\(out)/\(file)")
        }
        if lessons.count > 1 {
            let index = "index.\(format.rawValue)"
            let blocks: [HandoutBlock] = [
                .title(language == .de ? "normtui — Handouts" : "normtui — handouts"),
                .list(written.map { "\($0.0.number). \($0.0.title(language)) — \($0.1)" }),
            ]
            try save(format == .md ? HandoutBlock.markdown(blocks) : HandoutBlock.html(blocks, title: "normtui", language: language), as: index)
            print("\(out)/\(index)")
        }
    }

    /// The lesson's figure and handout; returns the handout's file name.
    private func write(_ lesson: Lesson, kit: TeachingKit, language: Language) throws -> String {
        let base = Handout.baseName(lesson)
        // The figure shows the checked seeds, as many as the screen shows (three): with
        // --seeds 1 a figure of seeds 1–3 would show runs the page says nothing about.
        let figureSeeds = LessonSeeds(first: 1, count: min(seeds, LessonSeeds.onScreen.count))
        var run = ScriptedRun(config: ExperimentConfig(), width: 120, height: 40, language: language, lessonSeeds: figureSeeds)
        run.open(lesson)
        run.advanceLesson(untilStep: lesson.claims.map(\.step).max() ?? 30)
        try save(run.render(glyphs: .unicode).svg(title: "normtui lesson \(lesson.id)"), as: "\(base).svg")
        let lessonSeeds = LessonSeeds(first: 1, count: seeds)
        let handout = Handout(
            lesson: lesson, kit: kit, language: language, seeds: lessonSeeds.all,
            results: ClaimCheck(lesson: lesson, seeds: lessonSeeds).run(), figure: "\(base).svg", figureSeeds: figureSeeds)
        let file = "\(base).\(format.rawValue)"
        try save(format == .md ? handout.markdown : handout.html, as: file)
        return file
    }

    private func save(_ text: String, as file: String) throws {
        do {
            try AtomicFile.write(text, to: "\(out)/\(file)")
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

import Foundation
import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Every lesson's whole screen after a fixed number of steps, compared line by line with the
/// files in Golden/Lessons/: the safety net that keeps the lessons' screens as they are while
/// their insides change. `UPDATE_GOLDEN=1 swift test --filter LessonGoldenTests` rewrites the
/// files: read the diff before committing it.
struct LessonGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let lessonID: String
        let width: Int
        let height: Int
        var language: Language = .en
        var steps = LessonGoldenTests.steps
        var name: String {
            "lesson-\(lessonID)-\(width)x\(height)-\(language.rawValue)" + (steps == LessonGoldenTests.steps ? "" : "-step\(steps)")
        }
        var testDescription: String { name }
    }

    /// Steps taken before the screen is drawn: enough for every chart to have a line and for
    /// the training lessons to have passed an evaluation (every 25 steps).
    static let steps = 30

    /// Every lesson at a projector's size and at 120×40, in English and in German; then two
    /// lessons later in their work.
    static let cases: [Case] = LessonCatalog.all.flatMap { lesson in
        Language.allCases.flatMap { language in
            [Case(lessonID: lesson.id, width: 80, height: 24, language: language),
             Case(lessonID: lesson.id, width: 120, height: 40, language: language)]
        }
    } + [
        // The sweep after its first two networks (batch size 32, both variants): chart and table filled in.
        Case(lessonID: "batch-size", width: 120, height: 40, steps: 130),
        // The finished sweep (modeled timing), every size on the chart.
        Case(lessonID: "fused-kernels", width: 120, height: 40, steps: 60),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/Lessons")

    @Test(arguments: cases)
    func lessonScreenMatchesGolden(testCase: Case) throws {
        let lesson = reproducible(try #require(LessonCatalog.find(testCase.lessonID)))
        let lines = lessonScreenLines(
            lesson, steps: testCase.steps, width: testCase.width, height: testCase.height, language: testCase.language)
        try Self.compare(lines, with: testCase.name)
    }

    /// Compare mode, on the lesson screen.
    @Test(arguments: [(80, 24), (120, 40)])
    func compareModeMatchesGolden(size: (width: Int, height: Int)) throws {
        let lesson = Guide.compare(CompareMode(base: ExperimentConfig(), setting: CompareSetting(.lr, "2")))
        let lines = lessonScreenLines(lesson, steps: Self.steps, width: size.width, height: size.height)
        try Self.compare(lines, with: "compare-lr-2-\(size.width)x\(size.height)-en")
    }

    static func compare(_ lines: [String], with name: String) throws {
        let screen = lines.joined(separator: "\n") + "\n"
        let file = folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try screen.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = maskingClockTimes(try String(contentsOf: file, encoding: .utf8))
        compare(screen: maskingClockTimes(screen), golden: golden, name: name)
    }

    /// `text` with every clock time ("0:42", "1:02:05") as "m:ss": lesson 3 says how long its
    /// sweep has run, which no two runs agree on; everything around the time is compared.
    static func maskingClockTimes(_ text: String) -> String {
        text.replacing(/\d+(:\d\d)+/, with: "m:ss")
    }

    static func compare(screen: String, golden: String, name: String) {
        let (got, want) = (screen.split(separator: "\n", omittingEmptySubsequences: false),
                           golden.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(got.count == want.count, "\(name): \(got.count) lines, want \(want.count)")
        for (index, (line, expected)) in zip(got, want).enumerated() where line != expected {
            Issue.record("\(name) line \(index + 1) differs:\n got: \(line)\nwant: \(expected)")
            break
        }
    }
}

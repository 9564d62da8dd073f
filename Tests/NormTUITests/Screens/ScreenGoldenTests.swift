import Foundation
import Testing
import NormMath
import NormLessons
@testable import NormTUI

/// Whole screens as text, compared line by line with the files in Golden/. After a deliberate
/// change, regenerate them with `UPDATE_GOLDEN=1 swift test --filter ScreenGoldenTests` and
/// read the diff before committing it.
struct ScreenGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let width: Int
        let height: Int
        let ascii: Bool
        var steps = 20
        var keys = ""
        var presenting = false
        var language = Language.en
        var configure: @Sendable (inout ExperimentConfig) -> Void = { _ in }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "main-120x40-utf8", width: 120, height: 40, ascii: false),
        Case(name: "main-120x40-ascii", width: 120, height: 40, ascii: true),
        Case(name: "compact-80x24-utf8", width: 80, height: 24, ascii: false),
        Case(name: "compact-80x24-ascii", width: 80, height: 24, ascii: true),
        Case(name: "too-small-60x15", width: 60, height: 15, ascii: false),
        Case(name: "too-small-20x5-ascii", width: 20, height: 5, ascii: true),
        Case(name: "help-120x40", width: 120, height: 40, ascii: false, keys: "?"),
        Case(name: "editor-refusal-80x24", width: 80, height: 24, ascii: false, keys: "e Right Right Right Down BSpace 5 Enter"),
        Case(name: "zoom-gradients-layer2-120x40", width: 120, height: 40, ascii: false, keys: "] Tab Tab z"),
        Case(name: "group-shared-axis-eval-160x50", width: 160, height: 50, ascii: false, keys: "4 t s x"),
        Case(name: "present-100x30", width: 100, height: 30, ascii: false, presenting: true),
        Case(name: "lesson-6-after-k-120x40", width: 120, height: 40, ascii: false, keys: "l Down Down Down Down Down Enter k"),
        // German throughout: the issue's screens, with the glossary's terms and decimal commas.
        Case(name: "de-main-120x40", width: 120, height: 40, ascii: false, language: .de),
        Case(name: "de-compact-80x24", width: 80, height: 24, ascii: false, language: .de),
        Case(name: "de-help-120x40", width: 120, height: 40, ascii: false, keys: "?", language: .de),
        Case(name: "de-editor-refusal-80x24", width: 80, height: 24, ascii: false, keys: "e Right Right Right Down BSpace 5 Enter",
             language: .de),
        Case(name: "de-compare-120x40", width: 120, height: 40, ascii: false, keys: "c s s s s s", language: .de),
        Case(name: "de-compare-80x24", width: 80, height: 24, ascii: false, keys: "c s s s s s", language: .de),
        Case(name: "diverged-none-120x40", width: 120, height: 40, ascii: false, steps: 10) {
            $0.variant = .none
            $0.learningRate = 20
        },
        Case(name: "de-diverged-none-120x40", width: 120, height: 40, ascii: false, steps: 10, language: .de) {
            $0.variant = .none
            $0.learningRate = 20
        },
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: cases)
    func screenMatchesGolden(testCase: Case) throws {
        var config = ExperimentConfig()
        testCase.configure(&config)
        var run = ScriptedRun(
            config: config, width: testCase.width, height: testCase.height, language: testCase.language,
            presenting: testCase.presenting)
        run.train(untilStep: testCase.steps)
        run.press(try KeyNames.parse(testCase.keys))
        let grid = run.render(glyphs: testCase.ascii ? .ascii : .unicode)
        let screen = grid.text.joined(separator: "\n") + "\n"
        #expect(grid.text.count == testCase.height)
        let isASCII = screen.allSatisfy { $0.isASCII }
        if testCase.ascii { #expect(isASCII) }

        let file = Self.goldenFolder.appendingPathComponent("\(testCase.name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try screen.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        let (got, want) = (screen.split(separator: "\n", omittingEmptySubsequences: false),
                           golden.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(got.count == want.count)
        for (index, (line, expected)) in zip(got, want).enumerated() where line != expected {
            Issue.record("line \(index + 1) differs:\n got: \(line)\nwant: \(expected)")
            break
        }
    }

    @Test func tooSmallNamesBothSizes() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 60, height: 15)
        run.press([])
        let text = run.render(glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("terminal too small: have 60×15, need 80×24"))
    }
}

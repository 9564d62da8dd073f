import Foundation
import Testing
import NormMath
import TerminalUI
@testable import NormLessons
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import NormTUI

/// Real screens through the exports: well-formed SVG and HTML, ANSI that strips back to the
/// screen's text. `EXPORT_DIR=/some/folder swift test --filter ScreenExportTests` also
/// writes the files there to look at (`rsvg-convert x.svg -o x.png` for a picture).
struct ScreenExportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var ascii = false
        var colors = true
        var keys = ""
        var lesson: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "main-120x40"),
        Case(name: "main-120x40-ascii", ascii: true),
        Case(name: "main-120x40-mono", colors: false),
        Case(name: "help-120x40", keys: "?"),
        Case(name: "lesson-instance-style-120x40", lesson: "instance-style"),
    ]

    @Test(arguments: cases)
    func screenExports(testCase: Case) throws {
        var run = ScriptedRun(config: ExperimentConfig(), width: 120, height: 40)
        if let name = testCase.lesson {
            run.open(try #require(LessonCatalog.find(name)))
            run.advanceLesson(untilStep: 20)
        } else {
            run.train(untilStep: 20)
        }
        run.press(try KeyNames.parse(testCase.keys))
        var glyphs: GlyphSet = testCase.ascii ? .ascii : .unicode
        glyphs.hasColor = testCase.colors
        let grid = run.render(glyphs: glyphs)

        let title = "normtui — \(testCase.name)"
        let svg = grid.svg(title: title, colors: testCase.colors)
        let html = grid.html(title: title, colors: testCase.colors)
        let ansi = grid.ansi(colors: testCase.colors)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let plain = ansi.replacing(/\u{1B}\[[0-9;]*m/, with: "").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(plain.dropLast().map { String($0.replacing(/\ +$/, with: "")) } == grid.text)

        if let folder = ProcessInfo.processInfo.environment["EXPORT_DIR"] {
            let base = URL(fileURLWithPath: folder).appendingPathComponent(testCase.name)
            try svg.write(to: base.appendingPathExtension("svg"), atomically: true, encoding: .utf8)
            try html.write(to: base.appendingPathExtension("html"), atomically: true, encoding: .utf8)
            try ansi.write(to: base.appendingPathExtension("ansi"), atomically: true, encoding: .utf8)
        }
    }
}

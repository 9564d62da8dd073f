import NormMath
@testable import NormTUI
import TerminalUI
@testable import NormLessons

/// The lines of `lesson`'s whole screen after `steps` steps and `keys`, drawn as
/// `normtui snapshot --lesson` draws them.
func lessonScreenLines(
    _ lesson: Lesson, steps: Int = 1, keys: [Key] = [], width: Int, height: Int,
    language: Language = .en, glyphs: GlyphSet = .unicode
) -> [String] {
    lessonScreenLines(.lesson(lesson), steps: steps, keys: keys, width: width, height: height, language: language, glyphs: glyphs)
}

/// The lines of a lesson's or compare mode's screen, as above.
func lessonScreenLines(
    _ guide: Guide, steps: Int = 1, keys: [Key] = [], width: Int, height: Int,
    language: Language = .en, glyphs: GlyphSet = .unicode
) -> [String] {
    var run = ScriptedRun(config: ExperimentConfig(), width: width, height: height, language: language)
    run.open(guide)
    run.advanceLesson(untilStep: steps)
    run.press(keys)
    return run.render(glyphs: glyphs).text
}

/// The same screen as one text.
func lessonScreen(
    _ lesson: Lesson, steps: Int = 1, keys: [Key] = [], width: Int, height: Int,
    language: Language = .en, glyphs: GlyphSet = .unicode
) -> String {
    lessonScreenLines(lesson, steps: steps, keys: keys, width: width, height: height, language: language, glyphs: glyphs)
        .joined(separator: "\n")
}

/// Page 2 of `lesson` at 120×40 and 80×24, in both languages and in ASCII: the lesson header
/// and the page title are on screen, and nothing outside ASCII in ASCII mode. Returns the
/// problems found.
func checkLessonScreens(_ lesson: Lesson, steps: Int, expecting words: [Language: String]) -> [String] {
    var problems: [String] = []
    for (width, height) in [(120, 40), (80, 24)] {
        for language in Language.allCases {
            let text = lessonScreen(lesson, steps: steps, keys: [.character("n")], width: width, height: height, language: language)
            let header = "\(language == .de ? "Lektion" : "Lesson") \(lesson.number)"
            if !text.contains(header) { problems.append("\(width)x\(height) \(language): no \"\(header)\"") }
            let page = lesson.pages[1].title(language)
            if !text.contains(page) { problems.append("\(width)x\(height) \(language): no page title \"\(page)\"") }
            if let word = words[language], !text.contains(word) {
                problems.append("\(width)x\(height) \(language): no \"\(word)\"")
            }
        }
        let ascii = lessonScreen(lesson, steps: steps, width: width, height: height, glyphs: .ascii)
        if !ascii.unicodeScalars.allSatisfy(\.isASCII) { problems.append("\(width)x\(height): non-ASCII in ASCII mode") }
    }
    return problems
}

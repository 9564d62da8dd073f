import NormMath
@testable import NormTUI

/// Lessons 2, 3, 5, 7 and compare mode as `normtui snapshot` draws them.
enum TrainingLessonScreens {
    /// The whole screen of `lesson` after `steps` steps and `keys`.
    static func text(
        _ lesson: Lesson, steps: Int, keys: [Key] = [], width: Int, height: Int,
        language: Language = .en, glyphs: GlyphSet = .unicode
    ) -> String {
        var run = ScriptedRun(config: ExperimentConfig(), width: width, height: height, language: language)
        run.open(lesson)
        run.advanceLesson(untilStep: steps)
        run.press(keys)
        return run.render(glyphs: glyphs).text.joined(separator: "\n")
    }

    /// Every page of `lesson` at 120×40 and 80×24, in both languages and in ASCII: the lesson
    /// header and the page title are on screen, and nothing outside ASCII in ASCII mode.
    static func checkAllSizes(_ lesson: Lesson, steps: Int, expecting words: [Language: String]) -> [String] {
        var problems: [String] = []
        for (width, height) in [(120, 40), (80, 24)] {
            for language in Language.allCases {
                let text = Self.text(lesson, steps: steps, keys: [.character("n")], width: width, height: height, language: language)
                let header = "\(language == .de ? "Lektion" : "Lesson") \(lesson.number)"
                if !text.contains(header) { problems.append("\(width)x\(height) \(language): no \"\(header)\"") }
                let page = lesson.pages[1].title(language)
                if !text.contains(page) { problems.append("\(width)x\(height) \(language): no page title \"\(page)\"") }
                if let word = words[language], !text.contains(word) {
                    problems.append("\(width)x\(height) \(language): no \"\(word)\"")
                }
            }
            let ascii = Self.text(lesson, steps: steps, width: width, height: height, glyphs: .ascii)
            if !ascii.unicodeScalars.allSatisfy(\.isASCII) { problems.append("\(width)x\(height): non-ASCII in ASCII mode") }
        }
        return problems
    }
}

import TerminalUI
import NormLessons

/// The explanation panel's pages in order: the lesson's own (the first led by the kit's
/// objectives), the claims page, and the kit's discussion page. One place, so that drawing
/// and scrolling agree on what a page says.
enum LessonPageText {
    /// Page `index`'s title and text.
    static func page(_ index: Int, of lessonState: LessonState, _ language: Language, glyphs: GlyphSet) -> (title: String, text: String) {
        let guide = lessonState.guide, ui = UIText.catalogue
        let kit = guide.lesson?.kit
        let index = min(max(0, index), guide.pageCount - 1)
        if index < guide.pages.count {
            let page = guide.pages[index]
            var text = page.text(language)
            if index == 0, let kit {
                text = ([ui.objectivesHeading(language)] + kit.objectives.map { "• " + $0(language) }).joined(separator: "\n") + "\n\n" + text
            }
            return (page.title(language), text)
        }
        if index == guide.pages.count, !guide.claims.isEmpty {
            return (ui.claimsTitle(language), ClaimsPage(claims: guide.claims, snapshot: lessonState.snapshot).text(language, glyphs: glyphs))
        }
        guard let kit else { return ("", "") }
        return (ui.discussTitle(language), discussion(kit, showsHint: lessonState.showsHint, language))
    }

    /// The discussion questions, numbered, then the exercise and its hint (on `h`).
    static func discussion(_ kit: TeachingKit, showsHint: Bool, _ language: Language) -> String {
        let ui = UIText.catalogue
        var paragraphs = kit.discussion.enumerated().map { "\($0.offset + 1). \($0.element(language))" }
        paragraphs.append("\(ui.tryIt(language)) \(kit.exercise.task(language))")
        paragraphs.append(showsHint ? "\(ui.hintHeading(language)) \(kit.exercise.hint(language))" : ui.hintKey(language))
        return paragraphs.joined(separator: "\n\n")
    }
}

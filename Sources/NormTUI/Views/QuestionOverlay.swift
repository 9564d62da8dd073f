import TerminalUI
import NormLessons

/// A kit's question, large over the lesson screen before the run: the prompt and the answers
/// a–d, for the class to commit to before it sees anything (predict, then run).
struct QuestionOverlay: Widget {
    let question: PredictQuestion
    let number: Int
    let count: Int
    let language: Language

    var lines: [String] {
        let ui = UIText.catalogue
        let answers = question.answers.enumerated().map { "\(PredictQuestion.letter($0.offset))) \($0.element(language))" }
        return [question.prompt(language), ""] + answers + ["", ui.questionKeys(language, String(PredictQuestion.letter(question.answers.count - 1)))]
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let title = UIText.catalogue.questionHeading(language) + (count > 1 ? " (\(number)/\(count))" : "")
        QuestionBox(title: title, paragraphs: lines, emphasized: 0..<1).render(into: &grid, in: rect, glyphs: glyphs)
    }
}

/// What the run says about a question once its claims are judged: the answer it supports,
/// on how many seeds, what the class chose, and why.
struct RevealOverlay: Widget {
    let question: PredictQuestion
    /// The answer supported on each seed (`nil`: none, a claim failed there).
    let supported: [Int?]
    /// The class's answer, `nil` when skipped.
    let choice: Int?
    let language: Language

    var lines: [String] {
        let ui = UIText.catalogue
        var lines = [question.prompt(language), ""]
        let seeds = supported.count
        // Each supported answer once, the most often supported first.
        let counts = Dictionary(grouping: supported.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        for (answer, held) in counts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            var line = ui.revealSupports(language, String(PredictQuestion.letter(answer)), question.answers[answer](language))
            if seeds > 1 { line += " — " + ui.revealOnSeeds(language, held, seeds) }
            lines.append(line)
        }
        let none = supported.filter { $0 == nil }.count
        if none > 0 { lines.append(ui.revealNone(language, none, seeds)) }
        if let choice {
            let letter = String(PredictQuestion.letter(choice))
            lines.append(counts[choice] != nil ? ui.revealClassRight(language, letter) : ui.revealClassWrong(language, letter))
        } else {
            lines.append(ui.revealSkipped(language))
        }
        lines += ["", question.explanation(language), "", ui.revealContinue(language)]
        return lines
    }

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let count = supported.compactMap { $0 }.count
        QuestionBox(title: UIText.catalogue.revealHeading(language), paragraphs: lines, emphasized: 2..<(2 + max(1, count)))
            .render(into: &grid, in: rect, glyphs: glyphs)
    }
}

/// A box nearly as large as the screen (a projector shows it to the back row), its
/// paragraphs wrapped, some of them bold.
struct QuestionBox: Widget {
    let title: String
    let paragraphs: [String]
    let emphasized: Range<Int>

    func render(into grid: inout Grid, in rect: Rect, glyphs: GlyphSet) {
        let width = min(rect.width - 2, 90)
        let textWidth = max(1, width - 4)
        let wrapped = paragraphs.enumerated().flatMap { index, paragraph in
            (paragraph.isEmpty ? [""] : TextBlock.wrap(paragraph, width: textWidth)).map { ($0, emphasized.contains(index)) }
        }
        let box = rect.centered(width: width, height: min(rect.height - 2, wrapped.count + 2))
        guard !box.isEmpty else { return }
        grid.fill(box)
        let inner = Panel(title: title, focused: true).render(into: &grid, in: box, glyphs: glyphs).inset(left: 1, right: 1)
        for (row, line) in wrapped.prefix(inner.height).enumerated() {
            grid.put(text: line.0, at: Point(x: inner.x, y: inner.y + row), style: line.1 ? .bold : .plain, clip: inner)
        }
    }
}

import NormLessons
import NumberFormatting

/// A printable page for one lesson (`normtui handout`): the objectives, the formula with the
/// lesson's numbers, its main figure, its claims with the seeds they held on, the questions to
/// predict, the discussion and the exercise — and, last, the answers for the teacher, read off
/// the same claim check as `normtui lesson NAME --check`.
struct Handout {
    let lesson: Lesson
    let kit: TeachingKit
    let language: Language
    /// The claim check on the seeds the handout reports.
    let seeds: [UInt64]
    let results: [ClaimCheck.Result]
    /// The figure's file name, beside the handout.
    let figure: String
    /// The seeds the figure shows: the first of the checked ones, as many as the screen shows
    /// (``HandoutCommand`` draws it so).
    var figureSeeds: LessonSeeds = .onScreen

    /// The file name without extension: "07-learning-rate".
    static func baseName(_ lesson: Lesson) -> String {
        (lesson.number < 10 ? "0" : "") + "\(lesson.number)-\(lesson.id)"
    }

    private var words: HandoutWords { HandoutWords(language: language) }

    /// The answers each question's claims support, one per seed of the check.
    func supportedAnswers(_ question: PredictQuestion) -> [Int?] {
        var verdicts: [String: [Verdict]] = [:]
        for result in results { verdicts[result.claim.id] = result.verdicts }
        return question.supportedAnswers(verdicts) ?? []
    }

    /// The document as blocks, rendered by ``markdown`` and ``html`` alike.
    var blocks: [HandoutBlock] {
        let w = words
        var blocks: [HandoutBlock] = [
            .title("\(w.lesson) \(lesson.number): \(lesson.title(language))"),
            .paragraph("\(w.section): \(lesson.section) — \(lesson.summary(language))."),
            .heading(w.objectives), .list(kit.objectives.map { $0(language) }),
            .heading(w.formula), .preformatted(kit.formula(language)),
            .figure(figure, caption: w.figureCaption(
                lastClaimStep: lesson.claims.map(\.step).max(), seeds: Guide.lesson(lesson).seeds(from: figureSeeds))),
            .heading(w.predict),
        ]
        for (index, question) in kit.questions.enumerated() {
            blocks.append(.paragraph("\(index + 1). \(question.prompt(language))"))
            blocks.append(.checkboxes(question.answers.enumerated().map { "\(PredictQuestion.letter($0.offset))) \($0.element(language))" }))
        }
        blocks.append(.heading(w.claims(seeds)))
        blocks.append(.table(
            header: [w.claim, w.heldOn, w.measured],
            rows: results.map { result in
                ["\(result.claim.text(language))", "\(result.holdCount)/\(result.verdicts.count)", result.verdicts.first?.measured(language) ?? ""]
            }))
        blocks.append(.heading(w.discuss))
        blocks.append(.numbered(kit.discussion.map { $0(language) }))
        blocks.append(.heading(w.exercise))
        blocks.append(.paragraph(kit.exercise.task(language)))
        blocks.append(.heading(w.forTheTeacher))
        for (index, question) in kit.questions.enumerated() {
            let supported = supportedAnswers(question)
            let counts = Dictionary(grouping: supported.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            let onSeeds = counts.sorted { $0.key < $1.key }.map { answer, held in
                w.onSeeds(PredictQuestion.letter(answer), held, supported.count)
            }
            var parts = onSeeds.isEmpty ? [] : [w.runSupports + " " + onSeeds.joined(separator: "; ")]
            let none = supported.filter { $0 == nil }.count
            if none > 0 { parts.append(w.supportsNone(none, supported.count)) }
            let answer = parts.joined(separator: "; ")
            blocks.append(.paragraph("\(index + 1). " + answer.prefix(1).uppercased() + answer.dropFirst() + ". " + question.explanation(language)))
        }
        blocks.append(.paragraph("\(w.hint): \(kit.exercise.hint(language))"))
        return blocks
    }

    var markdown: String { HandoutBlock.markdown(blocks) }
    var html: String { HandoutBlock.html(blocks, title: "normtui — \(lesson.title(language))", language: language) }
}

/// The handout's own words in each language.
struct HandoutWords {
    let language: Language
    private func t(_ en: String, _ de: String) -> String { language == .de ? de : en }

    var lesson: String { t("Lesson", "Lektion") }
    var section: String { t("Glossary section", "Abschnitt im Glossar") }
    var objectives: String { t("After this lesson you can", "Nach dieser Lektion kannst du") }
    var formula: String { t("The formula, with this lesson's numbers", "Die Formel mit den Zahlen dieser Lektion") }
    var predict: String { t("Predict first", "Erst vorhersagen") }
    var claim: String { t("Result", "Ergebnis") }
    var heldOn: String { t("held on", "gilt bei") }
    var measured: String { t("measured (first seed)", "gemessen (erster Seed)") }
    var discuss: String { t("Discuss", "Diskutieren") }
    var exercise: String { t("Try it with normtui", "Mit normtui ausprobieren") }
    var forTheTeacher: String { t("For the teacher: what the run shows", "Für die Lehrkraft: was der Lauf zeigt") }
    var hint: String { t("Hint for the exercise", "Tipp zur Übung") }

    func claims(_ seeds: [UInt64]) -> String {
        let range = seeds.count == 1 ? "\(seeds[0])" : "\(seeds[0])–\(seeds[seeds.count - 1])"
        return t(seeds.count == 1 ? "What the lesson states, checked on seed \(range)" : "What the lesson states, checked on seeds \(range)", seeds.count == 1 ? "Was die Lektion aussagt, geprüft bei Seed \(range)" : "Was die Lektion aussagt, geprüft bei den Seeds \(range)")
    }

    func figureCaption(lastClaimStep: Int?, seeds: LessonSeeds) -> String {
        let seedText = seeds.count == 1 ? "Seed \(seeds.first)" : "Seeds \(seeds.first)–\(seeds.all[seeds.count - 1])"
        guard let step = lastClaimStep else { return t("The lesson's screen, \(seedText.lowercased()).", "Der Bildschirm der Lektion, \(seedText).") }
        return t("The lesson's screen at step \(step), \(seedText.lowercased()).", "Der Bildschirm der Lektion bei Schritt \(step), \(seedText).")
    }

    var runSupports: String { t("the run supports", "der Lauf stützt") }

    func onSeeds(_ letter: Character, _ held: Int, _ seeds: Int) -> String {
        t("\(letter)) on \(held) of \(seeds) seeds", "\(letter)) bei \(held) von \(seeds) Seeds")
    }

    func supportsNone(_ count: Int, _ seeds: Int) -> String {
        t("no answer on \(count) of \(seeds) seeds (a claim failed there)", "keine Antwort bei \(count) von \(seeds) Seeds (dort galt eine Aussage nicht)")
    }
}

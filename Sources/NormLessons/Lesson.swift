/// A lesson: one claim of the glossary made visible. A preset experiment (the engine), a
/// screen that shows it, and pages of text that say what to look for and why. This is the
/// catalogue entry; the engine does the numbers (``LessonEngine``), and its `+Render`
/// extension draws them (``LessonRendering``).
public struct Lesson: Sendable {
    /// The command-line name, e.g. `scale-invariance`.
    public let id: String
    public let number: Int
    /// The glossary section the lesson belongs to, in the article's words.
    public let section: String
    public let title: Localized
    /// One line for `normtui lessons`.
    public let summary: Localized
    /// What the explanation panel shows; `n` and `p` page through them.
    public let pages: [LessonPage]
    /// The results the pages state, as code (``Claim``): judged on screen and by `--check`.
    public let claims: [Claim]
    /// A training lesson: the screen runs it on several seeds (three unless `--seeds` says
    /// otherwise) and draws the median with the range; other lessons run on the first seed.
    public let runsSeveralSeeds: Bool
    /// Builds the experiment afresh on the given seeds (same seeds, same numbers). Training
    /// lessons build networks and data here, so it is called on the lesson's own thread,
    /// never the UI's.
    public let makeEngine: @Sendable (LessonSeeds) -> any LessonEngine

    /// The pages `n` and `p` go through: the lesson's own, then — for a lesson that declares
    /// claims — one that shows each claim's verdict, then — with a teacher's kit — the
    /// discussion questions and the exercise.
    public var pageCount: Int { pages.count + (claims.isEmpty ? 0 : 1) + (kit == nil ? 0 : 1) }

    public init(
        id: String, number: Int, section: String, title: Localized, summary: Localized, pages: [LessonPage],
        claims: [Claim] = [], runsSeveralSeeds: Bool = false, makeEngine: @escaping @Sendable (LessonSeeds) -> any LessonEngine
    ) {
        self.runsSeveralSeeds = runsSeveralSeeds
        self.id = id
        self.number = number
        self.section = section
        self.title = title
        self.summary = summary
        self.pages = pages
        self.claims = claims
        self.makeEngine = makeEngine
    }
}

public struct LessonPage: Sendable {
    public let title: Localized
    public let text: Localized
}

/// What the lesson screen runs: a lesson of the catalogue, or compare mode. Both have pages of
/// text and an engine on their own thread, which is all the screen and its worker need; only
/// a lesson has a number, a glossary section, seeds of its own and claims to judge.
public enum Guide: Sendable {
    case lesson(Lesson)
    case compare(CompareMode)

    /// The lesson's id, or "compare": what `w` names the saved files after.
    public var id: String {
        switch self {
        case .lesson(let lesson): lesson.id
        case .compare: CompareMode.id
        }
    }

    /// The catalogue's lesson, `nil` in compare mode.
    public var lesson: Lesson? {
        if case .lesson(let lesson) = self { return lesson }
        return nil
    }

    public var title: Localized {
        switch self {
        case .lesson(let lesson): lesson.title
        case .compare: CompareMode.title
        }
    }

    /// The pages of text; a lesson adds its claims page after them (``pageCount``).
    public var pages: [LessonPage] {
        switch self {
        case .lesson(let lesson): lesson.pages
        case .compare: CompareMode.pages
        }
    }

    public var claims: [Claim] { lesson?.claims ?? [] }

    /// Whether the screen runs it on several seeds and draws their spread.
    public var runsSeveralSeeds: Bool { lesson?.runsSeveralSeeds ?? false }

    /// The seeds it runs on when `chosen` are asked for: all of them for a training lesson,
    /// the first alone otherwise (compare mode takes its seed from the experiment).
    public func seeds(from chosen: LessonSeeds) -> LessonSeeds {
        runsSeveralSeeds ? chosen : LessonSeeds(first: chosen.first)
    }

    /// The pages `n` and `p` go through.
    public var pageCount: Int { lesson?.pageCount ?? pages.count }

    /// Builds the experiment afresh: a lesson on `seeds`, compare mode on the free
    /// experiment's own seed.
    public func makeEngine(_ seeds: LessonSeeds) -> any LessonEngine {
        switch self {
        case .lesson(let lesson): lesson.makeEngine(seeds)
        case .compare(let mode): mode.makeEngine()
        }
    }
}

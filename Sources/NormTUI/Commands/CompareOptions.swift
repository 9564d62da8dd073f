import ArgumentParser
import NormMath
import NormLessons

/// `--compare SETTING=VALUE`: start in compare mode (the UI and `snapshot`).
struct CompareOptions: ParsableArguments {
    @Option(
        name: .customLong("compare"),
        help: "Start in compare mode: a second run that differs in one setting, e.g. lr=2, variant=none, batch=4, bn-momentum=0.5.",
        transform: { text in try CompareSetting.parse(text) })
    var setting: CompareSetting?

    /// Compare mode for `base`, or `nil` without `--compare`.
    /// - Throws: a ``CommandFailure`` when the setting cannot apply to `base`.
    func lesson(base: ExperimentConfig) throws -> Lesson? {
        guard let setting else { return nil }
        do {
            _ = try setting.applied(to: base)
        } catch {
            throw CommandFailure("--compare \(setting.name.rawValue)=\(setting.value): \(error.description)")
        }
        return ComparedRunsLesson.lesson(base: base, setting: setting)
    }
}

extension LessonCatalog {
    /// The lesson a `.openLesson(id)` command means: the one just opened in `state` (compare
    /// mode is built for the experiment at hand and is in no catalog), or the catalog's.
    static func find(_ id: String, openIn state: AppState) -> Lesson? {
        if let open = state.lesson?.lesson, open.id == id { return open }
        return find(id)
    }
}

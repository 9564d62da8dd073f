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
    func mode(base: ExperimentConfig) throws -> CompareMode? {
        guard let setting else { return nil }
        do {
            _ = try setting.applied(to: base)
        } catch {
            throw CommandFailure("--compare \(setting.name.rawValue)=\(setting.value): \(error.description)")
        }
        return CompareMode(base: base, setting: setting)
    }
}

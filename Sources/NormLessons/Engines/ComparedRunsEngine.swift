import NormMath

/// Compare mode's experiment: two runs, stepped together; `c` replaces the changed run by one
/// that differs in the next setting, both from the start.
public struct ComparedRunsEngine: LessonEngine {
    public let base: ExperimentConfig
    /// The settings `c` cycles through; those that cannot apply to `base` are skipped.
    public let settings: [CompareSetting]
    public private(set) var settingIndex: Int
    public private(set) var pair: ComparedRuns
    /// The layer whose gradient norm is shown.
    public private(set) var block = 0
    /// Steps the accuracy is averaged over.
    public static let window = 10

    /// - Precondition: at least one of `settings` applies to `base` (the suggestions always
    ///   include normalization on/off, which does).
    public init(base: ExperimentConfig, settings: [CompareSetting]) {
        self.base = base
        self.settings = settings
        guard let (index, pair) = Self.firstApplicable(settings, from: 0, base: base) else {
            preconditionFailure("no setting to compare applies to the experiment")
        }
        settingIndex = index
        self.pair = pair
    }

    /// The first of `settings`, from `start` on (wrapping around), that can run on `base`.
    public static func firstApplicable(_ settings: [CompareSetting], from start: Int, base: ExperimentConfig) -> (Int, ComparedRuns)? {
        for offset in 0..<settings.count {
            let index = (start + offset) % settings.count
            if let pair = try? ComparedRuns(base: base, setting: settings[index]) { return (index, pair) }
        }
        return nil
    }

    public var setting: CompareSetting { settings[settingIndex] }
    public var stepCount: Int { pair.stepCount }

    public mutating func advance() { pair.step() }

    public var keys: [LessonKey] {
        [
            LessonKey("c", help: Localized(en: "other setting", de: "andere Einstellung")),
            LessonKey("[", help: Localized(en: "layer −", de: "Schicht −")),
            LessonKey("]", help: Localized(en: "layer +", de: "Schicht +")),
        ]
    }

    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "c":
            guard let (index, pair) = Self.firstApplicable(settings, from: settingIndex + 1, base: base) else { return nil }
            settingIndex = index
            self.pair = pair
            let names = { (language: Language) in "\(pair[0].name(language)) vs \(pair[1].name(language))" }
            return Localized(en: "comparing \(names(.en)), from the start", de: "Vergleich \(names(.de)), von vorn")
        case "[": block = max(0, block - 1)
        case "]": block = min(base.depth - 1, block + 1)
        default: return nil
        }
        return nil
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        let runs = zip(["a", "b"], 0..<pair.count)
        for (prefix, index) in runs { record.append("\(prefix)_loss", pair[index].history.loss.last) }
        for (prefix, index) in runs { record.append("\(prefix)_accuracy", pair[index].history.accuracy.last) }
        for (prefix, index) in runs {
            record.append("\(prefix)_eval_accuracy", pair[index].history.evaluations.last?.evaluation.accuracy)
        }
        return record
    }
}

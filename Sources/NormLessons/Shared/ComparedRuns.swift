import NormMath

/// Two training runs that differ in exactly one setting — same seed, same data, same initial
/// weights — stepped together: the base run first, the changed one second. A ``RunSet`` of two,
/// named by the setting. Compare mode shows them as they are; lessons build on them
/// (normalization on/off, a learning rate).
public struct ComparedRuns: Sendable {
    public let setting: CompareSetting
    public private(set) var runs: RunSet

    /// - Parameter names: how the two runs are called on screen; by default the setting's
    ///   value in each (e.g. "lr 0.05" and "lr 2").
    /// - Throws: when the changed configuration cannot run (says why, in one sentence).
    public init(
        base: ExperimentConfig, setting: CompareSetting, names: [Localized]? = nil, seeds: LessonSeeds? = nil
    ) throws(ExperimentError) {
        let changed = try setting.applied(to: base)
        self.setting = setting
        let names = names ?? [setting.localizedLabel(of: base), setting.localizedLabel(of: changed)]
        runs = RunSet([(names[0], base), (names[1], changed)], seeds: seeds?.all)
    }

    /// A fixed pair for a lesson.
    /// - Precondition: the setting applies to `base` (lessons use tested presets).
    public init(preset base: ExperimentConfig, setting: CompareSetting, names: [Localized]? = nil, seeds: LessonSeeds? = nil) {
        do {
            self = try ComparedRuns(base: base, setting: setting, names: names, seeds: seeds)
        } catch {
            preconditionFailure("lesson preset refused: \(error)")
        }
    }

    /// The names of batch norm and of no normalization, for lessons that compare the two.
    public static let normalizationNames = [
        Localized(en: "Batch Norm", de: "Batch Norm"),
        Localized(en: "no normalization", de: "ohne Normalisierung"),
    ]

    public mutating func step() { runs.step() }

    public subscript(index: Int) -> RunSet.Run {
        get { runs[index] }
        set { runs[index] = newValue }
    }

    public var count: Int { runs.count }

    /// Steps taken by the base run (the changed one may have stopped earlier, diverged).
    public var stepCount: Int { runs.stepCount }

    /// What a run's column says when it stopped: the divergence, shortened.
    public func stopNote(_ index: Int) -> Localized? { runs.stopNote(index) }
}

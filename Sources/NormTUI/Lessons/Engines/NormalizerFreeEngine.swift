import NormMath

/// Lesson 11's experiment: the same 6-block conv net at the same large learning rate four
/// ways — with batch norm; without normalization; without normalization but with adaptive
/// gradient clipping; and normalizer-free, with a unit-variance initialization and the
/// clipping (Brock et al. 2021). One training step of each per advance.
struct NormalizerFreeEngine: LessonEngine {
    static let depth = 6
    /// Large enough that the plain network dies at it; batch norm trains happily.
    static let learningRate = 0.2
    /// λ = 0.01: at this rate 0.02 trains worse and 0.04 lets the clipped networks blow up.
    static let clipping = AdaptiveGradientClipping(threshold: 0.01)

    private(set) var runs: RunSet
    /// Clipping only, from He-initialized weights; then clipping after the unit-variance init.
    private(set) var clippedRuns: [NormalizerFreeRun]
    private(set) var stepCount = 0

    init() {
        var normalized = ExperimentConfig()
        normalized.depth = Self.depth
        normalized.learningRate = Self.learningRate
        var plain = normalized
        plain.variant = .none
        runs = RunSet([
            (Localized(en: "Batch Norm", de: "Batch Norm"), normalized),
            (Localized(en: "no normalization", de: "ohne Normalisierung"), plain),
        ])
        let (train, heldOut) = (runs[1].trainer.trainingSet, runs[1].trainer.heldOutSet)
        clippedRuns = [false, true].map { scales in
            NormalizerFreeRun(config: plain, clipping: Self.clipping, scalesInitialization: scales, train: train, heldOut: heldOut)
        }
    }

    mutating func advance() {
        runs.step()
        for index in clippedRuns.indices { clippedRuns[index].step() }
        stepCount += 1
    }

    /// The four runs' names, losses and held-out accuracies, in the order of the table.
    struct Line {
        var name: String
        var loss: [Double]
        var heldOutAccuracy: [Double]
        var note: String
    }

    func lines(_ language: Language) -> [Line] {
        let de = language == .de
        let trainerLines = (0..<runs.count).map { index in
            let run = runs[index]
            let divergence = run.trainer.divergence.map { (de ? "divergiert bei Schritt " : "diverged at step ") + String($0.step) }
            return Line(
                name: run.name(language), loss: run.history.loss.elements,
                heldOutAccuracy: run.history.evaluations.elements.map(\.evaluation.accuracy), note: divergence ?? "")
        }
        let names = de
            ? ["ohne Norm. + AGC", "NF: Init + AGC"]
            : ["no norm + AGC", "NF: init + AGC"]
        let clippedLines = clippedRuns.enumerated().map { index, run in
            let note = run.divergedAt.map { (de ? "divergiert bei Schritt " : "diverged at step ") + String($0) }
                ?? NumberFormat.percent(run.clippedFraction) + (de ? " gekappt" : " clipped")
            return Line(name: names[index], loss: run.loss.elements, heldOutAccuracy: run.heldOutAccuracy.elements, note: note)
        }
        return trainerLines + clippedLines
    }

    func record() -> LessonRecord {
        let lines = lines(.en)
        var record = LessonRecord(step: stepCount)
        for (prefix, line) in zip(Self.recordPrefixes, lines) {
            record.append("\(prefix)_loss", line.loss.last)
        }
        for (prefix, line) in zip(Self.recordPrefixes, lines) {
            record.append("\(prefix)_heldout_accuracy", line.heldOutAccuracy.last)
        }
        record.append("nf_clipped_fraction", clippedRuns[1].clippedFraction)
        return record
    }

    /// The four networks in the record's column names, in the order of ``lines(_:)``.
    static let recordPrefixes = ["bn", "none", "agc", "nf"]
}

/// Every lesson, numbered in the order of the glossary's sections: Grundprinzip, Hauptvarianten,
/// Theoretische Grundlagen, Anwendungsgebiete, Implementierungsaspekte, Aktueller
/// Forschungsstand, and last the decision table that draws on them all.
public enum LessonCatalog {
    public static let all: [Lesson] = (
        foundations + mainVariants + theory + applications + implementation + research + [WhichNormLesson.lesson]
    ).sorted { $0.number < $1.number }

    /// "Grundprinzip": statistical standardization and the scalable re-parametrization (γ, β).
    static let foundations = [StatisticsGroupsLesson.lesson, AffineLesson.lesson]
    /// "Hauptvarianten": Group Norm at small batches, Instance Norm, RMSNorm.
    static let mainVariants = [BatchSizeLesson.lesson, InstanceStyleLesson.lesson, RMSNormLesson.lesson]
    /// "Theoretische Grundlagen": covariate shift, the loss landscape, implicit regularization,
    /// re-parametrization.
    static let theory = [
        CovariateShiftLesson.lesson, LearningRateLesson.lesson, BatchNoiseLesson.lesson, ScaleInvarianceLesson.lesson,
    ]
    /// "Anwendungsgebiete": recurrent networks and Transformers.
    static let applications = [SequencesLesson.lesson, PrePostLNLesson.lesson, TransformerLesson.lesson]
    /// "Implementierungsaspekte": efficiency, numerical stability, the train/inference gap.
    static let implementation = [FusedKernelsLesson.lesson, NumericalStabilityLesson.lesson, TrainInferenceLesson.lesson]
    /// "Aktueller Forschungsstand": normalizer-free networks, adaptive normalization, time series
    /// and graphs.
    static let research = [NormalizerFreeLesson.lesson, AdaINLesson.lesson, RevINLesson.lesson, OverSmoothingLesson.lesson]

    /// The lesson called `name`: its id, or its number.
    public static func find(_ name: String) -> Lesson? {
        all.first { $0.id == name.lowercased() || String($0.number) == name }
    }
}

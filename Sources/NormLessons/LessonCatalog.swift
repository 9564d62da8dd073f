/// Every lesson, in the order of the glossary's sections.
public enum LessonCatalog {
    public static let all: [Lesson] = (
        [ScaleInvarianceLesson.lesson] + TensorLessons.all + TrainingLessons.all + ArchitectureLessons.all
            + NewLessons.all
    ).sorted { $0.number < $1.number }

    /// The lesson called `name`: its id, or its number.
    public static func find(_ name: String) -> Lesson? {
        all.first { $0.id == name.lowercased() || String($0.number) == name }
    }
}

/// Lessons 1, 8, 12, 13: what the formula does to a tensor (statistics groups, numerical
/// stability, RMSNorm, AdaIN).
public enum TensorLessons {
    public static let all: [Lesson] = [
        StatisticsGroupsLesson.lesson, NumericalStabilityLesson.lesson, RMSNormLesson.lesson, AdaINLesson.lesson,
    ]
}

/// Lessons 2, 3, 5, 7: what normalization does to training (covariate shift, the loss
/// landscape, the train/inference gap, batch noise).
public enum TrainingLessons {
    public static let all: [Lesson] = [
        CovariateShiftLesson.lesson, LearningRateLesson.lesson, TrainInferenceLesson.lesson, BatchNoiseLesson.lesson,
    ]
}

/// Lessons 4, 9, 10, 11: normalization and architecture (batch size, instance norm and
/// style, Pre-LN vs Post-LN, normalizer-free networks).
public enum ArchitectureLessons {
    public static let all: [Lesson] = [
        BatchSizeLesson.lesson, InstanceStyleLesson.lesson, PrePostLNLesson.lesson, NormalizerFreeLesson.lesson,
    ]
}

/// Lessons 14, 15 and 20, issue 13: the glossary's "Grundprinzip" (γ and β), research
/// (time-series normalization) and the closing decision table. Numbered after the others
/// until the catalogue is put in the glossary's order.
public enum NewLessons {
    public static let all: [Lesson] = [AffineLesson.lesson, RevINLesson.lesson, WhichNormLesson.lesson, SequencesLesson.lesson, TransformerLesson.lesson, FusedKernelsLesson.lesson, OverSmoothingLesson.lesson]
}

/// Every lesson's teacher's kit, by lesson id (a test checks that every lesson has one).
public enum TeachingKits {
    public static let byLessonID: [String: TeachingKit] = [
        StatisticsGroupsLesson.lesson.id: StatisticsGroupsKit.kit,
        CovariateShiftLesson.lesson.id: CovariateShiftKit.kit,
        LearningRateLesson.lesson.id: LearningRateKit.kit,
        BatchSizeLesson.lesson.id: BatchSizeKit.kit,
        TrainInferenceLesson.lesson.id: TrainInferenceKit.kit,
        ScaleInvarianceLesson.lesson.id: ScaleInvarianceKit.kit,
        BatchNoiseLesson.lesson.id: BatchNoiseKit.kit,
        NumericalStabilityLesson.lesson.id: NumericalStabilityKit.kit,
        InstanceStyleLesson.lesson.id: InstanceStyleKit.kit,
        PrePostLNLesson.lesson.id: PrePostLNKit.kit,
        NormalizerFreeLesson.lesson.id: NormalizerFreeKit.kit,
        RMSNormLesson.lesson.id: RMSNormKit.kit,
        AdaINLesson.lesson.id: AdaINKit.kit,
        AffineLesson.lesson.id: AffineKit.kit,
        RevINLesson.lesson.id: RevINKit.kit,
        WhichNormLesson.lesson.id: WhichNormKit.kit,
        SequencesLesson.lesson.id: SequencesKit.kit,
        TransformerLesson.lesson.id: TransformerKit.kit,
        FusedKernelsLesson.lesson.id: FusedKernelsKit.kit,
        OverSmoothingLesson.lesson.id: OverSmoothingKit.kit,
    ]
}

extension Lesson {
    /// Its teacher's kit: objectives, questions, discussion and an exercise.
    public var kit: TeachingKit? { TeachingKits.byLessonID[id] }
}

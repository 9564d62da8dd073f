/// Every lesson's teacher's kit, by lesson id. A lesson without one yet has none here;
/// the tests say which (every lesson is meant to have one).
public enum TeachingKits {
    public static let byLessonID: [String: TeachingKit] = [
        LearningRateLesson.lesson.id: LearningRateKit.kit,
        BatchSizeLesson.lesson.id: BatchSizeKit.kit,
        BatchNoiseLesson.lesson.id: BatchNoiseKit.kit,
        AffineLesson.lesson.id: AffineKit.kit,
        RevINLesson.lesson.id: RevINKit.kit,
    ]
}

extension Lesson {
    /// Its teacher's kit: objectives, questions, discussion and an exercise.
    public var kit: TeachingKit? { TeachingKits.byLessonID[id] }
}

import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 20, the decision table: every row cites claims its lesson declares, the engine runs
/// each cited lesson once and judges the row at the step its claim names, the row keys leave
/// the claims judged, and Enter opens the selected row's lesson.
struct WhichNormLessonTests {
    @Test func everyRowCitesClaimsItsLessonDeclares() {
        for row in WhichNormTable.rows {
            #expect(LessonCatalog.find(row.lesson.id) != nil, "\(row.id): its lesson is in the catalogue")
            #expect(!row.claimIDs.isEmpty)
            for id in row.claimIDs {
                #expect(row.lesson.claims.contains { $0.id == id }, "\(row.id) cites \(id), which \(row.lesson.id) declares")
            }
        }
        #expect(WhichNormLesson.lesson.claims.map(\.id) == WhichNormTable.rows.map(\.id), "one claim per row")
        #expect(Set(WhichNormTable.rows.map(\.id)).count == WhichNormTable.rows.count)
    }

    @Test func eachCitedLessonRunsOnceWithEveryClaimItsRowsCite() {
        let cited = WhichNormTable.citedLessons
        #expect(Set(cited.map(\.lesson.id)).count == cited.count)
        for row in WhichNormTable.rows {
            let entry = cited.first { $0.lesson.id == row.lesson.id }
            #expect(entry.map { Set(row.claimIDs).isSubset(of: $0.claimIDs) } == true)
        }
        // The row claims' steps grow with the table (a later lesson is judged later), and the
        // last is the whole table's work.
        let steps = WhichNormLesson.claims.map(\.step)
        #expect(steps.max() == WhichNormEngine.totalUnits)
        #expect(WhichNormEngine.totalUnits > 0)
    }

    /// The first cited lesson (3, to step 300): its row is judged exactly at its claim's step,
    /// with the verdict of lesson 7's own claim, and the next row waits.
    @Test func aRowIsJudgedAtItsClaimsStepWithItsLessonsVerdict() {
        var engine = WhichNormEngine(seeds: LessonSeeds(first: 1))
        #expect(engine.holds(row: 0) == nil)
        #expect(engine.running?.lesson.id == WhichNormTable.rows[0].lesson.id)
        while engine.current == 0 { engine.advance() }
        #expect(engine.stepCount == WhichNormLesson.claims[0].step)
        let verdicts = engine.verdicts(row: 0)
        #expect(verdicts.count == WhichNormTable.rows[0].claimIDs.count)
        #expect(engine.holds(row: 0) == verdicts.allSatisfy { $0?.holds == true })
        #expect(engine.holds(row: 1) == nil, "the next row's lesson has only started")
        #expect(engine.running?.lesson.id == WhichNormTable.citedLessons[1].lesson.id)
        #expect(engine.record()["cnn-large-batch_holds"] != nil)
    }

    @Test func rowKeysMoveTheSelectionAndSayNothing() {
        var engine = WhichNormEngine(seeds: LessonSeeds(first: 1))
        #expect(engine.linkedLessonID == WhichNormTable.rows[0].lesson.id)
        #expect(engine.handle("]") == nil, "a drawing key: the claims stay judged")
        #expect(engine.linkedLessonID == WhichNormTable.rows[1].lesson.id)
        _ = engine.handle("[")
        _ = engine.handle("[")
        #expect(engine.selectedRow == WhichNormTable.rows.count - 1, "wraps around")
    }

    @Test func enterOpensTheSelectedRowsLesson() {
        var state = AppState(config: ExperimentConfig(), width: 120, height: 40)
        _ = open(.lesson(WhichNormLesson.lesson), &state)
        var engine = WhichNormEngine(seeds: LessonSeeds(first: 1))
        _ = engine.handle("]")
        state.lesson?.snapshot = LessonSnapshot(engine: engine, isRunning: false, generation: state.lessonGeneration, message: nil, messageCount: 0)
        let commands = update(&state, .key(.enter))
        #expect(state.lesson?.guide.lesson?.id == WhichNormTable.rows[1].lesson.id)
        #expect(commands.contains { if case .openLesson = $0 { true } else { false } })
    }

    @Test func enterDoesNothingInALessonWithoutLinks() {
        var state = AppState(config: ExperimentConfig(), width: 120, height: 40)
        _ = open(.lesson(StatisticsGroupsLesson.lesson), &state)
        state.lesson?.snapshot = LessonSnapshot(
            engine: StatisticsGroupsEngine(), isRunning: false, generation: state.lessonGeneration, message: nil, messageCount: 0)
        _ = update(&state, .key(.enter))
        #expect(state.lesson?.guide.lesson?.id == StatisticsGroupsLesson.lesson.id)
    }
}

import Foundation
import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// A lesson's engine is built on the lesson's thread, never the UI's; until its first snapshot
/// arrives the screen says so.
struct LessonWorkerTests {
    /// Remembers the threads that built the engine.
    final class BuildingThread: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [pthread_t] = []
        func record() {
            lock.lock()
            names.append(pthread_self())
            lock.unlock()
        }
        var recorded: [pthread_t] {
            lock.lock()
            defer { lock.unlock() }
            return names
        }
    }

    static func lesson(recordingInto building: BuildingThread) -> Lesson {
        let base = StatisticsGroupsLesson.lesson
        return Lesson(
            id: base.id, number: base.number, section: base.section, title: base.title, summary: base.summary,
            pages: base.pages,
            makeEngine: { seeds in
                building.record()
                return base.makeEngine(seeds)
            })
    }

    @Test func theFirstStepBuildsTheEngineAndARestartDropsIt() {
        let building = BuildingThread()
        var worker = LessonWorker(lesson: Self.lesson(recordingInto: building), generation: 1)
        #expect(worker.engine == nil && worker.wantsStep && building.recorded.isEmpty)
        worker.step()
        #expect(worker.engine?.stepCount == 1 && building.recorded.count == 1)
        worker.apply([.restart(generation: 2)])
        #expect(worker.engine == nil && worker.wantsStep)
        worker.step()
        #expect(worker.engine?.stepCount == 1 && building.recorded.count == 2)
    }

    /// As the interactive loop opens a lesson: the worker is made here, the engine there.
    @Test func theRunnerBuildsTheEngineOnTheLessonsThread() {
        let building = BuildingThread()
        let caller = pthread_self()
        let runner = LessonRunner(worker: LessonWorker(lesson: Self.lesson(recordingInto: building), generation: 1), name: "normtui lesson")
        defer { runner.stop() }
        var snapshot: LessonSnapshot?
        for _ in 0..<1000 where snapshot == nil {
            snapshot = runner.takeSnapshot()
            if snapshot == nil { usleep(10_000) }
        }
        #expect(snapshot?.engine?.stepCount == 1)
        #expect(building.recorded.count == 1)
        #expect(building.recorded.allSatisfy { pthread_equal($0, caller) == 0 })
    }

    @Test(arguments: Language.allCases)
    func theScreenSaysPreparingUntilTheFirstSnapshot(language: Language) {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        state.language = language
        _ = open(.lesson(StatisticsGroupsLesson.lesson), &state)
        let text = Screen.render(state, glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains(language == .de ? "wird vorbereitet …" : "preparing…"))
    }

    /// `s` ten times is ten steps, as on the main screen: each key counts, and the snapshot
    /// says how many are still queued.
    @Test func everySIsAStep() {
        var worker = LessonWorker(lesson: StatisticsGroupsLesson.lesson, generation: 1)
        worker.step()
        worker.apply(Array(repeating: .stepOnce, count: 10))
        #expect(worker.snapshot.requestedSteps == 10)
        while worker.wantsStep { worker.step() }
        #expect(worker.engine?.stepCount == 11)
        #expect(worker.snapshot.requestedSteps == 0)
    }

    /// A lesson key typed before the engine is built is handled once it is.
    @Test func aKeyBeforeTheFirstSnapshotIsKept() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        let commands = open(.lesson(StatisticsGroupsLesson.lesson), &state) + update(&state, .key(.character("g")))
        #expect(commands.contains(.lesson(.key("g"))))
        var worker = LessonWorker(lesson: StatisticsGroupsLesson.lesson, generation: 1)
        worker.apply([.key("g"), .key("z")])
        worker.step()
        #expect(worker.snapshot.messageCount == 1)
        #expect((worker.engine as? StatisticsGroupsEngine)?.variant == .group)
    }

    /// The lesson's header shows queued steps as the main screen does.
    @Test func theHeaderSaysHowManyStepsAreQueued() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = open(.lesson(StatisticsGroupsLesson.lesson), &state)
        var worker = LessonWorker(lesson: StatisticsGroupsLesson.lesson, generation: state.lessonGeneration)
        worker.step()
        worker.apply(Array(repeating: .stepOnce, count: 3))
        _ = update(&state, .lessonProgress(worker.snapshot))
        let text = Screen.render(state, glyphs: .unicode).text[0]
        #expect(text.contains("3 steps queued"))
    }
}

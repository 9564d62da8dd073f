import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// `lesson` as tests draw it: lesson 13 measures time on the machine, which no two runs agree
/// on, so screens compared with a golden file use its modeled twin (``KernelTiming``).
func reproducible(_ lesson: Lesson) -> Lesson {
    lesson.id == FusedKernelsLesson.lesson.id ? FusedKernelsLesson.modeled : lesson
}

/// Lesson 13: the sweep's bookkeeping on the modeled timing (deterministic, instant), and one
/// real round on the smallest size. Its claims about real time are judged by
/// `normtui lesson fused-kernels --check`, never in a unit test (benchmarks are benchmarks).
struct FusedKernelsLessonTests {
    static let steps = FusedKernelsEngine.sizes.count * FusedKernelsEngine.rounds

    @Test func theSweepFinishesWithEveryRoundOfEverySize() {
        var engine = FusedKernelsEngine(timing: .modeled)
        var progress = engine.progress ?? -1
        #expect(progress == 0 && !engine.isFinished)
        for _ in 0..<Self.steps {
            engine.advance()
            let next = engine.progress ?? -1
            #expect(next > progress)
            progress = next
        }
        #expect(engine.isFinished && abs(progress - 1) < 1e-12 && engine.currentSize == nil)
        #expect(engine.points.allSatisfy { $0.roundsDone == FusedKernelsEngine.rounds })
        #expect(engine.estimatedRemainingSeconds == 0)
        engine.advance()
        #expect(engine.stepCount == Self.steps, "a finished sweep does no more work")
    }

    @Test func theSizesRunFromInsideL1ToFarPastTheLastCache() {
        #expect(FusedKernelsEngine.sizes.first.map { $0 * 4 } == 16 << 10)
        #expect(FusedKernelsEngine.sizes.last.map { $0 * 4 } == 256 << 20)
        #expect(FusedKernelsEngine.pastTheCaches.map { (FusedKernelsEngine.sizes[$0] * 4) >> 20 } == [64, 128, 256])
        #expect(FusedKernelsEngine.inTheCaches.count == 7)
        for size in FusedKernelsEngine.sizes { #expect(FusedKernelsEngine.shape(elements: size).count == size) }
    }

    /// The bytes per element are counted from the kernels' code (Normalization+ForwardKernel:
    /// two reads of x and a write of y; Normalization+Unfused: four passes).
    @Test func bytesPerElementAreCountedFromTheKernels() {
        #expect(FusedKernelsEngine.Kernel(variant: .batch, fused: true, threads: 1).bytesPerElement == 12)
        #expect(FusedKernelsEngine.Kernel(variant: .layer, fused: false, threads: 2).bytesPerElement == 24)
        #expect(CopyBandwidth.bytesPerElement == 8)
    }

    /// The claims' arithmetic on the modeled machine, whose numbers are known: a check of the
    /// judges, not of any real machine.
    @Test func theClaimsJudgeTheModeledSweep() {
        let results = ClaimCheck(lesson: FusedKernelsLesson.modeled, seeds: .standard).run()
        #expect(results.count == 4)
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    @Test func theModeledTimingIsTheSameOnEveryRun() {
        var one = FusedKernelsEngine(seed: 1, timing: .modeled), two = FusedKernelsEngine(seed: 2, timing: .modeled)
        for _ in 0..<12 {
            one.advance()
            two.advance()
            #expect(one.record().values == two.record().values)
        }
    }

    /// One real round on 16 KiB: every kernel and the copy get a positive, finite time.
    @Test func aMeasuredRoundTimesEveryKernel() throws {
        var engine = FusedKernelsEngine(seed: 1)
        engine.advance()
        let point = engine.points[0]
        #expect(point.roundsDone == 1)
        let copy = try #require(point.copyNanoseconds)
        #expect(copy > 0 && copy.isFinite)
        for kernel in FusedKernelsEngine.kernels {
            let time = try #require(point.nanoseconds(kernel))
            #expect(time > 0 && time.isFinite, "\(kernel)")
        }
        #expect(engine.elapsedSeconds > 0)
    }

    @Test func vAndTSwitchWhatTheChartShowsWithoutChangingTheExperiment() {
        var engine = FusedKernelsEngine(timing: .modeled)
        #expect(engine.shownVariant == .batch)
        #expect(engine.handle("v") == nil, "no message: a message would stop the judging")
        #expect(engine.shownVariant == .layer)
        _ = engine.handle("v")
        #expect(engine.shownVariant == .batch)
        #expect(engine.shownThreads == 1 && engine.handle("t") == nil && engine.shownThreads == 2)
        for _ in 0..<Self.steps { engine.advance() }
        let text = lessonScreen(FusedKernelsLesson.modeled, steps: Self.steps, keys: [.character("v"), .character("t")], width: 120, height: 40)
        #expect(text.contains("Layer Norm, 2 threads"))
    }

    @Test func headlessRecordsNameTheirColumnsAndHoldTheMeasurements() {
        var engine = FusedKernelsEngine(timing: .modeled)
        for _ in 0..<FusedKernelsEngine.rounds { engine.advance() }
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.values.allSatisfy { $0 != .missing })
        #expect(record["bytes"] == .integer(16 << 10) && record["rounds"] == .integer(FusedKernelsEngine.rounds))
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(FusedKernelsLesson.modeled, steps: Self.steps, expecting: [.en: "ns per element", .de: "ns je Element"])
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The chart's x-axis names the sizes, and the copy's line is in the legend.
    @Test func theChartNamesSizesAndTheFloor() {
        for (width, height) in [(80, 24), (120, 40)] {
            let text = lessonScreen(FusedKernelsLesson.modeled, steps: Self.steps, width: width, height: height)
            #expect(text.contains("16K") && text.contains("256M"), "\(width)x\(height)")
            #expect(text.contains("copy") && text.contains("unfused"), "\(width)x\(height)")
        }
    }
}

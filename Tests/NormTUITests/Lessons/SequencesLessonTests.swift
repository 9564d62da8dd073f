import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 10 shows what it claims; its data and runs are what the pages say.
struct SequencesLessonTests {
    /// The claims judged before training hold on seed 1 (`--check --seeds 10` judges every
    /// claim on ten seeds; the ones after 600 steps are too slow for a unit test in debug).
    @Test func theClaimsBeforeTrainingHoldOnTheDefaultSeed() {
        let engine = SequencesEngine()
        for claim in SequencesLesson.claims where claim.step == 0 {
            let verdict = claim.judge(engine, 0)
            #expect(verdict.holds, "\(claim.id): \(verdict.measured.en)")
        }
    }

    /// Two markers, one in each half; the target is the sum of the marked values.
    @Test func theAddingProblemMarksTwoValuesAndSumsThem() {
        var generator = SeededGenerator(seed: 3)
        let (count, length) = (5, 12)
        let batch = AddingProblem.batch(count: count, length: length, using: &generator)
        for n in 0..<count {
            let steps = (0..<length).map { (t: Int) in (value: batch.x[(t * count + n) * 2], marker: batch.x[(t * count + n) * 2 + 1]) }
            let marked = steps.indices.filter { steps[$0].marker == 1 }
            #expect(marked.count == 2 && marked[0] < length / 2 && marked[1] >= length / 2)
            #expect(abs(marked.map { steps[$0].value }.reduce(0, +) - batch.targets[n]) < 1e-6)
        }
    }

    /// Both GRUs of a seed start from the same weights; only one is layer-normalized.
    @Test func bothRunsShareTheirStart() {
        let engine = SequencesEngine()
        let plain = engine.runs[0].models[0], normalized = engine.runs[0].models[1]
        #expect(plain.unit.weightHH == normalized.unit.weightHH && plain.unit.weightIH == normalized.unit.weightIH)
        #expect(plain.readout == normalized.readout)
        #expect(!plain.unit.layerNormalized && normalized.unit.layerNormalized)
    }

    /// The padded mean is the running mean scaled by the fraction of sequences still running.
    @Test func thePaddedMeanIsTheRunningMeanTimesTheFractionRunning() {
        let padded = SequencesEngine().runs[0].padded
        for t in padded.running.indices where padded.running[t] > 0 {
            let fraction = Double(padded.running[t]) / Double(padded.lengths.count)
            #expect(abs(padded.paddedMean[t] - fraction * padded.runningMean[t]) < 1e-12)
        }
        #expect(padded.running[0] == SequencesEngine.batchSize)
    }

    /// Same seed, same numbers.
    @Test func aRunRepeatsItself() {
        var first = SequencesEngine(), second = SequencesEngine()
        for _ in 0..<3 {
            first.advance()
            second.advance()
        }
        #expect(first.record() == second.record())
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(SequencesLesson.lesson, steps: 30, expecting: [.en: "training loss", .de: "Trainingsverlust"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = SequencesEngine()
        for _ in 0..<SequencesEngine.evaluationInterval { engine.advance() }
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.values.allSatisfy { $0 != .missing })
    }
}

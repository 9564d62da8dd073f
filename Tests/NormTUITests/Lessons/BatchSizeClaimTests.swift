import Testing
@testable import NormTUI
@testable import NormLessons

/// Lesson 3's claims can fail: fed numbers on the wrong side of their thresholds, or a sweep
/// not done, they say ✗. (Their ✓ on ten seeds is `normtui lesson batch-size --check --seeds 10`.)
@Suite struct BatchSizeClaimTests {
    static let sizes = [32, 16, 8, 4, 2, 1]

    @Test func theLowestPointIsFoundAndAMissingOneMeansNotYet() {
        let accuracies: [Double?] = [0.95, 0.97, 0.92, 0.96, 0.94, 0.1]
        let lowest = BatchSizeClaims.lowest(accuracies, of: Self.sizes, where: { $0 >= 2 })
        #expect(lowest?.batchSize == 8 && lowest?.accuracy == 0.92)
        #expect(BatchSizeClaims.lowest(accuracies, of: Self.sizes, where: { _ in true })?.batchSize == 1)
        var unfinished = accuracies
        unfinished[3] = nil
        #expect(BatchSizeClaims.lowest(unfinished, of: Self.sizes, where: { $0 >= 2 }) == nil)
        #expect(BatchSizeClaims.value(accuracies, of: Self.sizes, at: 1) == 0.1)
        #expect(BatchSizeClaims.value(unfinished, of: Self.sizes, at: 4) == nil)
    }

    @Test func aLeadOfTheMarginOrLessDoesNotHold() {
        let names = (Localized(en: "a", de: "a"), Localized(en: "b", de: "b"))
        #expect(BatchSizeClaims.ahead(0.95, of: 0.6, by: 0.3, names: names).holds)
        #expect(!BatchSizeClaims.ahead(0.89, of: 0.6, by: 0.3, names: names).holds)
        #expect(!BatchSizeClaims.ahead(0.5, of: 0.6, by: 0.3, names: names).holds)
        #expect(!BatchSizeClaims.ahead(nil, of: 0.1, by: 0.3, names: names).holds)
        let verdict = BatchSizeClaims.ahead(0.969, of: 0.103, by: 0.3, names: names)
        #expect(verdict.measured.en == "a: 96.9%, b: 10.3% (86.6 points apart)")
        #expect(verdict.measured.de == "a: 96,9 %, b: 10,3 % (86,6 Punkte Abstand)")
    }

    /// Judged before the sweep has trained anything, every claim fails: nothing is measured.
    @Test func everyClaimFailsOnASweepNotDone() {
        let engine = BatchSizeEngine(sweep: BatchSizeSweep(batchSizes: [2, 1], epochs: 1))
        for claim in BatchSizeLesson.claims {
            #expect(!claim.judge(engine, 0).holds, "\(claim.id)")
        }
    }

    /// The claims are judged when the sweep is done: its last chunk, known without running it.
    @Test func theClaimsStepIsTheSweepsLastChunk() {
        var engine = BatchSizeEngine(sweep: BatchSizeSweep(batchSizes: [32, 16], epochs: 1))
        while !engine.isFinished { engine.advance() }
        #expect(engine.stepCount == BatchSizeSweep.chunkCount(batchSizes: [32, 16], epochs: 1))
        #expect(BatchSizeLesson.claims.allSatisfy { $0.step == BatchSizeEngine.defaultChunkCount })
        #expect(BatchSizeEngine.defaultChunkCount == 720)
    }

    /// One sweep per seed, advanced together: seed number 1's numbers are its own.
    @Test func everySeedHasItsOwnSweep() {
        var engine = BatchSizeEngine(sweeps: [1, 2].map { BatchSizeSweep(batchSizes: [32], epochs: 1, seed: $0) })
        while !engine.isFinished { engine.advance() }
        let first = engine.evalAccuracies(.batch, seed: 0), second = engine.evalAccuracies(.batch, seed: 1)
        #expect(first[0] != nil && second[0] != nil)
        #expect(first != second, "two seeds, two networks")
        #expect(engine.progress == 1)
    }
}

/// The sweep's time on screen: measured per batch size, estimated for the rest.
@Suite struct BatchSizeTimingTests {
    @Test func nothingMeasuredNoEstimate() {
        #expect(BatchSizeTiming().estimatedSeconds(for: [(32, 10)]) == nil)
        #expect(BatchSizeTiming().estimatedSeconds(for: []) == 0)
    }

    @Test func aMeasuredSizeIsTakenAsMeasured() {
        var timing = BatchSizeTiming()
        timing.record(batchSize: 32, steps: 10, seconds: 2)
        timing.record(batchSize: 32, steps: 10, seconds: 4)
        #expect(timing.elapsed == 6)
        #expect(timing.estimatedSeconds(for: [(32, 5)]) == 1.5)
        // One size measured: a step of 16 images takes half as long (time per image fixed).
        #expect(timing.expectedSecondsPerStep(batchSize: 16) == 0.15)
    }

    /// Two sizes measured: a straight line a + b·N through them, for the sizes still to come.
    @Test func unmeasuredSizesFollowTheLineThroughTheMeasuredOnes() throws {
        var timing = BatchSizeTiming()
        timing.record(batchSize: 32, steps: 100, seconds: 0.1 * 100)   // 0.02 + 0.0025·32
        timing.record(batchSize: 16, steps: 100, seconds: 0.06 * 100)  // 0.02 + 0.0025·16
        let perStep = try #require(timing.expectedSecondsPerStep(batchSize: 1))
        #expect(abs(perStep - 0.0225) < 1e-12)
        let total = try #require(timing.estimatedSeconds(for: [(16, 50), (1, 100)]))
        #expect(abs(total - (50 * 0.06 + 100 * 0.0225)) < 1e-9)
    }

    @Test func timesReadAsAClock() {
        #expect(BatchSizeEngine.clock(0) == "0:00")
        #expect(BatchSizeEngine.clock(42.4) == "0:42")
        #expect(BatchSizeEngine.clock(65) == "1:05")
        #expect(BatchSizeEngine.clock(3725) == "1:02:05")
    }
}

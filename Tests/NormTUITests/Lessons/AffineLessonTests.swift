import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 2 shows what it claims, measured on the default seed.
struct AffineLessonTests {
    /// Every claim holds on seed 1 (`--check --seeds 10` judges ten).
    @Test func theClaimsHoldOnTheDefaultSeed() {
        let results = ClaimCheck(lesson: AffineLesson.lesson, seeds: .standard).run()
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    /// Both runs of a seed start from the same weights and see the same batches: at step 0
    /// their linear layers are equal, and the run without γ and β has none.
    @Test func bothRunsShareTheirStart() {
        let engine = AffineEngine()
        #expect(engine.run(affine: true).linear.weight == engine.run(affine: false).linear.weight)
        #expect(engine.run(affine: false).norm.gamma == nil && engine.run(affine: false).norm.beta == nil)
        #expect(engine.roundTrip() == nil)
    }

    /// The floor is μ² + (σ − 1)² averaged over the channels: (4 + 4 + 1 + 0.25 + 0 + 1 + 0.25 + 0)/4.
    @Test func theFloorWithoutAffineParameters() {
        #expect(abs(AffineRegression.lossFloorWithoutAffine - 2.625) < 1e-12)
        let run = AffineEngine().run(affine: false)
        #expect(abs(run.heldOutFloor - 2.625) < 0.3, "held-out floor \(run.heldOutFloor)")
    }

    /// γ = σ, β = μ gives back the input, on every channel of the batch.
    @Test func theRoundTripGivesBackTheInput() throws {
        var engine = AffineEngine()
        engine.advance()
        let trip = try #require(engine.roundTrip())
        #expect(trip.largestDifference <= 1e-5 * trip.largestInput)
        // The normalized values really are normalized: mean 0 over the batch.
        let column = trip.column(trip.normalized, channel: 0, count: AffineRegression.batchSize)
        #expect(abs(column.reduce(0, +) / Double(column.count)) < 1e-5)
    }

    @Test func cChangesTheChannelWithoutRestarting() {
        var engine = AffineEngine()
        engine.advance()
        #expect(engine.handle("c")?.en == "round trip of channel 2")
        #expect(engine.channel == 1 && engine.stepCount == 1)
        for _ in 0..<3 { _ = engine.handle("c") }
        #expect(engine.channel == 0)
        #expect(engine.handle("x") == nil)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(AffineLesson.lesson, steps: 12, expecting: [.en: "held-out loss", .de: "Verlust"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = AffineEngine()
        engine.advance()
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.columns.contains("gamma_4") && record.columns.contains("roundtrip_max_difference"))
        #expect(record.values.allSatisfy { $0 != .missing })
    }
}

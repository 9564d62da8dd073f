import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 8, measured on the default seed: the batch noise falls as 1/√N; the claimed
/// regularization (better held-out accuracy with small batches) does not show here, and the
/// lesson says so — its claims hold on ten seeds (`normtui lesson batch-noise --check --seeds 10`).
struct BatchNoiseLessonTests {
    @Test func theSpreadOfTheBatchMeanFallsAsOneOverRootN() {
        var engine = BatchNoiseEngine()
        engine.advance()
        let spreads = engine.measurements.map { $0.elements[0].spread.relativeSpreadOfMeans }
        // N = 4 → 64 is 16 times the batch: 1/√N predicts a quarter of the spread.
        let ratio = spreads[0] / spreads[2]
        #expect(ratio > 3 && ratio < 5.5, "spread of the batch mean by N: \(spreads)")
        let varianceSpreads = engine.measurements.map { $0.elements[0].spread.relativeSpreadOfVariances }
        #expect(varianceSpreads[0] > varianceSpreads[1] && varianceSpreads[1] > varianceSpreads[2], "\(varianceSpreads)")
    }

    /// The measurement after step 50 is of step 50: a claim judged at step 600 sees step 600's.
    @Test func measurementsAreTakenRightAfterTheirStep() {
        var engine = BatchNoiseEngine(seeds: LessonSeeds(first: 1, count: 2))
        #expect(engine.measurementsBySeed.map { $0[0].elements.map(\.step) } == [[0], [0]])
        for _ in 0..<50 { engine.advance() }
        #expect(engine.measurements(0, seed: 1, steps: 0...50).map(\.step) == [0, 50])
        #expect(engine.measurements(0, seed: 1, steps: 1...50).count == 1)
        #expect(engine.mean(\.gap, run: 2, seed: 1, steps: 300...600) == nil, "no measurement in the window yet")
        // Each seed is measured on its own runs.
        #expect(engine.measurementsBySeed[0][0].last?.heldOut.accuracy != engine.measurementsBySeed[1][0].last?.heldOut.accuracy)
    }

    /// The 1/√N claim fails where a fourfold batch divides the spread by less than 1.5 or more
    /// than 3, or where the variance's spread does not fall.
    @Test func theRootNClaimCanFail() throws {
        let holds = try #require(BatchNoiseClaims.rootNFall(meanSpreads: [[0.04, 0.02, 0.01]], varianceSpreads: [[0.1, 0.05, 0.02]]))
        #expect(holds.holds && holds.lowest == 2 && holds.highest == 2)
        let flat = try #require(BatchNoiseClaims.rootNFall(
            meanSpreads: [[0.04, 0.02, 0.01], [0.04, 0.03, 0.01]], varianceSpreads: [[0.1, 0.05, 0.02], [0.1, 0.05, 0.02]]))
        #expect(!flat.holds && abs(flat.highest - 3) < 1e-12 && abs(flat.lowest - 4.0 / 3) < 1e-12)
        let steep = try #require(BatchNoiseClaims.rootNFall(meanSpreads: [[0.04, 0.02, 0.005]], varianceSpreads: [[0.1, 0.05, 0.02]]))
        #expect(!steep.holds)
        let varianceRises = try #require(BatchNoiseClaims.rootNFall(meanSpreads: [[0.04, 0.02, 0.01]], varianceSpreads: [[0.1, 0.05, 0.06]]))
        #expect(!varianceRises.holds && !varianceRises.varianceFalls)
        #expect(BatchNoiseClaims.rootNFall(meanSpreads: [], varianceSpreads: []) == nil)
    }

    @Test func aLeadOfTheMarginOrLessDoesNotHold() {
        #expect(BatchNoiseClaims.ahead(0.98, of: 0.85, by: 0.05))
        #expect(!BatchNoiseClaims.ahead(0.98, of: 0.94, by: 0.05))
        #expect(!BatchNoiseClaims.ahead(0.85, of: 0.98, by: 0.05))
        #expect(!BatchNoiseClaims.ahead(nil, of: 0.5, by: 0.05))
        #expect(BatchNoiseClaims.points(0.0123) == "1.23" && BatchNoiseClaims.points(0.0123, .de) == "1,23")
    }

    /// Judged before there is a measurement in the window, the window's claims fail.
    @Test func theWindowClaimsFailWithoutMeasurements() {
        let engine = BatchNoiseEngine()
        for claim in BatchNoiseLesson.claims where claim.id != "noise-falls-as-one-over-root-n" {
            #expect(!claim.judge(engine, 0).holds, "\(claim.id)")
        }
        #expect(BatchNoiseLesson.claims.allSatisfy { $0.step == 600 })
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(BatchNoiseLesson.lesson, steps: 2, expecting: [.en: "held-out", .de: "Lücke"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = BatchNoiseEngine()
        engine.advance()
        let record = engine.record()
        #expect(record.columns.count == 1 + 4 * BatchNoiseEngine.batchSizes.count)
        #expect(!record.values.contains(.missing))
    }
}

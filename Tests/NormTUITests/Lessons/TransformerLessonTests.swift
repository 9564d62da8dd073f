import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 12: the runs of a seed share their start, the claims at initialization hold on the
/// default seed (the training claims are judged by `--check`: 600 steps of six runs), and the
/// screen reads at both sizes.
struct TransformerLessonTests {
    /// Every run of a seed starts from the same weights: QK norm and the placement draw nothing.
    @Test func theRunsOfASeedShareTheirStart() {
        let engine = TransformerEngine()
        let models = engine.runs.map(\.model)
        for model in models.dropFirst() {
            #expect(model.tokenEmbedding == models[0].tokenEmbedding)
            #expect(model.blocks[1].attention.key.weight == models[0].blocks[1].attention.key.weight)
            #expect(model.blocks[1].project.weight == models[0].blocks[1].project.weight)
            #expect(model.head.weight == models[0].head.weight)
        }
        #expect(models.map { $0.blocks[0].attention.queryNorm != nil } == TransformerEngine.plans.map(\.qkNorm))
    }

    /// The targets are the sorted sequences, and every run of a seed sees the same batches.
    @Test func theTaskIsSortingAndTheBatchesAreShared() {
        var generator = SeededGenerator(seed: 5)
        let batch = DigitSorting.batch(count: 3, length: 8, using: &generator)
        for sequence in 0..<3 {
            let range = (sequence * 8)..<((sequence + 1) * 8)
            #expect(Array(batch.targets[range]) == batch.tokens[range].sorted())
        }
        var engine = TransformerEngine()
        engine.advance()
        // Post and Post+W differ only in the learning rate: their first losses, before any
        // update, agree.
        #expect(engine.runs[TransformerEngine.post].loss.last == engine.runs[TransformerEngine.postWarmup].loss.last)
    }

    @Test func theClaimsAtInitializationHoldOnTheDefaultSeed() {
        let engine = TransformerEngine()
        for claim in TransformerLesson.claims where claim.step == 0 {
            let verdict = claim.judge(engine, 0)
            #expect(verdict.holds, "\(claim.id): \(verdict.measured.en)")
        }
    }

    /// QK norm keeps the logits at the start within √d_h: a normalized head has length √d_h.
    @Test func qkNormBoundsTheFirstLogits() {
        var engine = TransformerEngine()
        engine.advance()
        let bound = Double(TransformerEngine.width / TransformerEngine.heads).squareRoot()
        #expect(engine.firstLogit(TransformerEngine.postQK) <= bound + 1e-4)
        #expect(engine.firstLogit(TransformerEngine.preQK) <= bound + 1e-4)
        #expect(engine.firstLogit(TransformerEngine.post) > bound)
    }

    @Test func gSwitchesTheChartsBetweenThePlacements() {
        var engine = TransformerEngine()
        #expect(TransformerEngine.shownGroups[engine.shownGroup].runs.allSatisfy { TransformerEngine.plans[$0].placement == .post })
        #expect(engine.handle("g")?.en == "charts: Pre, Pre+QK, Pre-RMS")
        #expect(TransformerEngine.shownGroups[engine.shownGroup].runs.allSatisfy { TransformerEngine.plans[$0].placement == .pre })
        _ = engine.handle("g")
        #expect(engine.shownGroup == 0)
        #expect(engine.handle("x") == nil)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(TransformerLesson.lesson, steps: 30, expecting: [.en: "attention logit", .de: "Attention-Logit"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = TransformerEngine()
        engine.advance()
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.values.allSatisfy { $0 != .missing })
    }
}

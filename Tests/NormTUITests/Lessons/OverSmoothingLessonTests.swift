import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// Lesson 19 shows what it claims, measured on the default seed.
struct OverSmoothingLessonTests {
    /// Every claim holds on seed 1 (`--check --seeds 10` judges ten).
    @Test func theClaimsHoldOnTheDefaultSeed() {
        let results = ClaimCheck(lesson: OverSmoothingLesson.lesson, seeds: .standard).run()
        for result in results {
            #expect(result.holdsEverywhere, "\(result.claim.id): \(result.verdicts.map(\.measured.en))")
        }
    }

    /// The graph has its communities: far more edges inside than across, five labelled nodes
    /// per community, and the other hundred to measure on.
    @Test func theGraphHasFourCommunities() {
        let graph = CommunityGraph(seed: 1)
        var inside = 0, across = 0
        for i in 0..<CommunityGraph.nodeCount {
            for j in (i + 1)..<CommunityGraph.nodeCount where graph.adjacency.entry(i, j) != 0 {
                if graph.community[i] == graph.community[j] { inside += 1 } else { across += 1 }
            }
        }
        #expect(inside + across == graph.edgeCount)
        // About 4.4 neighbours inside a community and 1.8 outside per node.
        #expect(inside > 2 * across)
        #expect(graph.labelled.count == 20 && graph.unlabelled.count == 100)
        for c in 0..<CommunityGraph.communities { #expect(graph.labelled.filter { graph.community[$0] == c }.count == 5) }
        // Same seed, same graph.
        #expect(CommunityGraph(seed: 1).x == graph.x && CommunityGraph(seed: 2).x != graph.x)
    }

    /// Both networks of a depth start from the same weights; only the plain one has hidden biases.
    @Test func bothNetworksOfADepthShareTheirStart() {
        let engine = OverSmoothingEngine()
        for depth in OverSmoothingEngine.depths {
            let plain = engine.runs[0].networks[OverSmoothingEngine.index(depth: depth, normalized: false)]
            let pairNorm = engine.runs[0].networks[OverSmoothingEngine.index(depth: depth, normalized: true)]
            #expect(plain.depth == depth && pairNorm.depth == depth)
            #expect(plain.layers.map(\.transform.weight) == pairNorm.layers.map(\.transform.weight))
            #expect(plain.pairNorm == nil && pairNorm.pairNorm != nil)
            #expect(pairNorm.layers.dropLast().allSatisfy { $0.transform.bias == nil } && pairNorm.layers.last?.transform.bias != nil)
        }
    }

    /// The spread is 0 for rows that point one way, whatever their lengths, and leaves out
    /// rows that are all 0.
    @Test func directionSpreadIgnoresLengths() {
        #expect(DirectionSpread.of([1, 2, 3, 6, 0, 0, 0.5, 1], features: 2) == 0)
        let orthogonal = DirectionSpread.of([1, 0, 0, 5], features: 2)
        #expect(abs(orthogonal - 2.0.squareRoot()) < 1e-12)
    }

    @Test func iSwitchesTheSpreadChart() {
        var engine = OverSmoothingEngine()
        #expect(!engine.showsInitialSpread)
        // Silent, so that the claims are still judged: it changes the view, not the experiment.
        #expect(engine.handle("i") == nil)
        #expect(engine.showsInitialSpread)
        #expect(engine.handle("w") == nil && engine.showsInitialSpread)
    }

    @Test func theLessonRendersAtBothSizesInBothLanguages() {
        let problems = checkLessonScreens(OverSmoothingLesson.lesson, steps: 30, expecting: [.en: "unlabelled", .de: "unbeschriftet"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func headlessRecordsHaveOneValuePerColumn() {
        var engine = OverSmoothingEngine()
        for _ in 0..<OverSmoothingEngine.evaluationInterval { engine.advance() }
        let record = engine.record()
        #expect(record.columns.first == "step" && Set(record.columns).count == record.columns.count)
        #expect(record.values.allSatisfy { $0 != .missing })
    }
}

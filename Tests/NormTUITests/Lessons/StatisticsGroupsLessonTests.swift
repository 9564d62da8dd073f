@testable import NormTUI
import NormMath
import Testing
@testable import NormLessons

@Suite struct StatisticsGroupsLessonTests {
    /// Every highlighted group holds exactly the elements of the variant's layout, and its
    /// output is standardized: mean 0 and standard deviation 1 (RMSNorm: mean square 1).
    @Test func everyGroupIsStandardized() {
        var engine = StatisticsGroupsEngine()
        for variantKeys in 0..<StatisticsGroupsEngine.variants.count {
            if variantKeys > 0 { _ = engine.handle("v") }
            let count = engine.layout.groupCount
            for _ in 0..<count {
                engine.advance()
                let worked = engine.worked
                #expect(worked.x.count == engine.layout.elementsPerGroup)
                if engine.variant == .rms {
                    let meanSquare = worked.y.reduce(0) { $0 + $1 * $1 } / Double(worked.y.count)
                    #expect(abs(meanSquare - 1) < 1e-3)
                } else {
                    let statistics = SampleStatistics(worked.y.map(Float.init))
                    #expect(abs(statistics.mean) < 1e-6)
                    #expect(abs(statistics.standardDeviation - 1) < 1e-3)
                }
            }
        }
    }

    @Test func groupCountsFollowTheVariants() {
        var engine = StatisticsGroupsEngine()
        var counts: [Int] = []
        for _ in StatisticsGroupsEngine.variants {
            counts.append(engine.layout.groupCount)
            _ = engine.handle("v")
        }
        // batch C = 6, layer N = 4, instance N·C = 24, group N·G = 8, rms N = 4
        #expect(counts == [6, 4, 24, 8, 4])
    }

    /// G slides Group Norm from Layer Norm (G = 1) to Instance Norm (G = C): the same μ and σ².
    @Test func groupNormEndsAreLayerAndInstanceNorm() {
        var engine = StatisticsGroupsEngine()
        for _ in 0..<5 { _ = engine.handle("g") }
        #expect(engine.groups == 1)
        let layer = StatisticsGroupsEngine.normalize(engine.x, variant: .layer, groups: 1).statistics
        #expect(zip(engine.output.statistics.mean, layer.mean).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(engine.output.statistics.variance, layer.variance).allSatisfy { abs($0 - $1) < 1e-12 })
        for _ in 0..<5 { _ = engine.handle("G") }
        #expect(engine.groups == 6)
        let instance = StatisticsGroupsEngine.normalize(engine.x, variant: .instance, groups: 1).statistics
        #expect(zip(engine.output.statistics.mean, instance.mean).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(engine.output.statistics.variance, instance.variance).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(engine.output.y == StatisticsGroupsEngine.normalize(engine.x, variant: .instance, groups: 1).y)
    }

    @Test func stepsCycleThroughTheGroups() {
        var engine = StatisticsGroupsEngine()
        var seen: [Int] = []
        for _ in 0..<8 {
            engine.advance()
            seen.append(engine.group)
        }
        #expect(seen == [0, 1, 2, 3, 4, 5, 0, 1])
    }

    @Test func screens() {
        let lesson = StatisticsGroupsLesson.lesson
        let large = lessonScreen(lesson, steps: 3, width: 120, height: 40)
        #expect(large.contains("N × C × (H·W) = 4 × 6 × 4: Batch Norm"))
        #expect(large.contains("Group 2: channel 2, 16 values (N·H·W)"))
        #expect(large.contains("μ = Σx/16"))
        #expect(large.contains("All groups"))
        let small = lessonScreen(lesson, steps: 2, keys: [.character("G")], width: 80, height: 24, language: .de)
        #expect(small.contains("Group Norm (G = 3)"))
        #expect(small.contains("Gruppe 1: Sample 0, Kanäle 2–3"))
        #expect(small.contains("G = 1 2 [3] 6"))
        let ascii = lessonScreen(lesson, steps: 1, width: 80, height: 24, glyphs: .ascii)
        #expect(ascii.contains("[0000] [1111]"))
    }
}

@testable import NormTUI
import Testing
@testable import NormLessons

@Suite struct NumericalStabilityLessonTests {
    /// On a constant channel the output stays 0 for every ε > 0 while the gradient grows like
    /// 1/√ε; at ε = 0 both are NaN.
    @Test func epsilonToZeroOnAConstantChannel() {
        var engine = NumericalStabilityEngine()
        while !engine.isFinished { engine.advance() }
        let rows = engine.epsilonRows
        #expect(rows.count == NumericalStabilityEngine.epsilonLadder.count)
        for row in rows.dropLast() {
            #expect(row.constantOutput == 0)
            // max |dx| · √ε is the same at every ε: dx = (dy − mean dy)/√ε.
            let scaled = row.constantGradient * row.epsilon.squareRoot()
            #expect(abs(scaled / (rows[0].constantGradient * rows[0].epsilon.squareRoot()) - 1) < 1e-3)
        }
        #expect(rows[11].constantGradient > 1e6)
        #expect(rows.last!.constantOutput.isNaN && rows.last!.constantGradient.isNaN)
        // The nearly constant channel (σ = 1e-3): squashed at ε = 0.1, blown up to σ(y) ≈ 1 below ε = 1e-8.
        #expect(rows[0].nearlyConstantSpread < 0.01)
        #expect(abs(rows[8].nearlyConstantSpread - 1) < 0.01)
    }

    /// ε inside vs outside the root: the same for σ = 1, apart by more than 3× at σ = 1e-3 and
    /// more than 25× at σ = 1e-4.
    @Test func placementDifferenceGrowsAsSigmaShrinks() {
        let rows = NumericalStabilityEngine().placementRows
        let ratios = rows.map { $0.outsideSpread / $0.insideSpread }
        #expect(abs(ratios[0] - 1) < 1e-4)
        #expect(ratios[3] > 3)
        #expect(ratios[4] > 25)
        #expect(zip(ratios, ratios.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.largestDifference < $1.largestDifference })
    }

    /// The naive E[x²] − E[x]² is off by more than 10 % at offset 100 (and NaN output from
    /// 1000 on), while two-pass and Welford stay within 1e-6.
    @Test func naiveVarianceBreaksAtALargeOffset() {
        let rows = NumericalStabilityEngine().varianceRows
        let at100 = rows.first { $0.offset == 100 }!
        #expect(at100.naiveError > 0.1)
        #expect(rows.first { $0.offset == 0 }!.naiveError < 1e-3)
        for row in rows {
            #expect(row.twoPassError < 1e-6)
            #expect(row.welfordError < 1e-6)
        }
        #expect(rows.first { $0.offset == 1000 }!.naiveError > 1)
    }

    @Test func keysStepEpsilonAndRecordsMatchColumns() {
        var engine = NumericalStabilityEngine()
        engine.advance()
        _ = engine.handle("e")
        _ = engine.handle("e")
        #expect(engine.epsilon == 1e-3)
        _ = engine.handle("E")
        #expect(engine.epsilon == 1e-2)
        #expect(engine.epsilonRows.map(\.epsilon) == [1e-1, 1e-2, 1e-3])
    }

    @Test func screens() {
        let lesson = NumericalStabilityLesson.lesson
        let large = lessonScreen(lesson, steps: 14, width: 120, height: 40)
        #expect(large.contains("const.: max |dx|"))
        #expect(large.contains("σ(y) √(σ²+ε)"))
        #expect(large.contains("E[x²]−E[x]²"))
        #expect(large.contains("nan"))
        let small = lessonScreen(lesson, steps: 2, keys: [.character("n")], width: 80, height: 24, language: .de)
        #expect(small.contains("in der Wurzel"))
        #expect(small.contains("Verhältnis"))
        let ascii = lessonScreen(lesson, steps: 2, width: 80, height: 24, glyphs: .ascii)
        #expect(ascii.contains("+-") && ascii.contains("const.: max |dx|"))
    }
}

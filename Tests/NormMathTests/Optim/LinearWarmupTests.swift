import Testing
@testable import NormMath

struct LinearWarmupTests {
    @Test func climbsLinearlyToTheFullRateThenStays() {
        let warmup = LinearWarmup(steps: 4)
        #expect((1...6).map(warmup.factor(atStep:)) == [0.25, 0.5, 0.75, 1, 1, 1])
    }

    @Test func noWarmupIsTheFullRateFromTheStart() {
        #expect(LinearWarmup(steps: 0).factor(atStep: 1) == 1)
    }
}

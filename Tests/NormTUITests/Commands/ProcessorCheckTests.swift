import CPUFeatures
@testable import NormTUI
import Testing

@Suite struct ProcessorCheckTests {
    /// Every feature x86-64-v3 needs, and those of v4 on top.
    static let v3: UInt32 = ProcessorCheck.Level.v3.requirements.reduce(0) { $0 | $1.bit }
    static let v4: UInt32 = ProcessorCheck.Level.v4.requirements.reduce(0) { $0 | $1.bit }

    @Test func aCPUWithTheLevelPasses() {
        #expect(ProcessorCheck.problem(level: .v3, features: Self.v3) == nil)
        #expect(ProcessorCheck.problem(level: .v4, features: Self.v4) == nil)
        #expect(ProcessorCheck.problem(level: .v3, features: Self.v4) == nil)
        #expect(ProcessorCheck.problem(level: nil, features: 0) == nil)
    }

    @Test func anAVX2CPULacksExactlyTheAVX512Features() {
        #expect(ProcessorCheck.missing(for: .v4, in: Self.v3) == [
            "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl", "zmm state saved by the OS",
        ])
        let problem = ProcessorCheck.problem(level: .v4, features: Self.v3) ?? ""
        #expect(problem.hasPrefix("this normtui was built for x86-64-v4 (AVX-512), and this CPU lacks avx512f,"))
        #expect(problem.contains("NORMTUI_MARCH=x86-64-v3"))
    }

    /// AVX2 in the CPU is not enough when the operating system does not save the YMM registers.
    @Test func theOperatingSystemMustSaveTheVectorState() {
        let withoutOS = Self.v3 & ~NT_CPU_OS_YMM.rawValue
        #expect(ProcessorCheck.missing(for: .v3, in: withoutOS) == ["ymm state saved by the OS"])
        #expect(ProcessorCheck.problem(level: .v3, features: withoutOS)?.contains("NORMTUI_MARCH= (any x86-64)") == true)
    }

    /// The machine running the tests built this binary, so it has the level it was built for.
    @Test func thisMachineRunsItsOwnBuild() {
        #expect(ProcessorCheck.problem() == nil)
    }
}

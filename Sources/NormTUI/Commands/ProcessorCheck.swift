import CPUFeatures

/// NormMath is compiled for the vector level of the machine that built it (Package.swift,
/// `vectorLevel`). On a CPU without that level its first AVX-512 or AVX2 instruction kills
/// the process with SIGILL, in the middle of a training step and with the terminal in raw
/// mode. So before anything else runs, the CPU is asked (CPUID) whether it has every feature
/// the level requires, and if not, normtui stops with a sentence that names what is missing
/// and how to build a binary for this machine.
enum ProcessorCheck {
    /// An x86-64 level of the psABI that NormMath may be compiled for.
    enum Level: String, Sendable {
        case v3 = "x86-64-v3"
        case v4 = "x86-64-v4"

        /// The features the level requires (the CPU's and the operating system's), by name.
        var requirements: [(name: String, bit: UInt32)] {
            let v3: [(String, nt_cpu_feature)] = [
                ("avx", NT_CPU_AVX), ("avx2", NT_CPU_AVX2), ("fma", NT_CPU_FMA), ("bmi1", NT_CPU_BMI1),
                ("bmi2", NT_CPU_BMI2), ("f16c", NT_CPU_F16C), ("movbe", NT_CPU_MOVBE), ("lzcnt", NT_CPU_LZCNT),
                ("ymm state saved by the OS", NT_CPU_OS_YMM),
            ]
            let v4: [(String, nt_cpu_feature)] = [
                ("avx512f", NT_CPU_AVX512F), ("avx512bw", NT_CPU_AVX512BW), ("avx512cd", NT_CPU_AVX512CD),
                ("avx512dq", NT_CPU_AVX512DQ), ("avx512vl", NT_CPU_AVX512VL),
                ("zmm state saved by the OS", NT_CPU_OS_ZMM),
            ]
            return (self == .v3 ? v3 : v3 + v4).map { ($0.0, $0.1.rawValue) }
        }

        /// What the level is known as, for the message.
        var nickname: String { self == .v3 ? "AVX2" : "AVX-512" }
    }

    /// The level this binary's NormMath was compiled for; `nil` when it runs on any x86-64.
    static var compiledLevel: Level? {
        #if NORMMATH_X86_64_V4
        return .v4
        #elseif NORMMATH_X86_64_V3
        return .v3
        #else
        return nil
        #endif
    }

    /// The names of the features `level` needs that `features` (a bit set of
    /// `nt_cpu_feature`) lacks, in the order of the level's definition.
    static func missing(for level: Level, in features: UInt32) -> [String] {
        level.requirements.filter { features & $0.bit == 0 }.map(\.name)
    }

    /// Why this binary cannot run on this CPU, or `nil` when it can.
    static func problem(level: Level? = compiledLevel, features: UInt32 = nt_cpu_features()) -> String? {
        guard let level else { return nil }
        let lacking = missing(for: level, in: features)
        guard !lacking.isEmpty else { return nil }
        let older = level == .v4 ? "NORMTUI_MARCH=x86-64-v3 (AVX2) or NORMTUI_MARCH= (any x86-64)" : "NORMTUI_MARCH= (any x86-64)"
        return "this normtui was built for \(level.rawValue) (\(level.nickname)), and this CPU lacks "
            + lacking.joined(separator: ", ")
            + ": build it on this machine (swift package clean && swift build), or for older CPUs with \(older) swift build"
    }
}

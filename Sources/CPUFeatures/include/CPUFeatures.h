// What the processor this program runs on can execute, asked of the CPUID instruction itself
// (not /proc/cpuinfo, which an emulator or a container may not fake), so that normtui can
// refuse to start on a CPU that lacks the vector level NormMath was compiled for, instead of
// dying with SIGILL in its first training step.
#ifndef NORMTUI_CPU_FEATURES_H
#define NORMTUI_CPU_FEATURES_H

/// One bit per feature that x86-64-v3 and x86-64-v4 require (the levels of the x86-64 psABI).
enum nt_cpu_feature {
    NT_CPU_AVX = 1 << 0,
    NT_CPU_AVX2 = 1 << 1,
    NT_CPU_FMA = 1 << 2,
    NT_CPU_BMI1 = 1 << 3,
    NT_CPU_BMI2 = 1 << 4,
    NT_CPU_F16C = 1 << 5,
    NT_CPU_MOVBE = 1 << 6,
    NT_CPU_LZCNT = 1 << 7,
    /// The operating system saves the 256-bit YMM registers (XCR0 bits 1 and 2).
    NT_CPU_OS_YMM = 1 << 8,
    NT_CPU_AVX512F = 1 << 9,
    NT_CPU_AVX512BW = 1 << 10,
    NT_CPU_AVX512CD = 1 << 11,
    NT_CPU_AVX512DQ = 1 << 12,
    NT_CPU_AVX512VL = 1 << 13,
    /// The operating system saves the AVX-512 state: opmask and ZMM registers (XCR0 bits 5–7).
    NT_CPU_OS_ZMM = 1 << 14,
};

/// The features of `nt_cpu_feature` this CPU has; 0 on a processor that is not x86-64.
unsigned int nt_cpu_features(void);

#endif

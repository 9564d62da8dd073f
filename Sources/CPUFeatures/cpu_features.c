#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

unsigned int nt_cpu_features(void) {
    unsigned int eax, ebx, ecx, edx, features = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (ecx & bit_FMA) features |= NT_CPU_FMA;
    if (ecx & bit_MOVBE) features |= NT_CPU_MOVBE;
    if (ecx & bit_F16C) features |= NT_CPU_F16C;
    if (ecx & bit_AVX) features |= NT_CPU_AVX;
    // XGETBV may only run when the OS has set CR4.OSXSAVE.
    if (ecx & bit_OSXSAVE) {
        unsigned long long xcr0 = read_xcr0();
        if ((xcr0 & 0x6) == 0x6) features |= NT_CPU_OS_YMM;
        if ((xcr0 & 0xe6) == 0xe6) features |= NT_CPU_OS_ZMM;
    }
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
        if (ebx & bit_BMI) features |= NT_CPU_BMI1;
        if (ebx & bit_AVX2) features |= NT_CPU_AVX2;
        if (ebx & bit_BMI2) features |= NT_CPU_BMI2;
        if (ebx & bit_AVX512F) features |= NT_CPU_AVX512F;
        if (ebx & bit_AVX512DQ) features |= NT_CPU_AVX512DQ;
        if (ebx & bit_AVX512CD) features |= NT_CPU_AVX512CD;
        if (ebx & bit_AVX512BW) features |= NT_CPU_AVX512BW;
        if (ebx & bit_AVX512VL) features |= NT_CPU_AVX512VL;
    }
    if (__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx)) {
        if (ecx & bit_LZCNT) features |= NT_CPU_LZCNT;
    }
    return features;
}
#else
unsigned int nt_cpu_features(void) { return 0; }
#endif

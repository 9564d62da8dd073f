import CMalloc

/// glibc's malloc serves blocks of 128 KiB and more with fresh mmap'd pages and returns them
/// when freed (later, by a dynamic threshold, it trims the heap's top instead). A training
/// step allocates and frees dozens of activation-sized arrays (2 MiB at 64×32×16×16), so
/// every step faulted all of their pages in again — a sixth of a large step's time.
/// Serving them from the heap and keeping freed memory there lets the next step reuse the
/// same pages. The resident size stays that of the largest step, not more.
enum MallocTuning {
    static func keepFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)  // glibc's maximum on 64-bit systems
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}

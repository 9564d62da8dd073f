/// How the fused-kernels lesson gets the time of a kernel: by running it and reading the clock,
/// or from a fixed model of the memory hierarchy.
///
/// The lesson is about time on the user's own machine, so it measures (``measured``): no two
/// runs agree on the numbers, and no seed fixes them — the seed only sets the tensor's values.
/// Tests need a screen that is the same on every run and a sweep that takes no time, so they
/// build the engine with ``modeled``: nothing is allocated or run, and each kernel "takes" the
/// bytes it moves divided by a bandwidth that drops at made-up cache sizes. The model exists
/// for the golden screens and the engine's bookkeeping tests (which also run the claims'
/// judges on it, to check their arithmetic); what the lesson states about a machine is only
/// ever judged on a measurement.
public enum KernelTiming: Sendable, Equatable {
    /// Run every kernel and time it with the monotonic clock (the lesson, `--check`, `--steps`).
    case measured
    /// Time every kernel with ``ModeledMemory`` (tests, golden screens).
    case modeled
}

/// The made-up machine of ``KernelTiming/modeled``: caches of 1 MiB and 32 MiB, bandwidths
/// that halve past each, a second thread worth 1.8× in the caches and 1.3× in memory, and a
/// fixed cost of arithmetic per element. Round numbers, roughly a laptop of the 2020s.
public enum ModeledMemory {
    /// Seconds per element of a kernel that moves `bytesPerElement` and keeps `footprint`
    /// bytes per element in use (its buffers), on `elements` elements and `threads` threads.
    public static func secondsPerElement(
        bytesPerElement: Double, footprint: Double, arithmetic: Double, elements: Int, threads: Int
    ) -> Double {
        let bytes = footprint * Double(elements)
        let level: (bandwidth: Double, speedup: Double) =
            bytes <= 1 * 1_048_576 ? (60e9, 1.8) : bytes <= 32 * 1_048_576 ? (30e9, 1.8) : (12e9, 1.3)
        // As `Parallel` does: a second thread only from 2 × 64 Ki elements on.
        let speedup = threads > 1 && elements >= 1 << 17 ? level.speedup : 1
        return (bytesPerElement / level.bandwidth + arithmetic) / speedup
    }
}

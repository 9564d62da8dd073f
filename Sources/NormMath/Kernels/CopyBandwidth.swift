/// The machine's copy bandwidth, the floor every memory-bound kernel is compared against: a
/// normalization must at least read x and write y, as a copy reads and writes each element.
///
/// Here in NormMath, not in the executable's benchmark, because two measure it: `normtui
/// bench` (once, for its table) and the fused-kernels lesson (at every size of its sweep).
public enum CopyBandwidth {
    /// Bytes a copy moves per Float element: 4 read and 4 written.
    public static let bytesPerElement = 2 * MemoryLayout<Float>.stride

    /// Copies `count` Floats from `source` to `target` (a `memcpy`): the kernel whose time is
    /// the floor.
    /// - Parameters:
    ///   - source: the elements to read.
    ///   - target: where to write them; must not overlap `source`.
    ///   - count: how many elements.
    @inline(never)
    public static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        target.update(from: source, count: count)
    }

    /// GB/s of `memcpy` on `elements` Floats, counting the bytes read and the bytes written
    /// (8 per element), best of several repetitions.
    /// - Parameter elements: the length of the copied buffer, in Floats.
    /// - Returns: gigabytes per second (10⁹ bytes).
    public static func measure(elements: Int) -> Double {
        let count = max(elements, 1)
        let source = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let target = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer {
            source.deallocate()
            target.deallocate()
        }
        for i in 0..<count { source[i] = Float(i & 1023) }
        target.initialize(repeating: 0, count: count)
        let seconds = bestSeconds { copy(source, to: target, count: count) }
        withExtendedLifetime(target[count / 2]) {}
        return Double(count * bytesPerElement) / seconds / 1e9
    }

    /// The seconds one call of `body` takes at best: 3 untimed calls, then at least 10 timed
    /// ones, and more until 0.2 s have passed — the best time is the one least disturbed by
    /// the rest of the machine (as `normtui bench` times its kernels).
    static func bestSeconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        for _ in 0..<3 { body() }
        var best = Double.infinity
        var count = 0
        let start = clock.now
        while count < 10 || seconds(clock.now - start) < 0.2 {
            let t0 = clock.now
            body()
            best = min(best, seconds(clock.now - t0))
            count += 1
        }
        return best
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

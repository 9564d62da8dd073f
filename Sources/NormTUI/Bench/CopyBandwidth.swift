import Foundation

/// The machine's copy bandwidth, the floor every memory-bound kernel is compared against: a
/// normalization must at least read x and write y, as a copy reads and writes each element.
enum CopyBandwidth {
    /// GB/s of `memcpy` on `elements` Floats, counting the bytes read and the bytes written
    /// (8 per element), best of several repetitions.
    static func measure(elements: Int) -> Double {
        let count = max(elements, 1)
        let source = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let target = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer {
            source.deallocate()
            target.deallocate()
        }
        for i in 0..<count { source[i] = Float(i & 1023) }
        target.initialize(repeating: 0, count: count)
        let bytes = count * MemoryLayout<Float>.stride
        let seconds = Stopwatch.best { memcpy(target, source, bytes) }
        keep(target[count / 2])
        return Double(2 * bytes) / seconds / 1e9
    }
}

/// Splits independent work items over threads, in contiguous chunks.
///
/// Each item is computed by exactly the code that one thread would run, and no item's result
/// depends on another's, so the outcome is bit for bit the same for every thread count. Small
/// jobs stay on the calling thread: handing work to another costs microseconds. The threads
/// are ``WorkerPool``'s, which stay awake between the parts of a step.
enum Parallel {
    /// Calls `body` with disjoint ranges that cover `0..<count`, on up to `threads` threads,
    /// and returns when all have finished.
    /// - Parameter work: a rough cost of all items together (elements touched), to keep small
    ///   jobs on one thread.
    /// - Precondition: calls of `body` for different ranges do not write the same memory.
    static func forEachChunk(count: Int, threads: Int, work: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(threads, count, max(1, work / minimumWorkPerThread))
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        WorkerPool.shared.run(chunks: chunks) { chunk in
            body((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
        }
    }

    /// Calls `body(index)` for every index of `0..<count` — jobs of different kinds or sizes,
    /// such as one activation summary each — on up to `threads` threads, and returns when all
    /// have finished. Thread t takes the indices t, t + T, t + 2T, …: a fixed assignment, so that
    /// no job waits on a shared counter; each job's result is the same on any thread.
    /// - Precondition: calls of `body` for different indices do not write the same memory.
    static func forEach(count: Int, threads: Int, _ body: (Int) -> Void) {
        let workers = min(threads, count)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        WorkerPool.shared.run(chunks: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { body(index) }
        }
    }

    /// `transform(index)` for every index of `0..<count`, computed as ``forEach(count:threads:_:)``
    /// does, in index order.
    static func map<T>(count: Int, threads: Int, _ transform: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = SlotPointer(base: slots.baseAddress!)
            forEach(count: count, threads: threads) { index in base.base[index] = transform(index) }
        }
        return results.map { $0! }
    }

    /// Below this many elements per thread, another thread costs more than it saves.
    static let minimumWorkPerThread = 1 << 16

    /// The results' storage, written by the workers at disjoint indices.
    private struct SlotPointer<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T?>
    }
}

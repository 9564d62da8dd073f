import Dispatch

/// Splits independent work items over threads, in contiguous chunks.
///
/// Each item is computed by exactly the code that one thread would run, and no item's result
/// depends on another's, so the outcome is bit for bit the same for every thread count. Small
/// jobs stay on the calling thread: waking another costs microseconds.
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
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(body: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                shared.body((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
            }
        }
    }

    /// Below this many elements per thread, another thread costs more than it saves.
    static let minimumWorkPerThread = 1 << 16

    /// The body, handed to the worker threads. Safe because the chunks write disjoint memory
    /// (the precondition above) and `concurrentPerform` returns only when all are done.
    private struct SharedBody: @unchecked Sendable {
        let body: (Range<Int>) -> Void
    }
}

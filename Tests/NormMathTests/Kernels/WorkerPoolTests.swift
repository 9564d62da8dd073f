import Dispatch
import Synchronization
import Testing
@testable import NormMath

/// The pool behind `Parallel`: every chunk of every job runs exactly once, whatever the chunk
/// counts in a row, and calls from inside a job or from other threads at the same time fall
/// back to Dispatch instead of waiting on each other.
struct WorkerPoolTests {
    @Test func everyChunkOfEveryJobRunsOnce() {
        let pool = WorkerPool()
        // Chunk counts that grow, shrink and repeat, so that workers sit some jobs out.
        for (job, chunks) in [2, 3, 2, 4, 1, 2, 4, 4, 3, 2].enumerated() {
            // Each chunk writes only its own slot.
            let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: chunks)
            defer { runs.deallocate() }
            runs.initialize(repeating: 0)
            let slots = Slots(base: runs.baseAddress!)
            pool.run(chunks: chunks) { chunk in slots.base[chunk] += job + 1 }
            #expect(Array(runs) == Array(repeating: job + 1, count: chunks), "job \(job)")
        }
        // Many short jobs back to back: the workers are still watching when the next arrives.
        let total = Atomic<Int>(0)
        for _ in 0..<2_000 { pool.run(chunks: 2) { chunk in total.add(chunk + 1, ordering: .relaxed) } }
        #expect(total.load(ordering: .relaxed) == 2_000 * 3)
    }

    /// Memory the chunks write at disjoint places.
    struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int>
    }

    @Test func aJobMayUseParallelItself() {
        let pool = WorkerPool()
        let total = Atomic<Int>(0)
        pool.run(chunks: 2) { _ in
            // The pool is busy: this runs on Dispatch.
            pool.run(chunks: 3) { inner in total.add(inner + 1, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 2 * 6)
    }

    @Test func callersOnSeveralThreadsAllFinish() {
        let pool = WorkerPool()
        let total = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<200 { pool.run(chunks: 2) { chunk in total.add(chunk + 1, ordering: .relaxed) } }
        }
        #expect(total.load(ordering: .relaxed) == 4 * 200 * 3)
    }
}

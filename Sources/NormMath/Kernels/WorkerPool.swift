import Foundation
import Synchronization

/// Threads that stay awake between the parallel parts of a training step.
///
/// A step hands work to other threads a dozen times or more (each convolution, each
/// normalization, the probes), with short serial stretches in between. Waking a parked thread
/// costs tens of microseconds — on this project's 2-core virtual machine `concurrentPerform`
/// with two 20 µs halves took 80 µs, not 40, and at the default shape two threads were slower
/// than one (docs/PERFORMANCE.md). So the pool's workers, once woken, watch for the next job
/// for ``spinDuration`` before they go to sleep again, as OpenMP runtimes do: a step's next
/// parallel part finds them awake.
///
/// One caller at a time: a call made while the pool is busy — from another thread, or from
/// inside a job — runs on `concurrentPerform` instead. Which thread runs a chunk never changes
/// what the chunk computes, so results are the same bits either way.
final class WorkerPool: @unchecked Sendable {
    /// The pool every ``Parallel`` call tries first.
    static let shared = WorkerPool()

    /// How long an idle worker keeps watching for work before it sleeps: longer than the serial
    /// stretches of a step, short enough that an idle program does not keep a core busy.
    static let spinDuration: UInt64 = 300_000  // ns

    /// Counts jobs; a worker runs its chunk when this moves past the last value it saw.
    private let generation = Atomic<Int>(0)
    /// Workers that have not yet finished the current job; the caller waits for 0. Every
    /// worker answers every job, also one with fewer chunks than workers, so that none can
    /// still be looking at a job when the caller posts the next.
    private let remaining = Atomic<Int>(0)
    /// Whether a caller holds the pool.
    private let busy = Atomic<Bool>(false)
    /// The job and its chunk count, written by the caller before `generation` moves (release)
    /// and read by the workers after they see it move (acquire).
    private var job: Job?
    private var chunkCount = 0
    /// Workers started so far; worker w runs chunk w (the caller runs chunk 0).
    private var workerCount = 0
    /// Sleeping workers wait here; only taken when a worker gives up spinning or a job is posted.
    private let wakeUp = NSCondition()
    private var sleepers = 0

    private struct Job: @unchecked Sendable {
        let body: (Int) -> Void
    }

    /// Calls `body(0)`, …, `body(chunks − 1)`, each once, on `chunks` different threads (this
    /// one included), and returns when all have returned.
    /// - Precondition: calls for different chunks do not write the same memory.
    func run(chunks: Int, _ body: (Int) -> Void) {
        guard chunks > 1 else {
            if chunks == 1 { body(0) }
            return
        }
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            // Another caller (or a job of this one) holds the pool.
            withoutActuallyEscaping(body) { body in
                let job = Job(body: body)
                DispatchQueue.concurrentPerform(iterations: chunks) { job.body($0) }
            }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        while workerCount < chunks - 1 { startWorker(number: workerCount + 1) }
        withoutActuallyEscaping(body) { body in
            job = Job(body: body)
            chunkCount = chunks
            remaining.store(workerCount, ordering: .relaxed)
            wakeUp.lock()
            generation.add(1, ordering: .releasing)
            if sleepers > 0 { wakeUp.broadcast() }
            wakeUp.unlock()
            body(0)
            var polls = 0
            while remaining.load(ordering: .acquiring) > 0 {
                // With more threads than cores a worker may be waiting for this one's core.
                polls += 1
                if polls & 1023 == 0 { sched_yield() }
            }
            job = nil
        }
    }

    private func startWorker(number: Int) {
        workerCount = number
        let seen = generation.load(ordering: .relaxed)
        let thread = Thread { [self] in work(number: number, seen: seen) }
        thread.name = "NormMath worker \(number)"
        thread.start()
    }

    private func work(number: Int, seen initial: Int) {
        var seen = initial
        while true {
            seen = waitForJob(after: seen)
            // A job with fewer chunks than workers leaves the higher-numbered ones idle.
            if number < chunkCount { job!.body(number) }
            remaining.subtract(1, ordering: .releasing)
        }
    }

    /// Watches `generation` for ``spinDuration`` after the last job, then sleeps until a caller
    /// moves it; returns its new value.
    private func waitForJob(after seen: Int) -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        var polls = 0
        while true {
            let now = generation.load(ordering: .acquiring)
            if now != seen { return now }
            polls += 1
            // Reading the clock is slower than reading the counter: look at it now and then,
            // and let a thread waiting for this core have it.
            if polls & 1023 == 0 {
                if DispatchTime.now().uptimeNanoseconds - start > Self.spinDuration { break }
                sched_yield()
            }
        }
        wakeUp.lock()
        defer { wakeUp.unlock() }
        sleepers += 1
        while generation.load(ordering: .acquiring) == seen { wakeUp.wait() }
        sleepers -= 1
        return generation.load(ordering: .acquiring)
    }
}

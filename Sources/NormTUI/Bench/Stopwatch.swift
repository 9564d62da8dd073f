import Foundation

/// Wall-clock timing for `normtui bench`: warm up, then repeat and keep the best (kernels) or
/// the median (training steps) — the best time is the one least disturbed by the rest of the
/// machine, the median is what a user waits for on average.
enum Stopwatch {
    /// Seconds since an arbitrary start, from the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The seconds one call of `body` takes at best: `warmUp` untimed calls, then at least
    /// `repetitions` timed ones, and more until `minimumSeconds` have passed (so that short
    /// kernels get enough samples for the best one to be representative).
    static func best(
        warmUp: Int = 3, repetitions: Int = 10, minimumSeconds: Double = 0.2, _ body: () -> Void
    ) -> Double {
        for _ in 0..<warmUp { body() }
        var best = Double.infinity
        var count = 0
        let start = now()
        while count < repetitions || now() - start < minimumSeconds {
            let t0 = now()
            body()
            best = min(best, now() - t0)
            count += 1
        }
        return best
    }

    /// Seconds of CPU time the calling thread has used. On a shared machine it leaves out the
    /// time the thread waited for a core, which wall-clock time includes.
    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The median of `repetitions` timed calls after `warmUp` untimed ones, in seconds.
    static func median(warmUp: Int, repetitions: Int, _ body: () -> Void) -> Double {
        medians(warmUp: warmUp, repetitions: repetitions, body).wall
    }

    /// The medians of `repetitions` timed calls after `warmUp` untimed ones, in seconds: wall
    /// clock, and the calling thread's CPU time (meaningful when `body` runs on this thread alone).
    static func medians(warmUp: Int, repetitions: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
        for _ in 0..<warmUp { body() }
        var times: [Double] = [], cpuTimes: [Double] = []
        times.reserveCapacity(repetitions)
        cpuTimes.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let t0 = now(), c0 = threadCPUTime()
            body()
            cpuTimes.append(threadCPUTime() - c0)
            times.append(now() - t0)
        }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        return (median(times), median(cpuTimes))
    }
}

/// Keeps a computed value alive so that the optimizer cannot drop the work that made it.
@inline(never)
func keep<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

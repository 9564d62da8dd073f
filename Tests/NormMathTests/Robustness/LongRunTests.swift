import Foundation
import NormMath
import XCTest

/// A soak of 100,000 training steps, headless, recording into a ``TrainingHistory`` as the UI
/// does: resident memory must stay flat, the step time must not creep up, and two identical
/// runs must agree bit for bit at the end.
///
/// An XCTest on purpose: XCTest cases run one at a time, before and apart from the parallel
/// Swift Testing tests, so the process's resident memory is this run's alone.
/// `SOAK_STEPS=N` runs N steps instead (e.g. 1000000 for a longer soak outside CI).
final class LongRunTests: XCTestCase {
    static let steps = ProcessInfo.processInfo.environment["SOAK_STEPS"].flatMap(Int.init) ?? 100_000

    /// A small conv run that learns without diverging: ~25 µs a step, so 100,000 steps take a
    /// few seconds per run.
    static func config() -> ExperimentConfig {
        var config = ExperimentConfig()
        config.variant = .group
        config.groups = 2
        config.shape = TensorShape(n: 8, c: 4, h: 4, w: 4)
        config.depth = 2
        config.dataset = "blobs"
        config.learningRate = 0.02
        config.evalEvery = 1000
        return config
    }

    /// Resident memory of this process in bytes, from /proc/self/statm (second field, pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// What a run ends with, to compare runs bit for bit.
    struct Fingerprint: Equatable {
        var step: Int
        /// The loss at every checkpoint, as bit patterns.
        var losses: [UInt64]
        /// FNV-1a over the bit patterns of every weight, bias, γ, β and running statistic.
        var weights: UInt64
    }

    static func checksum(_ network: Network) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ values: [Float]?) {
            for value in values ?? [] {
                hash = (hash ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3
            }
        }
        for block in network.blocks {
            mix(block.weight)
            mix(block.bias)
            mix(block.norm.gamma)
            mix(block.norm.beta)
            mix(block.norm.runningMean)
            mix(block.norm.runningVar)
        }
        mix(network.head.weight)
        mix(network.head.bias)
        return hash
    }

    /// Runs `steps` steps; measures memory after 1,000 steps and at the end, and the time of
    /// each tenth of the run.
    static func run(steps: Int, measure: Bool) throws -> (fingerprint: Fingerprint, memory: (Int, Int), tenths: [Double]) {
        var trainer = try Trainer(config: config())
        var history = TrainingHistory(layerCount: config().depth)
        var losses: [UInt64] = []
        var memoryAfter1000 = 0
        var tenths: [Double] = []
        let tenth = max(1, steps / 10)
        var clock = ContinuousClock.now
        for step in 1...steps {
            let report = trainer.step()
            history.record(report)
            XCTAssertNil(report.divergence, "the soak configuration diverged at step \(step)")
            if report.divergence != nil { break }
            if step == 1000 || step == 10_000 || step == steps { losses.append(report.loss.bitPattern) }
            if measure, step == 1000 { memoryAfter1000 = residentBytes() }
            if step % tenth == 0 {
                let now = ContinuousClock.now
                let elapsed = (now - clock).components
                tenths.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
                clock = now
            }
        }
        XCTAssertEqual(history.latest?.step, steps)
        XCTAssertEqual(history.loss.count, min(steps, TrainingHistory.defaultCapacity), "the history is bounded")
        let fingerprint = Fingerprint(step: trainer.stepCount, losses: losses, weights: checksum(trainer.network))
        return (fingerprint, (memoryAfter1000, measure ? residentBytes() : 0), tenths)
    }

    func testHundredThousandStepsKeepMemoryFlatAndRepeatBitForBit() throws {
        let steps = Self.steps
        XCTAssertGreaterThanOrEqual(steps, 1000)
        let first = try Self.run(steps: steps, measure: true)
        let second = try Self.run(steps: steps, measure: false)

        let (early, late) = first.memory
        print("soak: \(steps) steps; resident memory \(early / 1024) KiB after 1,000 steps, \(late / 1024) KiB after \(steps); seconds per tenth: \(first.tenths.map { String(format: "%.2f", $0) }.joined(separator: " "))")
        XCTAssertGreaterThan(early, 0, "/proc/self/statm is readable")
        XCTAssertLessThanOrEqual(Double(late), Double(early) * 1.10, "resident memory grew by more than 10%")

        // The last tenth of the run is not markedly slower than the second (the first warms up):
        // a growing history or leak would show here. Loose, since machines are shared.
        if first.tenths.count == 10 {
            XCTAssertLessThan(first.tenths[9], first.tenths[1] * 3 + 0.05, "steps got slower over the run")
        }

        XCTAssertEqual(first.fingerprint, second.fingerprint, "two identical runs ended differently")
        XCTAssertEqual(first.fingerprint.step, steps)
    }
}

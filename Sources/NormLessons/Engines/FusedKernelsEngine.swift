import NormMath

/// Lesson 13's experiment (glossary: "Implementierungsaspekte — Berechnungseffizienz"): the
/// same normalization done by NormMath's fused kernel and by four separate passes, as a
/// framework without fusion runs it (``Normalization/forwardUnfused(_:shape:threads:normalized:into:)``),
/// timed on the user's machine over tensors from 16 KiB, inside the first caches, to 256 MiB,
/// far past the last-level cache — with a `memcpy` of the same tensor as the yardstick (the
/// floor in bytes: every normalization reads x and writes y at least once).
///
/// One unit of work is one round at one size: every kernel (batch and layer norm, fused and
/// unfused, 1 and 2 threads) and the copy, each timed once, one after another. Four rounds per
/// size; a kernel's time is the median of its rounds. Interleaving the kernels within a round
/// makes a disturbance from another program fall on all of them alike, so that their ratios
/// hold on a busy machine too.
public struct FusedKernelsEngine: LessonEngine {
    /// One way of normalizing the tensor.
    public struct Kernel: Hashable, Sendable {
        public var variant: NormVariant
        public var fused: Bool
        public var threads: Int

        public init(variant: NormVariant, fused: Bool, threads: Int) {
            self.variant = variant
            self.fused = fused
            self.threads = threads
        }

        /// Bytes that cross the memory bus per element, counted from the code: the fused
        /// two-pass kernel reads x for its statistics, reads it again to normalize and writes
        /// y (4 + 4 + 4 — its pilot of 1/16 of x for the shift left out); the unfused passes
        /// read x for μ, again for σ², read x and write x̂, read x̂ and write y (4 + 4 + 8 + 8).
        public var bytesPerElement: Double { fused ? 12 : 24 }

        /// Bytes per element the kernel keeps in buffers: x and y, and x̂ when unfused.
        var footprint: Double { fused ? 8 : 12 }
    }

    /// The normalizations compared: batch norm (statistics per channel, across the whole
    /// tensor) and layer norm (per sample, 16 KiB each).
    public static let variants: [NormVariant] = [.batch, .layer]
    /// Every kernel, in the order each round runs them.
    public static let kernels: [Kernel] = variants.flatMap { variant in
        [true, false].flatMap { fused in [1, 2].map { Kernel(variant: variant, fused: fused, threads: $0) } }
    }
    /// Tensor sizes in elements: 4 Ki … 64 Mi Floats, 16 KiB … 256 MiB, doubling.
    public static let sizes: [Int] = (12...26).map { 1 << $0 }
    /// Timed runs of every kernel per size.
    public static let rounds = 4
    /// One sample: C = 16 channels of 16 × 16; N grows with the size.
    public static let sampleShape = (c: 16, h: 16, w: 16)
    /// A round times each kernel over at least this many elements — several runs on a small
    /// tensor, which then stays in the cache from run to run — so that no time is a few
    /// clock ticks.
    static let elementsPerTiming = 1 << 20

    /// What one size measured: per round, seconds per element of the copy and of every kernel.
    public struct SizePoint: Sendable {
        public let elements: Int
        public var copy: [Double] = []
        public var kernels: [Kernel: [Double]] = [:]

        public var bytes: Int { elements * MemoryLayout<Float>.stride }
        public var roundsDone: Int { copy.count }

        /// Median nanoseconds per element of the copy, `nil` before the first round.
        public var copyNanoseconds: Double? { Self.median(copy).map { $0 * 1e9 } }

        /// Median nanoseconds per element of `kernel`, `nil` before the first round.
        public func nanoseconds(_ kernel: Kernel) -> Double? { Self.median(kernels[kernel] ?? []).map { $0 * 1e9 } }

        /// The copy's GB/s: 8 bytes per element (read + write) over its time.
        public var copyGigabytesPerSecond: Double? {
            copyNanoseconds.map { Double(CopyBandwidth.bytesPerElement) / $0 }
        }

        /// The kernel's effective GB/s: the bytes it moves over its time.
        public func gigabytesPerSecond(_ kernel: Kernel) -> Double? {
            nanoseconds(kernel).map { kernel.bytesPerElement / $0 }
        }

        /// The time per element the kernel's bytes would take at the copy's bandwidth: an
        /// estimate, not a bound — reads cost less than writes, and the copy reads as many as
        /// it writes, so a kernel that reads more can come in under it.
        public func nanosecondsAtCopySpeed(_ kernel: Kernel) -> Double? {
            copyGigabytesPerSecond.map { kernel.bytesPerElement / $0 }
        }

        static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted(), middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    public let seed: UInt64
    public let timing: KernelTiming
    /// One per size, filled round by round.
    public private(set) var points: [SizePoint] = FusedKernelsEngine.sizes.map { SizePoint(elements: $0) }
    public private(set) var stepCount = 0
    /// Seconds the sweep has spent measuring so far (modeled: the modeled time), for the
    /// estimate on screen; never in the record, never judged.
    public private(set) var elapsedSeconds = 0.0
    /// The normalization the chart and the table show (`v` switches); both are measured.
    public private(set) var shownVariant: NormVariant = .batch
    /// The thread count the chart shows (`t` switches); the table shows both.
    public private(set) var shownThreads = 1
    /// The tensors of the size being measured. A reference, so that the copy of the engine
    /// the screen draws shares them instead of copying up to 768 MiB; only ``advance()`` — on
    /// the lesson's thread — touches them.
    private let buffers = Buffers()
    /// The seed's values, repeated to fill x at any size (their order does not change the
    /// time; generating 64 Mi normals would).
    private let block: [Float]

    /// - Parameters:
    ///   - seed: sets the tensor's values, nothing else (the times are the machine's).
    ///   - timing: ``KernelTiming/measured`` for the lesson; ``KernelTiming/modeled`` in tests.
    public init(seed: UInt64 = 1, timing: KernelTiming = .measured) {
        self.seed = seed
        self.timing = timing
        var generator = SeededGenerator(seed: seed, stream: 13)
        block = (0..<(1 << 16)).map { _ in generator.nextNormal() * 2 + 0.5 }
    }

    /// The lesson's engine on the first of `seeds` (timings have no spread a seed would explain).
    public init(seeds: LessonSeeds, timing: KernelTiming = .measured) {
        self.init(seed: seeds.first, timing: timing)
    }

    /// Index of the size the next round measures.
    public var currentSize: Int? { isFinished ? nil : stepCount / Self.rounds }
    public var isFinished: Bool { stepCount >= Self.sizes.count * Self.rounds }

    /// The work done, weighted as the time it takes: each round costs its size, at least
    /// ``elementsPerTiming``.
    public var progress: Double? {
        let done = (0..<stepCount).reduce(0) { $0 + Self.work(round: $1) }
        return Double(done) / Double(Self.totalWork)
    }

    static func work(round: Int) -> Int { max(sizes[min(round / rounds, sizes.count - 1)], elementsPerTiming) }
    static let totalWork = (0..<(sizes.count * rounds)).reduce(0) { $0 + work(round: $1) }

    /// Seconds the rest of the sweep should take at the pace measured so far; `nil` before
    /// the first round.
    public var estimatedRemainingSeconds: Double? {
        guard stepCount > 0, let progress, progress > 0 else { return nil }
        return elapsedSeconds * (1 - progress) / progress
    }

    public mutating func advance() {
        guard let index = currentSize else { return }
        let clock = ContinuousClock(), start = clock.now
        var point = points[index]
        switch timing {
        case .measured: measureRound(&point)
        case .modeled: modelRound(&point)
        }
        points[index] = point
        stepCount += 1
        if isFinished { buffers.release() }
        elapsedSeconds += timing == .measured ? Self.seconds(clock.now - start) : modeledRoundSeconds(point)
    }

    /// Layers with γ and β that are not 1 and 0, so that no multiplication is skipped.
    static func layer(_ variant: NormVariant) -> Normalization {
        var layer = Normalization(config: NormalizationConfig(variant: variant), channels: sampleShape.c)
        layer.gamma = layer.gamma.map { $0.indices.map { 1 + Float($0 % 7) * 0.1 } }
        layer.beta = layer.beta.map { $0.indices.map { Float($0 % 5) * 0.1 } }
        return layer
    }

    public static func shape(elements: Int) -> TensorShape {
        let (c, h, w) = sampleShape
        return TensorShape(n: elements / (c * h * w), c: c, h: h, w: w)
    }

    private func measureRound(_ point: inout SizePoint) {
        let elements = point.elements, shape = Self.shape(elements: elements)
        let fresh = buffers.prepare(elements: elements, block: block)
        let runs = max(1, Self.elementsPerTiming / elements)
        let clock = ContinuousClock()
        var layers = Dictionary(uniqueKeysWithValues: Self.variants.map { ($0, Self.layer($0)) })
        let buffers = self.buffers
        func copy() {
            buffers.x.withUnsafeBufferPointer { x in
                buffers.y.withUnsafeMutableBufferPointer { y in
                    CopyBandwidth.copy(x.baseAddress!, to: y.baseAddress!, count: elements)
                }
            }
        }
        func run(_ kernel: Kernel) {
            if kernel.fused {
                _ = try? layers[kernel.variant]!.forward(buffers.x, shape: shape, mode: .train, threads: kernel.threads, into: &buffers.y)
            } else {
                try? layers[kernel.variant]!.forwardUnfused(
                    buffers.x, shape: shape, threads: kernel.threads, normalized: &buffers.normalized, into: &buffers.y)
            }
        }
        // A new size: one untimed unfused run writes x̂ and y once, so that no timed run
        // pays for the first touch of their pages.
        if fresh { run(Kernel(variant: .layer, fused: false, threads: 2)) }
        func time(_ body: () -> Void) -> Double {
            let start = clock.now
            for _ in 0..<runs { body() }
            return Self.seconds(clock.now - start) / Double(runs * elements)
        }
        point.copy.append(time(copy))
        for kernel in Self.kernels { point.kernels[kernel, default: []].append(time { run(kernel) }) }
    }

    private func modelRound(_ point: inout SizePoint) {
        point.copy.append(ModeledMemory.secondsPerElement(
            bytesPerElement: Double(CopyBandwidth.bytesPerElement), footprint: 8, arithmetic: 0, elements: point.elements, threads: 1))
        for kernel in Self.kernels {
            point.kernels[kernel, default: []].append(ModeledMemory.secondsPerElement(
                bytesPerElement: kernel.bytesPerElement, footprint: kernel.footprint,
                arithmetic: kernel.fused ? 0.15e-9 : 0.2e-9, elements: point.elements, threads: kernel.threads))
        }
    }

    private func modeledRoundSeconds(_ point: SizePoint) -> Double {
        let perElement = (point.copy.last ?? 0) + Self.kernels.reduce(0) { $0 + (point.kernels[$1]?.last ?? 0) }
        return perElement * Double(max(point.elements, Self.elementsPerTiming))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    /// The sizes past the last-level cache of most machines: 64, 128 and 256 MiB, x and y
    /// together twice that (the lesson's claims are judged over them together, so that one
    /// disturbed size does not decide).
    public static let pastTheCaches: [Int] = Array(sizes.indices.suffix(3))
    /// The sizes that fit in a core's L2 cache on common machines: 16 KiB to 1 MiB.
    public static let inTheCaches: [Int] = Array(sizes.indices.filter { sizes[$0] * MemoryLayout<Float>.stride <= 1 << 20 })

    /// Σ of `kernel`'s median ns per element over the sizes `indices`; `nil` until all are measured.
    public func totalNanoseconds(_ kernel: Kernel, over indices: [Int]) -> Double? {
        let times = indices.map { points[$0].nanoseconds(kernel) }
        return times.contains { $0 == nil } ? nil : times.reduce(0) { $0 + $1! }
    }

    /// Σ of the copy's median ns per element over the sizes `indices`; `nil` until all are measured.
    public func totalCopyNanoseconds(over indices: [Int]) -> Double? {
        let times = indices.map { points[$0].copyNanoseconds }
        return times.contains { $0 == nil } ? nil : times.reduce(0) { $0 + $1! }
    }

    /// Effective GB/s of `kernel` over the sizes `indices` together: its bytes over its time.
    public func gigabytesPerSecond(_ kernel: Kernel, over indices: [Int]) -> Double? {
        totalNanoseconds(kernel, over: indices).map { kernel.bytesPerElement * Double(indices.count) / $0 }
    }

    /// Unfused time over fused time of `variant` on `threads` threads at size `index`.
    public func slowdown(_ variant: NormVariant, threads: Int, size index: Int) -> Double? {
        let point = points[index]
        guard let fused = point.nanoseconds(Kernel(variant: variant, fused: true, threads: threads)),
              let unfused = point.nanoseconds(Kernel(variant: variant, fused: false, threads: threads))
        else { return nil }
        return unfused / fused
    }

    public var keys: [LessonKey] {
        [
            LessonKey("v", help: Localized(en: "show Batch Norm / Layer Norm", de: "Batch Norm / Layer Norm zeigen")),
            LessonKey("t", help: Localized(en: "chart: 1 / 2 threads", de: "Diagramm: 1 / 2 Threads")),
        ]
    }

    /// `v` shows the other normalization, `t` the other thread count. Everything is measured
    /// in every round, so nothing of the experiment changes, and they say nothing: a message
    /// would mark the lesson as changed and stop the judging of its claims (the chart's title
    /// names what it shows).
    public mutating func handle(_ key: Character) -> Localized? {
        switch key {
        case "v": shownVariant = shownVariant == .batch ? .layer : .batch
        case "t": shownThreads = shownThreads == 1 ? 2 : 1
        default: break
        }
        return nil
    }

    public func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        let index = min(max(stepCount - 1, 0) / Self.rounds, Self.sizes.count - 1)
        let point = points[index]
        record.append("bytes", point.bytes)
        record.append("rounds", point.roundsDone)
        record.append("copy_ns_per_element", point.copyNanoseconds)
        record.append("copy_gbps", point.copyGigabytesPerSecond)
        for kernel in Self.kernels {
            record.append(Self.column(kernel), point.nanoseconds(kernel))
        }
        return record
    }

    /// The record's name for a kernel's time, e.g. `bn_fused_1t_ns_per_element`.
    static func column(_ kernel: Kernel) -> String {
        "\(kernel.variant == .batch ? "bn" : "ln")_\(kernel.fused ? "fused" : "unfused")_\(kernel.threads)t_ns_per_element"
    }
}

/// x, x̂ and y of the size being measured, kept from round to round (allocating 768 MiB per
/// round would cost more than the rounds). `@unchecked Sendable`: only the engine's
/// ``FusedKernelsEngine/advance()``, on the lesson's one thread, reads or writes them.
private final class Buffers: @unchecked Sendable {
    var x: [Float] = []
    var normalized: [Float] = []
    var y: [Float] = []

    /// Makes the buffers `elements` long, x filled with `block` repeated; returns whether
    /// they are new (their pages not yet touched).
    func prepare(elements: Int, block: [Float]) -> Bool {
        guard x.count != elements else { return false }
        release()
        x = [Float](unsafeUninitializedCapacity: elements) { buffer, initialized in
            block.withUnsafeBufferPointer { source in
                var start = 0
                while start < elements {
                    let count = min(source.count, elements - start)
                    (buffer.baseAddress! + start).initialize(from: source.baseAddress!, count: count)
                    start += count
                }
            }
            initialized = elements
        }
        normalized = [Float](repeating: 0, count: elements)
        y = [Float](repeating: 0, count: elements)
        return true
    }

    func release() {
        x = []
        normalized = []
        y = []
    }
}

extension Normalization {
    /// The forward pass as a framework without kernel fusion runs it: four separate passes
    /// over the tensor, each one finished over every statistics group before the next begins,
    /// each one a kernel of its own that reads its input from memory and writes its output back:
    ///
    /// 1. μ per group (reads x),
    /// 2. σ² per group, Σ(x − μ)²/n (reads x),
    /// 3. x̂ = (x − μ)/√(σ² + ε) (reads x, writes x̂),
    /// 4. y = γ·x̂ + β (reads x̂, writes y).
    ///
    /// 4 + 4 + 8 + 8 = 24 bytes per element cross the memory bus, where the fused
    /// ``forward(_:shape:mode:threads:into:)`` moves 12 (two reads of x, one write of y). The
    /// result is the fused pass's within Float rounding; it exists to be timed against it
    /// (the fused-kernels lesson), so it uses the batch's statistics (train mode) and leaves
    /// the running statistics alone. The variance is the textbook two-pass one, centred on μ.
    /// - Parameters:
    ///   - x: the input, NCHW.
    ///   - shape: x's shape `[N, C, H, W]`.
    ///   - threads: how many threads may share each pass; the result is the same for every count.
    ///   - normalized: x̂, the temporary the third pass writes; replaced by a new array only
    ///     when its length is not x's.
    ///   - y: the output, replaced by a new array only when its length is not x's.
    /// - Throws: PyTorch's errors for shapes the variant cannot normalize.
    public func forwardUnfused(
        _ x: [Float], shape: TensorShape, threads: Int = 1, normalized: inout [Float], into y: inout [Float]
    ) throws(NormalizationError) {
        try config.validate(shape: shape, mode: .train)
        guard x.count == shape.count else {
            throw .invalidShape("x has \(x.count) values, but shape \(shape.dims) holds \(shape.count)")
        }
        guard gamma.map({ $0.count == shape.c }) ?? true, shape.c == channels || config.variant == .none else {
            throw .invalidShape("the layer has \(channels) channels, but shape \(shape.dims) has C = \(shape.c)")
        }
        if normalized.count != x.count { normalized = [Float](repeating: 0, count: x.count) }
        if y.count != x.count { y = [Float](repeating: 0, count: x.count) }
        if config.variant == .none {
            y = x
            return
        }
        let layout = config.layout(for: shape)
        var mean = [Double](repeating: 0, count: layout.groupCount)
        var inverse = [Double](repeating: 0, count: layout.groupCount)
        x.withUnsafeBufferPointer { xb in
            normalized.withUnsafeMutableBufferPointer { xHat in
                y.withUnsafeMutableBufferPointer { yb in
                    mean.withUnsafeMutableBufferPointer { meanb in
                        inverse.withUnsafeMutableBufferPointer { inverseb in
                            let passes = UnfusedPasses(
                                layer: self, layout: layout, x: xb.baseAddress!, normalized: xHat.baseAddress!,
                                y: yb.baseAddress!, mean: meanb.baseAddress!, inverseStd: inverseb.baseAddress!)
                            // Each pass is its own parallel loop over the groups: one kernel launch.
                            for pass in UnfusedPasses.Pass.allCases {
                                Parallel.forEachChunk(count: layout.groupCount, threads: threads, work: x.count) {
                                    passes.run(pass, groups: $0)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The four kernels of ``Normalization/forwardUnfused(_:shape:threads:normalized:into:)`` on
/// raw pointers, for a range of statistics groups. Each walks its groups' segments in memory
/// order, as the fused kernel does, so that the two differ only in how often they go to memory.
struct UnfusedPasses {
    enum Pass: CaseIterable {
        case mean, variance, normalize, scaleAndShift
    }

    let layer: Normalization
    let layout: StatisticsLayout
    let x: UnsafePointer<Float>
    let normalized: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let mean: UnsafeMutablePointer<Double>
    /// σ² between passes 2 and 3, then 1/√(σ² + ε) (or 1/(σ + ε)).
    let inverseStd: UnsafeMutablePointer<Double>

    func run(_ pass: Pass, groups: Range<Int>) {
        let count = Double(layout.elementsPerGroup)
        let hw = layout.shape.spatial
        switch pass {
        case .mean:
            for g in groups { mean[g] = 0 }
            forEachSegment(of: groups) { g, start in mean[g] += Reduce.sum(x + start, layout.segmentLength) }
            for g in groups { mean[g] = layer.config.variant.centers ? mean[g] / count : 0 }
        case .variance:
            for g in groups { inverseStd[g] = 0 }
            forEachSegment(of: groups) { g, start in
                inverseStd[g] += Reduce.sumOfSquaredDeviations(x + start, layout.segmentLength, from: mean[g])
            }
            for g in groups { inverseStd[g] = layer.inverseStd(variance: inverseStd[g] / count) }
        case .normalize:
            forEachSegment(of: groups) { g, start in
                Reduce.normalize(
                    x + start, normalized + start, layout.segmentLength, mean: Float(mean[g]),
                    scale: Float(inverseStd[g]), shift: 0)
            }
        case .scaleAndShift:
            forEachSegment(of: groups) { _, segmentStart in
                for start in stride(from: segmentStart, to: segmentStart + layout.segmentLength, by: hw) {
                    let c = layout.shape.channel(ofFlatIndex: start)
                    Reduce.normalize(
                        normalized + start, y + start, hw, mean: 0, scale: layer.gamma?[c] ?? 1,
                        shift: layer.beta?[c] ?? 0)
                }
            }
        }
    }

    /// Calls `body(group, start)` for every segment of the groups, in memory order.
    @inline(__always)
    func forEachSegment(of groups: Range<Int>, _ body: (_ group: Int, _ start: Int) -> Void) {
        for segment in 0..<layout.segmentsPerGroup {
            for g in groups { body(g, layout.segmentStart(group: g, segment: segment)) }
        }
    }
}

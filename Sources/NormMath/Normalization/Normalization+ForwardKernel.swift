/// The forward pass on raw pointers, for a range of statistics groups: what
/// ``Normalization/forward(_:shape:mode:threads:into:)`` runs on one thread or several. It
/// reads only the layer and x, and writes only its own groups' part of y and of the statistics.
struct ForwardKernel {
    let layer: Normalization
    let layout: StatisticsLayout
    let x: UnsafePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let mean: UnsafeMutablePointer<Double>
    let variance: UnsafeMutablePointer<Double>
    let inverseStd: UnsafeMutablePointer<Double>
    /// Batch norm's running statistics in eval mode, used instead of the batch's.
    let running: (mean: [Float], variance: [Float])?

    /// Statistics, then `y = (x − μ)·(γ_c/σ) + β_c` plane by plane.
    ///
    /// A group made of one contiguous run (every variant but batch norm) is done whole while
    /// it is still in the cache. Batch norm's groups — channels — are N segments C·H·W apart:
    /// at that power-of-two stride they compete for the same cache sets, so the groups of the
    /// range are swept together in memory order instead. Each group's sums are added in the
    /// same order either way, so the results do not depend on the sweep.
    func run(groups: Range<Int>) {
        if layout.segmentsPerGroup == 1 {
            for g in groups {
                computeStatistics(groups: g..<(g + 1))
                normalize(groups: g..<(g + 1))
            }
        } else {
            computeStatistics(groups: groups)
            normalize(groups: groups)
        }
    }

    func computeStatistics(groups: Range<Int>) {
        if let running {
            for g in groups { (mean[g], variance[g]) = (Double(running.mean[g]), Double(running.variance[g])) }
        } else if !layer.config.variant.centers {
            // RMSNorm: the mean square, no centering.
            for g in groups {
                (mean[g], variance[g]) = (0, Moments.meanSquare(
                    x + layout.segmentStart(group: g, segment: 0), segmentCount: layout.segmentsPerGroup,
                    segmentLength: layout.segmentLength, segmentStride: layout.segmentStride))
            }
        } else if layout.segmentsPerGroup > 1, layer.config.varianceAlgorithm == .twoPass {
            // Batch norm: two-pass's second pass for all channels of the range in one sweep.
            var sums = groups.map { g in
                Moments.ShiftedSums(shift: Moments.pilotMean(
                    x + layout.segmentStart(group: g, segment: 0), segmentCount: layout.segmentsPerGroup,
                    segmentLength: layout.segmentLength, segmentStride: layout.segmentStride))
            }
            forEachSegment(of: groups) { g, start in sums[g - groups.lowerBound].add(x + start, layout.segmentLength) }
            for g in groups { (mean[g], variance[g]) = sums[g - groups.lowerBound].meanAndVariance }
        } else {
            for g in groups {
                (mean[g], variance[g]) = Moments.meanAndVariance(
                    x + layout.segmentStart(group: g, segment: 0), segmentCount: layout.segmentsPerGroup,
                    segmentLength: layout.segmentLength, segmentStride: layout.segmentStride,
                    algorithm: layer.config.varianceAlgorithm)
            }
        }
        for g in groups { inverseStd[g] = layer.inverseStd(variance: variance[g]) }
    }

    func normalize(groups: Range<Int>) {
        let hw = layout.shape.spatial
        forEachSegment(of: groups) { g, segmentStart in
            let m = Float(mean[g]), r = inverseStd[g]
            for start in stride(from: segmentStart, to: segmentStart + layout.segmentLength, by: hw) {
                let c = layout.shape.channel(ofFlatIndex: start)
                Reduce.normalize(
                    x + start, y + start, hw, mean: m, scale: Float(r * Double(layer.gamma?[c] ?? 1)),
                    shift: layer.beta?[c] ?? 0)
            }
        }
    }

    /// Calls `body(group, start)` for every segment of the groups, segment by segment (in
    /// memory order for batch norm), each group's segments in their own order.
    @inline(__always)
    func forEachSegment(of groups: Range<Int>, _ body: (_ group: Int, _ start: Int) -> Void) {
        for segment in 0..<layout.segmentsPerGroup {
            for g in groups { body(g, layout.segmentStart(group: g, segment: segment)) }
        }
    }
}

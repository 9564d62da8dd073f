/// The backward pass of one statistics group at a time, on raw pointers: what
/// ``Normalization/backward(dy:x:statistics:threads:)`` runs for every group, on one thread
/// or several. It writes only its own group's part of dx and of the per-plane sums.
struct BackwardKernel {
    let layer: Normalization
    let statistics: GroupStatistics
    let dy: UnsafePointer<Float>
    let x: UnsafePointer<Float>
    let dx: UnsafeMutablePointer<Float>
    /// Σ dy per channel plane (index n·C + c).
    let planeSumDy: UnsafeMutablePointer<Double>
    /// Σ dy·(x − μ) per channel plane.
    let planeSumDyXc: UnsafeMutablePointer<Double>

    /// Group g: first the sums over its planes, then dx plane by plane while the group is
    /// still in the cache.
    func run(group g: Int) {
        let layout = statistics.layout
        let hw = layout.shape.spatial
        let mean = statistics.mean[g], r = statistics.inverseStd[g]
        var sumG = 0.0, sumGXc = 0.0  // Σ γ_c·dy and Σ γ_c·dy·(x − μ) over the group
        forEachPlane(of: g) { start, c in
            let sums = Reduce.gradientSums(dy + start, x + start, hw, centeredAt: mean)
            planeSumDy[start / hw] = sums.sumDy
            planeSumDyXc[start / hw] = sums.sumDyXc
            let gammaC = Double(layer.gamma?[c] ?? 1)
            sumG += gammaC * sums.sumDy
            sumGXc += gammaC * sums.sumDyXc
        }
        // dx = (γ_c·dy − ḡ)·r + (x − μ)·b, with ḡ = mean(g) and b = −r·k·mean(g·x̂).
        var meanGradient = 0.0, b = 0.0
        if !statistics.fromRunningStatistics {
            let count = Double(layout.elementsPerGroup)
            let k = layer.varianceScale(variance: statistics.variance[g], inverseStd: r)
            b = -r * k * (r * sumGXc / count)
            meanGradient = layer.config.variant.centers ? sumG / count : 0
        }
        forEachPlane(of: g) { start, c in
            Reduce.inputGradient(
                dy + start, x + start, dx + start, hw, gamma: layer.gamma?[c] ?? 1,
                meanGradient: Float(meanGradient), inverseStd: Float(r), mean: Float(mean), varianceTerm: Float(b))
        }
    }

    /// Calls `body` with the flat start and the channel of every H·W plane of group g.
    @inline(__always)
    func forEachPlane(of g: Int, _ body: (_ start: Int, _ channel: Int) -> Void) {
        let layout = statistics.layout
        let hw = layout.shape.spatial
        for segment in 0..<layout.segmentsPerGroup {
            let segmentStart = layout.segmentStart(group: g, segment: segment)
            for start in stride(from: segmentStart, to: segmentStart + layout.segmentLength, by: hw) {
                body(start, layout.shape.channel(ofFlatIndex: start))
            }
        }
    }
}

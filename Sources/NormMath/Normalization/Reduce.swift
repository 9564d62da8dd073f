/// Vectorized reductions over Float buffers with Double accumulators — the inner loops of the
/// moments and of the backward pass.
///
/// Eight independent SIMD lanes keep the adder pipeline full and, as a side effect, sum in a
/// tree-like order that loses less precision than one running total. The lanes are combined
/// in a fixed order (``total(_:)``), so a result never depends on the vector width the
/// compiler picks for the target.
enum Reduce {
    typealias Lanes = SIMD8<Double>

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Lanes {
        Lanes(loadFloats(p))
    }

    @inline(__always)
    static func loadFloats(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ value: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    /// The sum of the eight lanes, pairwise in a fixed order.
    @inline(__always)
    static func total(_ lanes: Lanes) -> Double {
        let half = lanes.lowHalf + lanes.highHalf
        let quarter = half.lowHalf + half.highHalf
        return quarter[0] + quarter[1]
    }

    /// Σ x.
    static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Double {
        var acc = Lanes.zero
        var i = 0
        while i + 8 <= count {
            acc += load(x + i)
            i += 8
        }
        var total = total(acc)
        while i < count {
            total += Double(x[i])
            i += 1
        }
        return total
    }

    /// Σ (x − m)².
    static func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, _ count: Int, from m: Double) -> Double {
        var acc = Lanes.zero
        let mean = Lanes(repeating: m)
        var i = 0
        while i + 8 <= count {
            let d = load(x + i) - mean
            acc += d * d  // not addProduct: without FMA in the target it calls libm per lane
            i += 8
        }
        var total = total(acc)
        while i < count {
            let d = Double(x[i]) - m
            total += d * d
            i += 1
        }
        return total
    }

    /// (Σ (x − k), Σ (x − k)²) in one pass: the shifted sums from which ``Moments`` gets the
    /// mean and variance without a second pass over the data.
    static func shiftedSums(
        _ x: UnsafePointer<Float>, _ count: Int, shift k: Double
    ) -> (sum: Double, squares: Double) {
        var accSum = Lanes.zero, accSquares = Lanes.zero
        let shift = Lanes(repeating: k)
        var i = 0
        while i + 8 <= count {
            let d = load(x + i) - shift
            accSum += d
            accSquares += d * d
            i += 8
        }
        var sum = total(accSum), squares = total(accSquares)
        while i < count {
            let d = Double(x[i]) - k
            sum += d
            squares += d * d
            i += 1
        }
        return (sum, squares)
    }

    /// (Σ dy, Σ dy·(x − m)): the two sums the backward pass needs per channel plane.
    static func gradientSums(
        _ dy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ count: Int, centeredAt m: Double
    ) -> (sumDy: Double, sumDyXc: Double) {
        var accDy = Lanes.zero, accDyXc = Lanes.zero
        let mean = Lanes(repeating: m)
        var i = 0
        while i + 8 <= count {
            let g = load(dy + i)
            accDy += g
            accDyXc += g * (load(x + i) - mean)
            i += 8
        }
        var sumDy = total(accDy), sumDyXc = total(accDyXc)
        while i < count {
            let g = Double(dy[i])
            sumDy += g
            sumDyXc += g * (Double(x[i]) - m)
            i += 1
        }
        return (sumDy, sumDyXc)
    }

    /// `out[i] = (x[i] − m)·a + b` — the normalization itself, once the per-plane scale
    /// `a = γ/σ` and shift `b = β` are folded into numbers. Subtracting the mean first keeps
    /// the precision when the data carry a large offset.
    static func normalize(
        _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int,
        mean m: Float, scale a: Float, shift b: Float
    ) {
        let vm = SIMD8<Float>(repeating: m), va = SIMD8<Float>(repeating: a), vb = SIMD8<Float>(repeating: b)
        var i = 0
        while i + 8 <= count {
            store((loadFloats(x + i) - vm) * va + vb, out + i)
            i += 8
        }
        while i < count {
            out[i] = (x[i] - m) * a + b
            i += 1
        }
    }

    /// `out[i] = (γ·dy[i] − ḡ)·r + (x[i] − m)·b` — the input gradient once its per-plane
    /// terms are folded into numbers. Subtracting the mean gradient ḡ before scaling by r
    /// keeps the cancellation exact where every element's gradient is the same.
    static func inputGradient(
        _ dy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int,
        gamma: Float, meanGradient: Float, inverseStd r: Float, mean m: Float, varianceTerm b: Float
    ) {
        let vg = SIMD8<Float>(repeating: gamma), vmg = SIMD8<Float>(repeating: meanGradient)
        let vr = SIMD8<Float>(repeating: r), vm = SIMD8<Float>(repeating: m), vb = SIMD8<Float>(repeating: b)
        var i = 0
        while i + 8 <= count {
            let g = loadFloats(dy + i), v = loadFloats(x + i)
            store((g * vg - vmg) * vr + (v - vm) * vb, out + i)
            i += 8
        }
        while i < count {
            out[i] = (dy[i] * gamma - meanGradient) * r + (x[i] - m) * b
            i += 1
        }
    }
}

/// Vectorized reductions over Float buffers with Double accumulators — the inner loops of the
/// moments and of the backward pass.
///
/// Eight independent SIMD lanes keep the adder pipeline full and, as a side effect, sum in a
/// tree-like order that loses less precision than one running total.
enum Reduce {
    typealias Lanes = SIMD8<Double>

    static func load(_ p: UnsafePointer<Float>) -> Lanes {
        Lanes(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self))
    }

    /// Σ x.
    static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Double {
        var acc = Lanes.zero
        var i = 0
        while i + 8 <= count {
            acc += load(x + i)
            i += 8
        }
        var total = acc.sum()
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
        var total = acc.sum()
        while i < count {
            let d = Double(x[i]) - m
            total += d * d
            i += 1
        }
        return total
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
        var sumDy = accDy.sum(), sumDyXc = accDyXc.sum()
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
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(out + i).storeBytes(of: (v - vm) * va + vb, as: SIMD8<Float>.self)
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
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD8<Float>.self)
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(out + i).storeBytes(of: (g * vg - vmg) * vr + (v - vm) * vb, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            out[i] = (dy[i] * gamma - meanGradient) * r + (x[i] - m) * b
            i += 1
        }
    }
}

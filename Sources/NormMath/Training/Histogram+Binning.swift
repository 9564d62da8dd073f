extension Histogram {
    /// Which bin a value falls into, and the counting loop: the probes bin every activation
    /// tensor of every step, so this is the hot part of a step's probes.
    ///
    /// The bin of x is ⌊(x − lowerBound)·scale⌋, clamped to the bins (values outside count in
    /// the edge bins, NaN in the first), with `scale = binCount / width` in Float. Eight values
    /// at a time compute their bins with vector instructions into a block of slots; then a
    /// plain loop counts them: 0.6 ns per value on the project's machine, where the former
    /// loop, which took the bins lane by lane out of a vector, needed 0.8–1.1. Each of four
    /// interleaved copies of the bins takes every fourth value, so that runs of equal values —
    /// the zeros after a ReLU — do not wait on one counter's increments (four copies of 1024
    /// UInt32 bins are 16 KiB, half the L1 cache).
    struct Binning {
        let low: Float
        let scale: Float
        let binCount: Int

        init(lowerBound: Double, upperBound: Double, binCount: Int) {
            precondition(binCount > 0 && binCount < 1 << 22, "a histogram needs between 1 and 2²² bins")
            let width = upperBound - lowerBound
            low = Float(lowerBound)
            scale = width > 0 ? Float(Double(binCount) / width) : 0
            self.binCount = binCount
        }

        /// Interleaved copies of the bins (see above).
        static let copies = 4
        /// Values whose bins are computed before they are counted: 2 KiB of slots.
        static let block = 512

        /// The bin of one value, by the same rule.
        @inline(__always)
        func bin(_ x: Float) -> Int {
            let position = (x - low) * scale
            guard position >= 0 else { return 0 }
            return position >= Float(binCount - 1) ? binCount - 1 : Int(position)
        }

        /// How many of `values` fall into each bin.
        func count(_ values: UnsafeBufferPointer<Float>) -> [Int] {
            let copies = Self.copies
            var counts = [UInt32](repeating: 0, count: copies * binCount)
            let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.block)
            defer { slots.deallocate() }
            counts.withUnsafeMutableBufferPointer { counts in
                let tally = counts.baseAddress!
                guard let x = values.baseAddress else { return }
                let n = values.count
                // Slot s counts into copy s mod 4: bin·4 + s mod 4.
                let copyNumbers = SIMD8<UInt32>(0, 1, 2, 3, 0, 1, 2, 3)
                let vlow = SIMD8<Float>(repeating: low), vscale = SIMD8<Float>(repeating: scale)
                let vlast = SIMD8<Float>(repeating: Float(binCount - 1))
                var start = 0
                while start < n {
                    let length = min(Self.block, n - start)
                    var i = 0
                    while i + 8 <= length {
                        var position = (Reduce.loadFloats(x + start + i) - vlow) * vscale
                        // "Not ≥ 0" also catches NaN.
                        position = position.replacing(with: 0, where: .!(position .>= SIMD8<Float>.zero))
                        position = position.replacing(with: vlast, where: position .> vlast)
                        // ⌊position⌋ without a Float-to-Int conversion, which Swift's SIMD types
                        // do lane by lane: position + 2²³ holds the nearest integer in its low
                        // mantissa bits; one less where that rounded up.
                        let shifted = position + 8_388_608
                        let nearest = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) & 0x7F_FFFF
                        let bins = nearest &- SIMD8<UInt32>.zero.replacing(with: 1, where: shifted - 8_388_608 .> position)
                        UnsafeMutableRawPointer(slots + i).storeBytes(of: bins &<< 2 | copyNumbers, as: SIMD8<UInt32>.self)
                        i += 8
                    }
                    while i < length {
                        slots[i] = UInt32(bin(x[start + i]) << 2 | i & 3)
                        i += 1
                    }
                    for i in 0..<length { tally[Int(slots[i])] &+= 1 }
                    start += length
                }
            }
            return (0..<binCount).map { bin in
                (0..<copies).reduce(0) { $0 + Int(counts[bin * copies + $1]) }
            }
        }
    }
}

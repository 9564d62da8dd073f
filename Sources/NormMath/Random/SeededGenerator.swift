/// A seeded pseudo-random generator: xoshiro256** (Blackman & Vigna 2018), its 256-bit state
/// filled from the seed by SplitMix64 as the authors recommend.
///
/// Every random number in NormMath — initial weights, synthetic data, shuffles — comes from one
/// of these, so the same seed gives the same run bit for bit. The algorithms are written out
/// here rather than taken from the standard library, whose random APIs may change between Swift
/// releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second value of the last Box–Muller pair, handed out by the next `nextNormal()`.
    var spareNormal: Float?

    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
        spareNormal = nil
    }

    /// An independent generator for one purpose (`stream`), derived from this seed: the
    /// initialization and the data shuffling do not shift each other's numbers when one of
    /// them draws more.
    public init(seed: UInt64, stream: UInt64) {
        var splitMix = SplitMix64(state: seed)
        self.init(seed: splitMix.next() ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    @inline(__always)
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): turns any seed, even 0, into well-mixed state words.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

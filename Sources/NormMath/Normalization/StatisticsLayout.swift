/// Which elements of an `[N, C, H, W]` tensor share one mean and variance — the only thing in
/// which the variants differ (glossary, "Mathematische Formalisierung").
///
/// Every statistics group is a set of equally long contiguous *segments* of the NCHW buffer:
///
/// | variant  | groups | segments per group | segment length | segment stride |
/// |----------|--------|--------------------|----------------|----------------|
/// | batch    | C      | N                  | H·W            | C·H·W          |
/// | layer    | N      | 1                  | C·H·W          | —              |
/// | instance | N·C    | 1                  | H·W            | —              |
/// | group    | N·G    | 1                  | (C/G)·H·W      | —              |
/// | rms      | N      | 1                  | C·H·W          | —              |
///
/// Group g's segment s starts at `g·groupStride + s·segmentStride`. A segment always covers
/// whole channel planes of H·W elements, so the affine parameters are constant on each plane.
public struct StatisticsLayout: Hashable, Sendable {
    public let shape: TensorShape
    public let groupCount: Int
    public let segmentsPerGroup: Int
    public let segmentLength: Int
    public let segmentStride: Int
    public let groupStride: Int

    /// The layout of `variant` on `shape`. `groups` is used by group norm only.
    /// - Precondition: for group norm, `shape.c` is divisible by `groups`.
    public init(variant: NormVariant, shape: TensorShape, groups: Int = 1) {
        self.shape = shape
        let hw = shape.spatial
        switch variant {
        case .batch:
            (groupCount, segmentsPerGroup, segmentLength, segmentStride, groupStride) =
                (shape.c, shape.n, hw, shape.perSample, hw)
        case .layer, .rms:
            (groupCount, segmentsPerGroup, segmentLength, segmentStride, groupStride) =
                (shape.n, 1, shape.perSample, 0, shape.perSample)
        case .instance:
            (groupCount, segmentsPerGroup, segmentLength, segmentStride, groupStride) =
                (shape.n * shape.c, 1, hw, 0, hw)
        case .group:
            precondition(groups >= 1 && shape.c % groups == 0, "C must be divisible by G")
            let length = shape.c / groups * hw
            (groupCount, segmentsPerGroup, segmentLength, segmentStride, groupStride) =
                (shape.n * groups, 1, length, 0, length)
        case .none:
            (groupCount, segmentsPerGroup, segmentLength, segmentStride, groupStride) = (0, 0, 0, 0, 0)
        }
    }

    /// Elements that share one mean and variance.
    public var elementsPerGroup: Int { segmentsPerGroup * segmentLength }

    /// The flat index at which segment `segment` of group `group` starts.
    @inlinable
    public func segmentStart(group: Int, segment: Int) -> Int {
        group * groupStride + segment * segmentStride
    }

    /// The flat NCHW indices of every element of one group, in memory order — for worked
    /// examples and pictures, not for hot loops.
    public func elementIndices(ofGroup group: Int) -> [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(elementsPerGroup)
        for segment in 0..<segmentsPerGroup {
            let start = segmentStart(group: group, segment: segment)
            indices.append(contentsOf: start..<(start + segmentLength))
        }
        return indices
    }

    /// The group an element belongs to.
    public func group(ofFlatIndex index: Int) -> Int {
        if segmentsPerGroup > 1 {  // batch: the channel
            return shape.channel(ofFlatIndex: index)
        }
        return index / segmentLength
    }
}

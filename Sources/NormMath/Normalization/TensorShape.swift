/// The shape `[N, C, H, W]` of an activation tensor stored in NCHW order: N samples, C channels,
/// H×W spatial positions. An MLP's `[N, C]` activations are `[N, C, 1, 1]`.
public struct TensorShape: Hashable, Sendable, CustomStringConvertible {
    public var n: Int
    public var c: Int
    public var h: Int
    public var w: Int

    public init(n: Int, c: Int, h: Int = 1, w: Int = 1) {
        self.n = n
        self.c = c
        self.h = h
        self.w = w
    }

    /// Builds a shape from 2 (`[N, C]`) or 4 (`[N, C, H, W]`) positive dimensions.
    public init(_ dims: [Int]) throws(NormalizationError) {
        guard dims.count == 4 || dims.count == 2 else {
            throw .invalidShape("shape must have 4 dimensions [N, C, H, W] (or 2 for [N, C]), got \(dims.count)")
        }
        guard dims.allSatisfy({ $0 >= 1 }) else {
            throw .invalidShape("every dimension of the shape must be at least 1, got \(dims)")
        }
        let padded = dims.count == 4 ? dims : dims + [1, 1]
        // Refuse shapes whose element count overflows before anything is allocated.
        var total = 1
        for d in padded {
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            guard !overflow, product <= TensorShape.maximumElementCount else {
                throw .invalidShape("shape \(dims) has more than \(TensorShape.maximumElementCount) elements")
            }
            total = product
        }
        self.init(n: padded[0], c: padded[1], h: padded[2], w: padded[3])
    }

    /// Reads a shape written as on the command line and in experiment files: `32x16x8x8`,
    /// `32×16×8×8` or `64x32`.
    /// - Throws: when a part is not a whole number, or the dimensions are not a valid shape.
    public init(parsing text: String) throws(NormalizationError) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "," })
        let dims = parts.compactMap { Int($0) }
        guard !parts.isEmpty, dims.count == parts.count else {
            throw .invalidShape("shape \"\(text)\" is not NxCxHxW (or NxC), e.g. 32x16x8x8")
        }
        try self.init(dims)
    }

    /// The largest tensor NormMath agrees to build (256 Mi elements, 1 GiB of Float).
    public static let maximumElementCount = 1 << 28

    /// Spatial positions per channel, H·W.
    public var spatial: Int { h * w }
    /// Elements per sample, C·H·W.
    public var perSample: Int { c * h * w }
    /// All elements, N·C·H·W.
    public var count: Int { n * c * h * w }
    /// The dimensions as an array, `[N, C, H, W]`.
    public var dims: [Int] { [n, c, h, w] }

    /// The channel of the element at a flat NCHW index.
    @inlinable
    public func channel(ofFlatIndex index: Int) -> Int { (index / (h * w)) % c }

    /// `32×16×8×8`, the way the header shows a shape.
    public var description: String { "\(n)×\(c)×\(h)×\(w)" }
}

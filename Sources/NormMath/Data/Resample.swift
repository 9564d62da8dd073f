/// Image resampling, so that any data set can be shown to the network at any H×W.
enum Resample {
    /// Bilinear interpolation with PyTorch's `align_corners=False` convention
    /// (`F.interpolate(mode="bilinear")`): pixel centres map onto pixel centres, and samples
    /// beyond the border repeat the edge.
    /// - Parameter images: `[count, fromHeight, fromWidth]`; returns `[count, toHeight, toWidth]`.
    static func bilinear(
        _ images: [Float], count: Int, fromHeight: Int, fromWidth: Int, toHeight: Int, toWidth: Int
    ) -> [Float] {
        let rows = taps(from: fromHeight, to: toHeight), columns = taps(from: fromWidth, to: toWidth)
        let inSize = fromHeight * fromWidth, outSize = toHeight * toWidth
        return [Float](unsafeUninitializedCapacity: count * outSize) { out, initialized in
            images.withUnsafeBufferPointer { source in
                for image in 0..<count {
                    let x = source.baseAddress! + image * inSize, y = out.baseAddress! + image * outSize
                    for (i, row) in rows.enumerated() {
                        let top = x + row.lower * fromWidth, bottom = x + row.upper * fromWidth
                        for (j, column) in columns.enumerated() {
                            let upper = top[column.lower] + (top[column.upper] - top[column.lower]) * column.weight
                            let lower = bottom[column.lower] + (bottom[column.upper] - bottom[column.lower]) * column.weight
                            y[i * toWidth + j] = upper + (lower - upper) * row.weight
                        }
                    }
                }
            }
            initialized = count * outSize
        }
    }

    /// For each output index along one axis: the two source indices and the second's weight.
    static func taps(from inSize: Int, to outSize: Int) -> [(lower: Int, upper: Int, weight: Float)] {
        let scale = Float(inSize) / Float(outSize)
        return (0..<outSize).map { index in
            let source = max(0, (Float(index) + 0.5) * scale - 0.5)
            let lower = min(Int(source), inSize - 1)
            let upper = min(lower + 1, inSize - 1)
            return (lower, upper, source - Float(lower))
        }
    }
}

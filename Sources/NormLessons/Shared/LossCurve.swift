/// Long, noisy per-step series made readable for a chart.
public enum LossCurve {
    /// At most `count` points: the means of equal runs of consecutive values, so a long noisy
    /// loss curve reads as a line.
    public static func smoothed(_ values: [Double], to count: Int) -> [Double] {
        guard count > 0, values.count > count else { return values }
        let size = (values.count + count - 1) / count
        return stride(from: 0, to: values.count, by: size).map { start in
            let chunk = values[start..<min(start + size, values.count)]
            return chunk.reduce(0, +) / Double(chunk.count)
        }
    }

    /// The mean of the last `window` values; NaN when there are none.
    public static func recentMean(_ values: [Double], window: Int) -> Double {
        let recent = values.suffix(window)
        return recent.isEmpty ? .nan : recent.reduce(0, +) / Double(recent.count)
    }
}

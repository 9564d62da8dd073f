/// Smoothing of per-step series that jump from step to step (a batch's accuracy is a count of
/// a few dozen images): each value replaced by the mean of the last `window` values.
public enum RunningMean {
    /// Each value replaced by the mean of the finite values among it and the `window − 1`
    /// before it (fewer at the start); NaN where there are none.
    public static func of(_ values: [Double], window: Int) -> [Double] {
        precondition(window >= 1, "the window must hold at least one value")
        return values.indices.map { i in
            let recent = values[max(0, i - window + 1)...i].filter(\.isFinite)
            return recent.isEmpty ? .nan : recent.reduce(0, +) / Double(recent.count)
        }
    }
}

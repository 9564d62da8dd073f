/// The mean and (biased) standard deviation of some values, summed in Double: what the tensor
/// lessons print beside their pictures and what their tests measure.
public struct SampleStatistics: Sendable, Equatable {
    public var mean: Double
    public var standardDeviation: Double

    public init(_ values: some Collection<Float>) {
        let count = Double(max(values.count, 1))
        let mean = values.reduce(0.0) { $0 + Double($1) } / count
        let squares = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        self.mean = mean
        standardDeviation = (squares / count).squareRoot()
    }
}

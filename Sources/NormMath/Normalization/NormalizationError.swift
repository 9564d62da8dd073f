/// Why a normalization cannot run on the given input. The messages reuse PyTorch's wording
/// where PyTorch has one, so that a student who meets the error there recognizes it.
public enum NormalizationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidShape(String)
    case invalidParameter(String)
    /// Batch norm in training needs at least two values per channel to estimate a variance;
    /// group norm refuses one value per group in the whole batch, as PyTorch does.
    case tooFewValuesPerChannel(shape: [Int])
    /// Instance norm needs at least two spatial positions per (sample, channel).
    case tooFewSpatialElements(shape: [Int])
    /// Group norm splits the channels into groups of equal size.
    case channelsNotDivisible(channels: Int, groups: Int)

    public var description: String {
        switch self {
        case .invalidShape(let message), .invalidParameter(let message):
            message
        case .tooFewValuesPerChannel(let shape):
            "Expected more than 1 value per channel when training, got input size \(shape)"
        case .tooFewSpatialElements(let shape):
            "Expected more than 1 spatial element when training, got input size \(shape)"
        case .channelsNotDivisible(let channels, let groups):
            "num_channels must be divisible by num_groups: C = \(channels) is not divisible by G = \(groups)"
        }
    }
}

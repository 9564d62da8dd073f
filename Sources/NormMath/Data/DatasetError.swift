/// Why a data set cannot be built; the messages name the valid choices.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownName(String)
    case invalidImageSize(height: Int, width: Int)
    case invalidClassCount(dataset: String, classes: Int, allowed: ClosedRange<Int>)
    case invalidImageCount(dataset: String, count: Int)
    case tooLarge(count: Int, height: Int, width: Int)
    /// The bundled digits file is missing or unreadable.
    case unreadableResource(String)

    public var description: String {
        switch self {
        case .unknownName(let name):
            "unknown data set '\(name)'; choose one of: \(DatasetName.allNames.joined(separator: ", "))"
        case .invalidImageSize(let height, let width):
            "image size must be at least 1×1, got \(height)×\(width)"
        case .invalidClassCount(let dataset, let classes, let allowed):
            "\(dataset) supports \(allowed.lowerBound) to \(allowed.upperBound) classes, got \(classes)"
        case .invalidImageCount(let dataset, let count):
            "\(dataset) needs at least one image per class, got \(count) images"
        case .tooLarge(let count, let height, let width):
            "\(count) images of \(height)×\(width) are more than the \(TensorShape.maximumElementCount) values NormMath agrees to hold"
        case .unreadableResource(let message):
            message
        }
    }
}

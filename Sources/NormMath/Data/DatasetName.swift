/// The data sets the command line offers (`--dataset`), with what each one teaches.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
    /// The UCI handwritten digits: 1797 real 8×8 images, 10 classes.
    case digits
    /// Class-dependent Gaussian bumps with jitter and noise: an easy, smooth task.
    case blobs
    /// Oriented sine gratings (orientation and frequency by class, random phase).
    case stripes
    /// Shapes with a random contrast and brightness per image: instance norm removes them,
    /// batch norm cannot.
    case contrast

    /// Every name, in the order the help text lists them.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// Parses a command-line name.
    /// - Throws: ``DatasetError/unknownName(_:)`` listing the valid names.
    public init(parsing name: String) throws(DatasetError) {
        guard let value = DatasetName(rawValue: name.lowercased()) else { throw .unknownName(name) }
        self = value
    }

    /// One line for the help text.
    public var summary: String {
        switch self {
        case .digits: "UCI handwritten digits, 1797 real images, 10 classes (E. Alpaydin, C. Kaynak; CC BY 4.0)"
        case .blobs: "Gaussian bumps at class-specific places, with jitter and noise"
        case .stripes: "sine gratings whose orientation and frequency give the class"
        case .contrast: "shapes with a random contrast and brightness per image (the instance-norm lesson)"
        }
    }

    /// The class counts a set can be generated with, and its default.
    public var classRange: ClosedRange<Int> {
        switch self {
        case .digits: 10...10
        case .blobs: 2...32
        case .stripes: 2...16
        case .contrast: 2...ContrastSet.shapeCount
        }
    }

    public var defaultClassCount: Int {
        switch self {
        case .digits, .blobs: 10
        case .stripes, .contrast: 8
        }
    }
}

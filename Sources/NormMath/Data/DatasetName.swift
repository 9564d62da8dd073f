/// The name of a data set, as the command line (`--dataset`), experiment files and the
/// settings editor give it.
///
/// A name may be unknown: it is held as typed and refused by ``ExperimentConfig/validate()``,
/// so that every entry point rejects it with the same sentence.
public struct DatasetName: Hashable, Sendable, CaseIterable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name as typed, e.g. `digits`.
    public let rawValue: String

    /// The UCI handwritten digits: 1797 real 8×8 images, 10 classes.
    public static let digits = DatasetName("digits")
    /// Class-dependent Gaussian bumps with jitter and noise: an easy, smooth task.
    public static let blobs = DatasetName("blobs")
    /// Oriented sine gratings (orientation and frequency by class, random phase).
    public static let stripes = DatasetName("stripes")
    /// Shapes with a random contrast and brightness per image: instance norm removes them,
    /// batch norm cannot.
    public static let contrast = DatasetName("contrast")

    /// Every known set, in the order the help text lists them.
    public static let allCases: [DatasetName] = [.digits, .blobs, .stripes, .contrast]

    /// Every known name, in the order the help text lists them.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// A name as typed, known or not; ``isKnown`` tells.
    public init(_ name: String) { rawValue = name }

    public init(stringLiteral name: String) { self.init(name) }

    /// A known set's name, or `nil`.
    public init?(rawValue: String) {
        guard Self.allNames.contains(rawValue) else { return nil }
        self.init(rawValue)
    }

    /// Parses a command-line name, ignoring case.
    /// - Throws: ``DatasetError/unknownName(_:)`` listing the valid names.
    public init(parsing name: String) throws(DatasetError) {
        guard let value = DatasetName(rawValue: name.lowercased()) else { throw .unknownName(name) }
        self = value
    }

    /// Whether this names one of the sets NormMath can build.
    public var isKnown: Bool { Self.allCases.contains(self) }

    public var description: String { rawValue }

    /// One line for the help text.
    public var summary: String {
        switch self {
        case .digits: "UCI handwritten digits, 1797 real images, 10 classes (E. Alpaydin, C. Kaynak; CC BY 4.0)"
        case .blobs: "Gaussian bumps at class-specific places, with jitter and noise"
        case .stripes: "sine gratings whose orientation and frequency give the class"
        case .contrast: "shapes with a random contrast and brightness per image (the instance-norm lesson)"
        default: DatasetError.unknownName(rawValue).description
        }
    }

    /// The class counts a known set can be generated with (an unknown name allows none).
    public var classRange: ClosedRange<Int> {
        switch self {
        case .digits: 10...10
        case .blobs: 2...32
        case .stripes: 2...16
        case .contrast: 2...ContrastSet.shapeCount
        default: 0...0
        }
    }

    /// The class count a known set is generated with unless asked otherwise.
    public var defaultClassCount: Int {
        switch self {
        case .digits, .blobs: 10
        case .stripes, .contrast: 8
        default: 0
        }
    }
}

import Foundation

/// One tensor to normalize, as `normtui compute --input case.json` reads it (docs/DESIGN.md,
/// "Command-line contract"). Parsing checks every field and names the one that is wrong.
public struct ComputeRequest: Sendable {
    public var config: NormalizationConfig
    public var shape: TensorShape
    /// The input, flat in NCHW order.
    public var x: [Float]
    public var mode: NormMode
    public var gamma: [Float]?
    public var beta: [Float]?
    public var runningMean: [Float]?
    public var runningVar: [Float]?
    /// The upstream gradient; when present the backward pass runs too.
    public var dy: [Float]?

    public init(
        config: NormalizationConfig, shape: TensorShape, x: [Float], mode: NormMode = .train,
        gamma: [Float]? = nil, beta: [Float]? = nil, runningMean: [Float]? = nil,
        runningVar: [Float]? = nil, dy: [Float]? = nil
    ) {
        self.config = config
        self.shape = shape
        self.x = x
        self.mode = mode
        self.gamma = gamma
        self.beta = beta
        self.runningMean = runningMean
        self.runningVar = runningVar
        self.dy = dy
    }

    /// Parses the JSON object of a compute case.
    /// - Throws: ``ComputeError`` naming the first field that is missing, mistyped or invalid.
    public init(json: Data) throws(ComputeError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [])
        } catch {
            throw ComputeError("input is not valid JSON (\(ComputeRequest.reason(of: error)))")
        }
        guard var fields = object as? [String: Any] else {
            throw ComputeError("input must be a JSON object with at least \"variant\", \"shape\" and \"x\"")
        }
        // A reference case made with PyTorch is {"input": {…}, "expected": {…}}: its input is
        // the request (Tests/NormMathTests/Fixtures).
        if let wrapped = fields["input"] {
            guard let inner = wrapped as? [String: Any] else {
                throw ComputeError("\"input\" must be a JSON object with at least \"variant\", \"shape\" and \"x\"")
            }
            if let other = fields.keys.sorted().first(where: { $0 != "input" && $0 != "expected" }) {
                throw ComputeError("unknown field \"\(other)\" beside \"input\" (a reference case has \"input\" and \"expected\")")
            }
            fields = inner
        }
        let known: Set<String> = [
            "variant", "shape", "x", "groups", "eps", "eps_placement", "mode", "momentum", "gamma", "beta",
            "running_mean", "running_var", "dy", "variance_algorithm",
        ]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw ComputeError("unknown field \"\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        let reader = FieldReader(fields: fields)
        let variantName = try reader.string("variant", required: true)!
        guard let variant = NormVariant(rawValue: variantName) else {
            throw ComputeError(
                "unknown variant \"\(variantName)\" (expected one of: \(NormVariant.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let dims = try reader.integers("shape")!
        let shape: TensorShape
        do { shape = try TensorShape(dims) } catch { throw ComputeError("field \"shape\": \(error)") }

        var config = NormalizationConfig(variant: variant)
        if let groups = try reader.integer("groups") {
            guard variant == .group else {
                throw ComputeError("field \"groups\" applies to the group variant only, not to \(variant.rawValue)")
            }
            config.groups = groups
        } else if variant == .group {
            throw ComputeError("missing field \"groups\": the group variant needs the number of channel groups")
        }
        if let eps = try reader.number("eps") { config.eps = eps }
        if let name = try reader.string("eps_placement") {
            guard let placement = EpsilonPlacement(rawValue: name) else {
                throw ComputeError("field \"eps_placement\" must be \"inside\" or \"outside\", got \"\(name)\"")
            }
            config.epsPlacement = placement
        }
        if let name = try reader.string("variance_algorithm") {
            guard let algorithm = VarianceAlgorithm(rawValue: name) else {
                throw ComputeError(
                    "field \"variance_algorithm\" must be one of \(VarianceAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(name)\"")
            }
            config.varianceAlgorithm = algorithm
        }
        if let momentum = try reader.number("momentum") { config.momentum = momentum }
        do { try config.validate() } catch { throw ComputeError(error.description) }

        var mode = NormMode.train
        if let name = try reader.string("mode") {
            guard let parsed = NormMode(rawValue: name) else {
                throw ComputeError("field \"mode\" must be \"train\" or \"eval\", got \"\(name)\"")
            }
            mode = parsed
        }
        let x = try reader.floats("x", required: true)!
        guard x.count == shape.count else {
            throw ComputeError(
                "field \"x\" has \(x.count) values, but shape \(shape.dims) holds \(shape.count) (N·C·H·W)")
        }
        let dy = try reader.floats("dy")
        if let dy, dy.count != x.count {
            throw ComputeError("field \"dy\" has \(dy.count) values, expected as many as x (\(x.count))")
        }
        self.init(
            config: config, shape: shape, x: x, mode: mode,
            gamma: try reader.floats("gamma"), beta: try reader.floats("beta"),
            runningMean: try reader.floats("running_mean"), runningVar: try reader.floats("running_var"),
            dy: dy)
    }

    private static func reason(of error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? "could not be parsed"
    }
}

/// Why a compute case was refused: one line for people.
public struct ComputeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// Messages quote what the input said (an unknown variant, a field name): control
    /// characters are escaped and a very long message is cut, so that it stays one line.
    public init(_ description: String) { self.description = Self.oneLine(description) }

    static let maximumLength = 300

    static func oneLine(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator:
                line += scalar.escaped(asASCII: true)
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        return line.count > maximumLength ? line.prefix(maximumLength - 1) + "…" : line
    }
}

import Foundation

/// An experiment as a JSON file (`--config FILE`, and what `w` saves in the UI): the same
/// names as the command-line options, so a file reads like a command line.
extension ExperimentConfig {
    static let fileFields: Set<String> = [
        "variant", "groups", "shape", "model", "depth", "dataset", "lr", "momentum", "weight_decay", "bn_momentum",
        "eps", "eps_placement", "variance", "seed", "eval_every",
    ]

    /// Reads an experiment; fields that are absent keep their defaults.
    /// - Throws: ``ExperimentError`` naming the field that is unknown, mistyped or invalid.
    public init(json: Data) throws(ExperimentError) {
        self.init()
        do {
            try read(json)
        } catch let error as ComputeError {
            throw ExperimentError(error.description)
        } catch let error as ExperimentError {
            throw error
        } catch {
            throw ExperimentError("\(error)")
        }
        try validate()
    }

    private mutating func read(_ json: Data) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw ExperimentError("not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw ExperimentError("must be a JSON object") }
        if let unknown = fields.keys.sorted().first(where: { !Self.fileFields.contains($0) }) {
            throw ExperimentError("unknown field \"\(unknown)\" (known: \(Self.fileFields.sorted().joined(separator: ", ")))")
        }
        let reader = FieldReader(fields: fields)
        func choice<T: RawRepresentable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
            guard let name = try reader.string(key) else { return nil }
            guard let value = T(rawValue: name) else { throw ExperimentError("field \"\(key)\": unknown value \"\(name)\"") }
            return value
        }
        if let value = try choice("variant", NormVariant.self) { variant = value }
        if let value = try reader.integer("groups") { groups = value }
        if let text = try reader.string("shape") {
            do { shape = try TensorShape(parsing: text) } catch { throw ExperimentError("field \"shape\": \(error)") }
        }
        if let value = try choice("model", ModelKind.self) { model = value }
        if let value = try reader.integer("depth") { depth = value }
        if let value = try reader.string("dataset") { dataset = value }
        if let value = try reader.number("lr") { learningRate = value }
        if let value = try reader.number("momentum") { momentum = value }
        if let value = try reader.number("weight_decay") { weightDecay = value }
        if let value = try reader.number("bn_momentum") { bnMomentum = value }
        if let value = try reader.number("eps") { eps = value }
        if let value = try choice("eps_placement", EpsilonPlacement.self) { epsPlacement = value }
        if let value = try choice("variance", VarianceAlgorithm.self) { varianceAlgorithm = value }
        if let value = try reader.integer("seed") {
            guard value >= 0 else { throw ExperimentError("field \"seed\" must be >= 0") }
            seed = UInt64(value)
        }
        if let value = try reader.integer("eval_every") { evalEvery = value }
    }

    /// The experiment as a JSON object, every field written, in a fixed order.
    public var json: String {
        let shapeText = shape.h == 1 && shape.w == 1 && model == .mlp
            ? "\(shape.n)x\(shape.c)" : "\(shape.n)x\(shape.c)x\(shape.h)x\(shape.w)"
        let fields: [(String, String)] = [
            ("variant", "\"\(variant.rawValue)\""), ("groups", "\(groups)"), ("shape", "\"\(shapeText)\""),
            ("model", "\"\(model.rawValue)\""), ("depth", "\(depth)"), ("dataset", "\"\(dataset)\""),
            ("lr", "\(learningRate)"), ("momentum", "\(momentum)"), ("weight_decay", "\(weightDecay)"),
            ("bn_momentum", "\(bnMomentum)"), ("eps", "\(eps)"), ("eps_placement", "\"\(epsPlacement.rawValue)\""),
            ("variance", "\"\(varianceAlgorithm.rawValue)\""), ("seed", "\(seed)"), ("eval_every", "\(evalEvery)"),
        ]
        return "{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }
}

import Foundation

/// An experiment as a JSON file (`--config FILE`, and what `w` saves in the UI): one key per
/// ``ExperimentSetting``, its command-line name in snake_case (``ExperimentSetting/jsonKey``),
/// so a file reads like a command line.
extension ExperimentConfig {
    static var fileFields: Set<String> { Set(ExperimentSetting.all.map(\.jsonKey)) }

    /// Reads an experiment; fields that are absent keep their defaults.
    /// - Throws: ``ExperimentError`` naming the field that is unknown, mistyped or invalid.
    public init(json: Data) throws(ExperimentError) {
        self.init()
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
        for setting in ExperimentSetting.all {
            try setting.read(from: reader)?.apply(to: &self)
        }
        try validate()
    }

    /// The experiment as a JSON object, every setting written, in the table's order.
    public var json: String {
        let lines = ExperimentSetting.all.map { "  \"\($0.jsonKey)\": \($0.jsonValue(of: self))" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }
}

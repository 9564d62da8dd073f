/// One headless record of a lesson (`normtui lesson NAME --steps K`): an ordered list of
/// (column, value) pairs. A column is named where its value is computed, so names and values
/// cannot drift apart; the column names are a contract with the scripts that read them.
public struct LessonRecord: Sendable, Equatable {
    /// One cell: a number, a whole number, or nothing measured yet (empty in csv, null in json).
    public enum Value: Sendable, Equatable {
        case number(Double)
        case integer(Int)
        case missing

        /// A measurement that may not exist yet, e.g. the last loss of a run that has not
        /// stepped, or an evaluation that has not happened.
        public static func measured(_ number: Double?) -> Value {
            number.map { .number($0) } ?? .missing
        }
    }

    public struct Field: Sendable, Equatable {
        public var column: String
        public var value: Value
    }

    public private(set) var fields: [Field] = []

    public init() {}

    /// `step` first: every lesson's record starts with how many units of work are done.
    public init(step: Int) {
        append("step", .integer(step))
    }

    public mutating func append(_ column: String, _ value: Value) {
        fields.append(Field(column: column, value: value))
    }

    /// Appends a measurement that may be missing (`nil`).
    public mutating func append(_ column: String, _ number: Double?) {
        append(column, .measured(number))
    }

    public mutating func append(_ column: String, _ integer: Int) {
        append(column, .integer(integer))
    }

    public var columns: [String] { fields.map(\.column) }
    public var values: [Value] { fields.map(\.value) }

    /// The value of `column`, if the record has it.
    public subscript(column: String) -> Value? {
        fields.first { $0.column == column }?.value
    }
}

/// One headless record of a lesson (`normtui lesson NAME --steps K`): an ordered list of
/// (column, value) pairs. A column is named where its value is computed, so names and values
/// cannot drift apart; the column names are a contract with the scripts that read them.
struct LessonRecord: Sendable, Equatable {
    /// One cell: a number, a whole number, or nothing measured yet (empty in csv, null in json).
    enum Value: Sendable, Equatable {
        case number(Double)
        case integer(Int)
        case missing

        /// A measurement that may not exist yet, e.g. the last loss of a run that has not
        /// stepped, or an evaluation that has not happened.
        static func measured(_ number: Double?) -> Value {
            number.map { .number($0) } ?? .missing
        }
    }

    struct Field: Sendable, Equatable {
        var column: String
        var value: Value
    }

    private(set) var fields: [Field] = []

    init() {}

    /// `step` first: every lesson's record starts with how many units of work are done.
    init(step: Int) {
        append("step", .integer(step))
    }

    mutating func append(_ column: String, _ value: Value) {
        fields.append(Field(column: column, value: value))
    }

    /// Appends a measurement that may be missing (`nil`).
    mutating func append(_ column: String, _ number: Double?) {
        append(column, .measured(number))
    }

    mutating func append(_ column: String, _ integer: Int) {
        append(column, .integer(integer))
    }

    var columns: [String] { fields.map(\.column) }
    var values: [Value] { fields.map(\.value) }

    /// The value of `column`, if the record has it.
    subscript(column: String) -> Value? {
        fields.first { $0.column == column }?.value
    }
}

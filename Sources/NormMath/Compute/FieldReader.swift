import Foundation

/// Reads typed fields from a JSON object and says precisely what is wrong with one: the
/// `compute` cases and the experiment files share it.
struct FieldReader {
    let fields: [String: Any]

    /// JSON numbers arrive as NSNumber, and so do booleans (with the C type code "c"): tell
    /// them apart so that `"eps": true` is refused rather than read as 1.
    private func number(from value: Any) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    func value(_ key: String, required: Bool) throws(ComputeError) -> Any? {
        guard let value = fields[key], !(value is NSNull) else {
            if required { throw ComputeError("missing field \"\(key)\"") }
            return nil
        }
        return value
    }

    func string(_ key: String, required: Bool = false) throws(ComputeError) -> String? {
        guard let value = try value(key, required: required) else { return nil }
        guard let text = value as? String else { throw ComputeError("field \"\(key)\" must be a string") }
        return text
    }

    func number(_ key: String) throws(ComputeError) -> Double? {
        guard let value = try value(key, required: false) else { return nil }
        guard let number = number(from: value) else { throw ComputeError("field \"\(key)\" must be a number") }
        return number
    }

    func integer(_ key: String) throws(ComputeError) -> Int? {
        guard let number = try number(key) else { return nil }
        guard number.rounded() == number, abs(number) < 1e15 else {
            throw ComputeError("field \"\(key)\" must be a whole number, got \(number)")
        }
        return Int(number)
    }

    func integers(_ key: String) throws(ComputeError) -> [Int]? {
        guard let value = try value(key, required: true) else { return nil }
        guard let array = value as? [Any] else { throw ComputeError("field \"\(key)\" must be an array of whole numbers") }
        var result: [Int] = []
        for (i, element) in array.enumerated() {
            guard let number = number(from: element), number.rounded() == number, abs(number) < 1e15 else {
                throw ComputeError("field \"\(key)\"[\(i)] must be a whole number")
            }
            result.append(Int(number))
        }
        return result
    }

    /// An array of numbers that are finite in float32, the storage type.
    func floats(_ key: String, required: Bool = false) throws(ComputeError) -> [Float]? {
        guard let value = try value(key, required: required) else { return nil }
        guard let array = value as? [Any] else { throw ComputeError("field \"\(key)\" must be an array of numbers") }
        var result: [Float] = []
        result.reserveCapacity(array.count)
        for (i, element) in array.enumerated() {
            guard let number = number(from: element) else {
                throw ComputeError("field \"\(key)\"[\(i)] must be a number")
            }
            let single = Float(number)
            guard single.isFinite else {
                throw ComputeError("field \"\(key)\"[\(i)] = \(number) is outside the float32 range")
            }
            result.append(single)
        }
        return result
    }
}

import Foundation
import Testing
@testable import NormMath

/// Thousands of generated, seeded, malformed and extreme `compute` cases through
/// `ComputeRequest(json:)` and `run()` — the code path `normtui compute` takes. Every one must
/// end either in a finite result whose JSON output parses, or in a `ComputeError` of one line.
/// A trap would crash the test process; a hang is caught by the time limit.
///
/// `FUZZ_CASES=N` runs N cases per family instead of the default (for longer runs outside CI).
@Suite(.timeLimit(.minutes(3)))
struct ComputeFuzzTests {
    /// Cases per family (there are `Family.allCases.count` families).
    static let casesPerFamily = ProcessInfo.processInfo.environment["FUZZ_CASES"].flatMap(Int.init) ?? 300

    enum Family: String, CaseIterable, Sendable {
        case validRandom, truncated, wrongTypes, shapes, float32Extremes, zeroEpsConstant, enormousValues
        case deepNesting, unicodeJunk, parameters, byteFlips, backward
    }

    /// What a family produced, so that the test can say it really exercised both outcomes.
    struct Tally {
        var succeeded = 0
        var refused = 0
        var messages: [String: Int] = [:]
    }

    @Test(arguments: Family.allCases)
    func everyCaseEndsInAResultOrAOneLineError(family: Family) throws {
        var generator = FuzzGenerator(seed: 0x5EED_0000 + UInt64(Family.allCases.firstIndex(of: family)!))
        var tally = Tally()
        for index in 0..<Self.casesPerFamily {
            let input = generator.input(of: family)
            let outcome = Self.check(input)
            switch outcome {
            case .success: tally.succeeded += 1
            case .refused(let message):
                tally.refused += 1
                // Group messages by their first words, to see the variety in a failure report.
                let key = message.split(separator: " ").prefix(3).joined(separator: " ")
                tally.messages[key, default: 0] += 1
            case .failure(let problem):
                Issue.record("\(family) case \(index): \(problem)\ninput: \(Self.preview(input))")
            }
        }
        #expect(tally.succeeded + tally.refused == Self.casesPerFamily)
        // Families built to be refused must be refused; families with valid cases must succeed
        // at least sometimes, or the generator tests nothing beyond parsing.
        switch family {
        case .truncated, .deepNesting, .unicodeJunk, .wrongTypes:
            #expect(tally.refused > 0)
        case .validRandom, .float32Extremes, .backward:
            #expect(tally.succeeded > Self.casesPerFamily / 4, "only \(tally.succeeded) succeeded: \(tally.messages)")
        case .zeroEpsConstant, .enormousValues, .shapes, .parameters, .byteFlips:
            #expect(tally.succeeded > 0 && tally.refused > 0, "\(tally.succeeded) ok, \(tally.messages)")
        }
    }

    enum Outcome {
        case success
        case refused(String)
        case failure(String)
    }

    /// Runs one input and judges the outcome.
    static func check(_ input: Data) -> Outcome {
        let result: ComputeResult
        do {
            let request = try ComputeRequest(json: input)
            result = try request.run()
        } catch {
            let message = error.description
            if message.isEmpty { return .failure("empty error message") }
            if message.contains(where: \.isNewline) { return .failure("error message has more than one line: \(message)") }
            if message.count > 600 { return .failure("error message is \(message.count) characters long") }
            return .refused(message)
        }
        let arrays: [(String, [Double]?)] = [
            ("y", result.y.map(Double.init)), ("mean", result.mean), ("var", result.variance),
            ("running_mean", result.runningMean?.map(Double.init)), ("running_var", result.runningVar?.map(Double.init)),
            ("dx", result.dx?.map(Double.init)), ("dgamma", result.dgamma?.map(Double.init)),
            ("dbeta", result.dbeta?.map(Double.init)),
        ]
        for (name, values) in arrays {
            if let bad = values?.firstIndex(where: { !$0.isFinite }) {
                return .failure("success with a non-finite \(name)[\(bad)] = \(values![bad])")
            }
        }
        let json = result.json
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return .failure("the JSON output does not parse: \(json.prefix(300))")
        }
        guard let y = parsed["y"] as? [Any], y.count == result.y.count else {
            return .failure("the JSON output's y does not have \(result.y.count) values")
        }
        return .success
    }

    static func preview(_ data: Data) -> String {
        let text = String(decoding: data.prefix(400), as: UTF8.self)
        return data.count > 400 ? text + "… (\(data.count) bytes)" : text
    }

    /// A few hand-picked cases that once were, or could be, holes.
    @Test func knownEdges() {
        let cases: [String] = [
            // Running variance of values near the float32 limit overflows float32 (σ² ~ 1e76).
            #"{"variant":"batch","shape":[2,1,1,1],"x":[3.4e38,-3.4e38]}"#,
            #"{"variant":"batch","shape":[4,1,1,1],"x":[1e30,-1e30,1e30,-1e30],"momentum":1}"#,
            // Eval mode with a zero running variance and ε = 0 divides by zero.
            #"{"variant":"batch","shape":[2,1,1,1],"x":[1,2],"mode":"eval","running_var":[0],"eps":0}"#,
            // Constant data with ε = 0: σ = 0.
            #"{"variant":"layer","shape":[1,2,1,2],"x":[5,5,5,5],"eps":0}"#,
            #"{"variant":"rms","shape":[1,2,1,2],"x":[0,0,0,0],"eps":0}"#,
            #"{"variant":"instance","shape":[1,1,2,2],"x":[0,0,0,0],"eps":0,"eps_placement":"outside","dy":[1,1,1,1]}"#,
            // Subnormal ε and data.
            #"{"variant":"layer","shape":[1,1,1,2],"x":[1e-45,0],"eps":1e-45,"dy":[1,-1],"gamma":[1],"beta":[0]}"#,
            // A shape far beyond memory is refused before x is read.
            #"{"variant":"layer","shape":[1000000,1000000,1000000,1000000],"x":[]}"#,
            #"{"variant":"layer","shape":[9223372036854775807,2,1,1],"x":[]}"#,
            #"{"variant":"layer","shape":[1e300,1,1,1],"x":[]}"#,
            // A huge upstream gradient overflows dγ.
            #"{"variant":"layer","shape":[1,1,1,2],"x":[1,-1],"dy":[3e38,3e38],"gamma":[1]}"#,
            #"{"variant":"group","groups":9223372036854775807,"shape":[1,2,1,2],"x":[1,2,3,4]}"#,
            #"{"variant":"group","groups":-1,"shape":[1,2,1,2],"x":[1,2,3,4]}"#,
            #"{"variant":"batch","shape":[2,1,1,1],"x":[1,2],"momentum":1e308}"#,
            #"{"variant":"layer","shape":[1,1,1,2],"x":[1,2],"eps":1e308}"#,
            #"{"variant":"layer","shape":[1,1,1,2],"x":[1,2],"eps":1.7976931348623157e308,"eps_placement":"outside"}"#,
        ]
        for text in cases {
            if case .failure(let problem) = Self.check(Data(text.utf8)) {
                Issue.record("\(problem)\ninput: \(text)")
            }
        }
    }
}

/// Generates compute inputs from a seed: valid cases, and valid cases broken on purpose.
struct FuzzGenerator {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed, stream: 7) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    static let variants = ["batch", "layer", "instance", "group", "rms", "none"]

    /// A JSON number as text: mostly ordinary, sometimes extreme.
    mutating func number(extreme: Double = 0.1) -> String {
        if chance(extreme) {
            return pick([
                "3.4028235e38", "-3.4028235e38", "3.4028234e38", "1.17549435e-38", "1e-45", "-1e-45", "1.4e-45",
                "0", "-0.0", "0.0", "3.5e38", "1e39", "-1e39", "1e308", "1.7976931348623157e308", "1e400",
                "-1e400", "4.9e-324", "1e-400", "123456789012345678901234567890", "16777217", "-16777217",
            ])
        }
        let value = Double.random(in: -4...4, using: &rng) * pick([1, 1, 1, 1e-6, 1e3, 1e6, 1e12])
        return "\(value)"
    }

    mutating func numbers(_ count: Int, extreme: Double = 0.05) -> String {
        var parts: [String] = []
        parts.reserveCapacity(count)
        for _ in 0..<count { parts.append(number(extreme: extreme)) }
        return "[" + parts.joined(separator: ",") + "]"
    }

    /// A valid case as fields (value texts), with a shape small enough to run fast.
    mutating func validFields(allowBackward: Bool = true) -> [(String, String)] {
        let variant = pick(Self.variants)
        var n = int(1...4), c = int(1...6), h = int(1...4), w = int(1...4)
        var groups = 1
        switch variant {
        case "batch": if n * h * w < 2 { n = 2 }
        case "instance": if h * w < 2 { h = 2 }
        case "group":
            c = pick([2, 4, 6, 8])
            groups = pick([1, 2, c])
        default: break
        }
        if chance(0.1) { (n, c, h, w) = (int(1...32), int(1...8), int(2...8), int(2...8)) }
        if variant == "group", c % groups != 0 { groups = 1 }
        let count = n * c * h * w
        var fields: [(String, String)] = [("variant", "\"\(variant)\"")]
        fields.append(("shape", chance(0.15) && h == 1 && w == 1 ? "[\(n),\(c)]" : "[\(n),\(c),\(h),\(w)]"))
        fields.append(("x", numbers(count, extreme: 0.01)))
        if variant == "group" { fields.append(("groups", "\(groups)")) }
        if chance(0.3) { fields.append(("eps", pick(["1e-5", "0.001", "1e-12", "0.1", "1"]))) }
        if chance(0.3) { fields.append(("eps_placement", pick(["\"inside\"", "\"outside\""]))) }
        if chance(0.3) { fields.append(("variance_algorithm", pick(["\"two-pass\"", "\"welford\"", "\"naive\""]))) }
        if variant == "batch" {
            if chance(0.3) { fields.append(("mode", pick(["\"train\"", "\"eval\""]))) }
            if chance(0.3) { fields.append(("momentum", pick(["0", "0.1", "0.5", "1"]))) }
            if chance(0.3) { fields.append(("running_mean", numbers(c, extreme: 0))) }
            if chance(0.3) {
                fields.append(("running_var", "[" + (0..<c).map { _ in "\(Double.random(in: 0.01...4, using: &rng))" }.joined(separator: ",") + "]"))
            }
        }
        if variant != "none", chance(0.4) { fields.append(("gamma", numbers(c, extreme: 0))) }
        if variant != "none", variant != "rms", chance(0.4) { fields.append(("beta", numbers(c, extreme: 0))) }
        if allowBackward, chance(0.4) { fields.append(("dy", numbers(count, extreme: 0))) }
        return fields
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON value of a random type, often not the one the field wants.
    mutating func wrongValue(depth: Int = 0) -> String {
        switch int(0...(depth > 2 ? 8 : 10)) {
        case 0: return "null"
        case 1: return pick(["true", "false"])
        case 2: return "\"" + pick(["", "batch", "x", "1e5", "NaN", "∞", "💥", "\\u0000", "[1,2]"]) + "\""
        case 3: return number(extreme: 0.5)
        case 4: return "[]"
        case 5: return "{}"
        case 6: return "[\"1\",\"2\"]"
        case 7: return "[true,false]"
        case 8: return "[null]"
        case 9: return "[" + wrongValue(depth: depth + 1) + "," + wrongValue(depth: depth + 1) + "]"
        default: return "{\"a\":" + wrongValue(depth: depth + 1) + "}"
        }
    }

    mutating func input(of family: ComputeFuzzTests.Family) -> Data {
        switch family {
        case .validRandom:
            return Data(Self.object(validFields()).utf8)

        case .truncated:
            let text = Array(Self.object(validFields()).utf8)
            return Data(text.prefix(int(0...(text.count - 1))))

        case .wrongTypes:
            var fields = validFields()
            let names = ["variant", "shape", "x", "groups", "eps", "eps_placement", "mode", "momentum", "gamma",
                         "beta", "running_mean", "running_var", "dy", "variance_algorithm"]
            for _ in 0..<int(1...3) {
                let name = pick(names)
                fields.removeAll { $0.0 == name }
                fields.append((name, wrongValue()))
            }
            if chance(0.1) { fields.append((pick(["X", "shape ", "", "💥", "extra"]), "1")) }
            if chance(0.1) { fields.removeAll { $0.0 == pick(["variant", "shape", "x"]) } }
            if chance(0.1) { return Data(pick(["[]", "null", "1", "\"x\"", "true", "[{}]"]).utf8) }
            return Data(Self.object(fields).utf8)

        case .shapes:
            let variant = pick(Self.variants)
            let huge = ["0", "-1", "1.5", "1e300", "1e15", "9223372036854775807", "9223372036854775808",
                        "4294967296", "65536", "268435457", "-9223372036854775808", "\"2\"", "null"]
            var dims: [String] = []
            switch int(0...5) {
            case 0: dims = []
            case 1: dims = (0..<int(1...8)).map { _ in "\(int(1...3))" }
            case 2: dims = (0..<4).map { _ in pick(huge + ["1", "2", "3"]) }
            case 3: dims = ["65536", "65536", "65536", "65536"]
            case 4: dims = ["\(int(1...2))", "\(int(1...2))", "16384", "16384"]  // 2^28+ elements at most 2^30
            default: dims = ["\(int(1...3))", "\(int(1...3))", "\(int(1...3))", "\(int(1...3))"]
            }
            var fields: [(String, String)] = [("variant", "\"\(variant)\""), ("shape", "[" + dims.joined(separator: ",") + "]")]
            let count = dims.compactMap { Int($0) }.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
            fields.append(("x", (1...4096).contains(count) && chance(0.8) ? numbers(count) : pick(["[]", "[1]", "[1,2,3]"])))
            if variant == "group" { fields.append(("groups", pick(["1", "2", "0", "3"]))) }
            return Data(Self.object(fields).utf8)

        case .float32Extremes:
            var fields = validFields()
            let count = fields.first { $0.0 == "x" }!.1.split(separator: ",").count
            let extremes = ["3.4028235e38", "-3.4028235e38", "3.4028234e38", "-3.4e38", "1.17549435e-38", "1e-45",
                            "-1e-45", "0", "-0.0", "1e38", "-1e38", "1e-38", "16777216", "1e20", "-1e20"]
            let pattern = int(0...3)
            let values = (0..<count).map { i -> String in
                switch pattern {
                case 0: return pick(extremes)
                case 1: return i % 2 == 0 ? "3.4028235e38" : "-3.4028235e38"
                case 2: return i == 0 ? "1e38" : "1e-38"
                default: return pick(["1e-45", "0", "-1e-45", "1.4e-45"])
                }
            }
            fields.removeAll { $0.0 == "x" }
            fields.append(("x", "[" + values.joined(separator: ",") + "]"))
            return Data(Self.object(fields).utf8)

        case .zeroEpsConstant:
            var fields = validFields()
            let count = fields.first { $0.0 == "x" }!.1.split(separator: ",").count
            let constant = pick(["0", "1", "-3.5", "1e30", "1e-40", "3.4028235e38"])
            fields.removeAll { ["x", "eps", "running_var"].contains($0.0) }
            let values = (0..<count).map { i in chance(0.1) && i > 0 ? number(extreme: 0) : constant }
            fields.append(("x", "[" + values.joined(separator: ",") + "]"))
            fields.append(("eps", pick(["0", "0", "0.0", "1e-45", "4.9e-324", "1e-300"])))
            if chance(0.3) { fields.append(("running_var", "[" + Array(repeating: "0", count: count).prefix(1).joined() + "]")) }
            return Data(Self.object(fields).utf8)

        case .enormousValues:
            var fields = validFields()
            let names = ["x", "gamma", "beta", "running_mean", "running_var", "dy", "eps", "momentum"]
            let name = pick(names)
            guard let index = fields.firstIndex(where: { $0.0 == name }) else {
                fields.append(("eps", pick(["1e308", "1e400", "1e39", "3.4e38", "-1e400"])))
                return Data(Self.object(fields).utf8)
            }
            let enormous = ["1e39", "1e308", "1e400", "-1e400", "3.5e38", "1e38", "3e38", "-3e38", "1" + String(repeating: "0", count: 400)]
            if fields[index].1.hasPrefix("[") {
                var values = fields[index].1.dropFirst().dropLast().split(separator: ",").map(String.init)
                for _ in 0..<int(1...3) where !values.isEmpty { values[int(0...(values.count - 1))] = pick(enormous) }
                fields[index].1 = "[" + values.joined(separator: ",") + "]"
            } else {
                fields[index].1 = pick(enormous)
            }
            return Data(Self.object(fields).utf8)

        case .deepNesting:
            let depth = pick([10, 100, 512, 513, 1000, 5000, 20000])
            let open = pick(["[", "{\"a\":"])
            let close = open == "[" ? "]" : "}"
            let inner = String(repeating: open, count: depth) + "1" + String(repeating: close, count: chance(0.8) ? depth : depth / 2)
            switch int(0...2) {
            case 0: return Data(inner.utf8)
            case 1: return Data("{\"variant\":\"layer\",\"shape\":\(inner),\"x\":[1]}".utf8)
            default: return Data("{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[1,\(inner)]}".utf8)
            }

        case .unicodeJunk:
            var bytes: [UInt8]
            switch int(0...5) {
            case 0: bytes = (0..<int(0...200)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1:  // valid JSON with junk inside strings and keys
                let junk = pick(["\u{0}", "\u{FEFF}", "💥", "e\u{301}", "\u{202E}batch", "ｂａｔｃｈ", "\u{1F4A9}", "\\ud800", "\\udfff\\ud800"])
                bytes = Array("{\"variant\":\"\(junk)\",\"shape\":[1,1,1,2],\"x\":[1,2],\"\(junk)\":1}".utf8)
            case 2:  // invalid UTF-8 in the middle of a valid case
                bytes = Array(Self.object(validFields()).utf8)
                let at = int(0...(bytes.count - 1))
                bytes.insert(contentsOf: pick([[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]]), at: at)
            case 3:  // UTF-16 or a byte order mark
                let text = Self.object(validFields(allowBackward: false))
                bytes = chance(0.5) ? [0xEF, 0xBB, 0xBF] + Array(text.utf8) : Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            case 4:  // tokens that are not JSON
                bytes = Array(pick([
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[NaN,1]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[Infinity,1]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[-Infinity,1]}",
                    "{'variant':'layer'}", "{variant: layer}", "", " ", "\u{0}", "{\"x\":[1,2,]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[1,2]} trailing",
                    "{\"variant\":\"layer\",\"variant\":\"batch\",\"shape\":[2,1,1,1],\"x\":[1,2]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[0x10,1]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[.5,1]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[1e,1]}",
                    "{\"variant\":\"layer\",\"shape\":[1,1,1,2],\"x\":[01,1]}",
                ]).utf8)
            default:  // a long string value
                bytes = Array("{\"variant\":\"\(String(repeating: pick(["a", "é", "💥", "\\n"]), count: int(1000...100_000)))\",\"shape\":[1,1,1,2],\"x\":[1,2]}".utf8)
            }
            return Data(bytes)

        case .parameters:
            var fields = validFields()
            let c = int(0...8)
            switch int(0...9) {
            case 0: fields.append(("gamma", numbers(c)))
            case 1: fields.append(("beta", numbers(c)))
            case 2: fields.append(("running_mean", numbers(c)))
            case 3: fields.append(("running_var", "[" + (0..<c).map { _ in pick(["-1", "0", "1e-45", "3.4e38", "1", "-0.0"]) }.joined(separator: ",") + "]"))
            case 4: fields.append(("groups", pick(["0", "-3", "1", "7", "1000000", "1.5", "1e20"])))
            case 5: fields.append(("momentum", pick(["-0.1", "1.0000001", "0", "1", "1e308", "-1e308", "2"])))
            case 6: fields.append(("eps", pick(["-1e-5", "-0.0", "0", "1e308", "1e-320", "3.4e38"])))
            case 7: fields.append(("mode", pick(["\"eval\"", "\"train\"", "\"Eval\"", "\"test\"", "\"\""])))
            case 8: fields.append(("dy", numbers(int(0...30))))
            default: fields.append(("variant", "\"" + pick(["group", "rms", "none", "batch", "instance", "layer"]) + "\""))
            }
            // Later duplicates replace earlier fields in a JSON object.
            var seen = Set<String>()
            let unique = fields.reversed().filter { seen.insert($0.0).inserted }.reversed()
            return Data(Self.object(Array(unique)).utf8)

        case .byteFlips:
            var bytes = Array(Self.object(validFields()).utf8)
            for _ in 0..<int(1...4) {
                let at = int(0...(bytes.count - 1))
                switch int(0...2) {
                case 0: bytes[at] = pick(Array("{}[],:\"0123456789.-+eE \\tnul".utf8))
                case 1: bytes.remove(at: at)
                default: bytes.insert(bytes[at], at: at)
                }
                if bytes.isEmpty { break }
            }
            return Data(bytes)

        case .backward:
            var fields = validFields(allowBackward: false)
            let count = fields.first { $0.0 == "x" }!.1.split(separator: ",").count
            fields.append(("dy", numbers(count, extreme: 0.01)))
            return Data(Self.object(fields).utf8)
        }
    }
}

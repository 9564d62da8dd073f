import Foundation
import NormMath

/// Everything one `normtui bench` run measured, and its two forms: JSON for programs, a table
/// for people.
struct BenchReport {
    var shape: TensorShape
    var threads: Int
    var copyGigabytesPerSecond: Double
    var results: [KernelBenchmark.Result]
    /// Measurements that only some runs make (`--train`, …), in the order they were made.
    var extras: [Extra] = []

    /// One optional measurement: a single number with its JSON key and a label for people.
    struct Extra {
        /// The JSON key, e.g. `train_step_ms`.
        var key: String
        /// What the text form calls it, e.g. `training step (conv, depth 3, 32×16×8×8)`.
        var label: String
        var value: Double
        /// The unit the text form prints after the value, e.g. `ms`.
        var unit: String
    }

    /// The floor of a kernel that reads and writes every element once: 4 bytes read and 4
    /// written per element at the measured copy bandwidth, in the kernels' unit.
    var copyNanosecondsPerElement: Double { 8 / copyGigabytesPerSecond }

    /// `{"shape": [..], "threads": T, "memcpy_gbps": X, "copy_ns_per_element": F, "results": [..],
    /// <extras>}` on one line.
    var json: String {
        func number(_ value: Double) -> String {
            value.isFinite ? String(format: "%.4g", value) : "null"
        }
        let results = self.results.map { result in
            "{\"variant\": \"\(result.variant.rawValue)\", "
                + "\"forward_ns_per_element\": \(number(result.forwardNanosecondsPerElement)), "
                + "\"forward_backward_ns_per_element\": \(number(result.forwardBackwardNanosecondsPerElement))}"
        }
        var fields = [
            "\"shape\": [\(shape.dims.map(String.init).joined(separator: ", "))]",
            "\"threads\": \(threads)",
            "\"memcpy_gbps\": \(number(copyGigabytesPerSecond))",
            "\"copy_ns_per_element\": \(number(copyNanosecondsPerElement))",
            "\"results\": [\(results.joined(separator: ", "))]",
        ]
        fields += extras.map { "\"\($0.key)\": \(number($0.value))" }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A table of the kernels in ns per element, with the copy as the floor to compare with.
    var text: String {
        let copyNanoseconds = copyNanosecondsPerElement
        var lines = [
            "normtui bench: \(shape) (\(shape.count) elements), \(threads) thread\(threads == 1 ? "" : "s")",
            "memcpy: \(String(format: "%.1f", copyGigabytesPerSecond)) GB/s = \(String(format: "%.3f", copyNanoseconds)) ns per element read + written",
            "",
            "variant    forward        forward+backward   (ns per element, best of several runs)",
        ]
        for result in results {
            lines.append(
                result.variant.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(format: "%7.3f", result.forwardNanosecondsPerElement).padding(toLength: 15, withPad: " ", startingAt: 0)
                    + String(format: "%7.3f", result.forwardBackwardNanosecondsPerElement))
        }
        if !extras.isEmpty { lines.append("") }
        for extra in extras {
            lines.append("\(extra.label): \(String(format: "%.3f", extra.value)) \(extra.unit)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Foundation
import TerminalUI

/// A recording made in a temporary folder, read back as parsed JSON lines.
struct RecordingFile {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "normtui-recording-\(UUID().uuidString).cast"
    }

    var lines: [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Every line parsed as JSON; the file must end with a newline.
    func parsed() throws -> (header: [String: Any], events: [[Any]]) {
        var lines = lines
        guard lines.last == "" else { throw Malformed(reason: "no newline at the end") }
        lines.removeLast()
        guard let first = lines.first,
            let header = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        else { throw Malformed(reason: "no header") }
        let events = try lines.dropFirst().map { line in
            guard let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], event.count == 3 else {
                throw Malformed(reason: "not an event: \(line)")
            }
            return event
        }
        return (header, events)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    struct Malformed: Error { var reason: String }
}

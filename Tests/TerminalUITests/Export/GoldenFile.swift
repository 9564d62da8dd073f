import Foundation
import Testing

/// Compares exported text with a file in Golden/ beside this file (read from the source tree
/// through #filePath). `UPDATE_GOLDEN=1 swift test --filter ExportTests` rewrites the files
/// instead; read their diff before committing it.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        let (got, want) = (text.split(separator: "\n", omittingEmptySubsequences: false),
                           golden.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(got.count == want.count, "\(name): \(got.count) lines, golden has \(want.count)", sourceLocation: sourceLocation)
        for (index, (line, expected)) in zip(got, want).enumerated() where line != expected {
            Issue.record("\(name) line \(index + 1) differs:\n got: \(line)\nwant: \(expected)", sourceLocation: sourceLocation)
            return
        }
    }
}

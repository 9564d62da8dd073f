import Foundation

/// Reading a file named on the command line, with the reason when it cannot be read. Reads
/// through a file handle, so that /dev/null, pipes and process substitutions work too.
enum InputFile {
    /// - Parameter what: how the error names the file, e.g. "config".
    static func read(_ path: String, what: String? = nil) throws -> Data {
        let name = what.map { "\($0) \(path)" } ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("cannot read \(name): no such file")
        }
        guard !isDirectory.boolValue else { throw CommandFailure("cannot read \(name): it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure("cannot read \(name): it is not readable")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CommandFailure("cannot read \(name): \(error.localizedDescription)")
        }
    }
}

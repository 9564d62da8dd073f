import Glibc

/// Why a recording could not be opened or written, in the system's words.
public struct RecordingError: Error, CustomStringConvertible, Sendable {
    public let description: String

    /// `what` the recording tried, and the reason `errno` gives.
    init(_ what: String, path: String, errno code: Int32) {
        description = "cannot \(what) \"\(path)\": \(String(cString: strerror(code)))"
    }
}

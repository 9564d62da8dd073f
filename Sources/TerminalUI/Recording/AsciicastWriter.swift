import Glibc

/// An asciicast v2 file (the format asciinema plays): a header line, then one event a line,
/// `[seconds, "o", data]` for output and `[seconds, "r", "WxH"]` for a resize.
///
/// Every line goes to the file in one `write(2)` as it happens, with no buffer in between:
/// asciicast v2 is newline-delimited JSON, so a recording cut by a signal (or a crash) still
/// plays, up to its last complete line. The file is opened by `init`, before a terminal is
/// taken over, so that a bad path is reported as a plain error.
public final class AsciicastWriter {
    public let path: String
    private var descriptor: Int32
    /// The first write that failed (a full disk); nothing is written after it.
    public private(set) var failure: RecordingError?

    /// Creates (or empties) the file at `path`.
    /// - Throws: ``RecordingError`` when the folder is missing, the path is a folder, or
    ///   writing there is not allowed.
    public init(path: String) throws(RecordingError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RecordingError("record to", path: path, errno: errno) }
    }

    deinit { close() }

    /// The header: the terminal's size at the start, when it was made (Unix seconds) and a
    /// title for players. `TERM` tells a player the colours are the 256-colour set's.
    public func writeHeader(width: Int, height: Int, title: String, timestamp: Int = Int(time(nil))) {
        write(line: "{\"version\":2,\"width\":\(width),\"height\":\(height),\"timestamp\":\(timestamp),"
            + "\"title\":\(JSONString.quoted(title)),\"env\":{\"TERM\":\"xterm-256color\"}}")
    }

    /// What the terminal was sent at `seconds` after the start.
    public func writeOutput(_ data: String, at seconds: Double) {
        write(line: "[\(Self.format(seconds)),\"o\",\(JSONString.quoted(data))]")
    }

    /// The terminal became `width`×`height` at `seconds` after the start.
    public func writeResize(width: Int, height: Int, at seconds: Double) {
        write(line: "[\(Self.format(seconds)),\"r\",\"\(width)x\(height)\"]")
    }

    /// Closes the file; later events are dropped.
    public func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Seconds with microseconds, as asciinema writes them, never in exponent notation.
    static func format(_ seconds: Double) -> String {
        let micros = Int((max(0, seconds) * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// The line and its newline in one write (repeated only if the system wrote part of it).
    private func write(line: String) {
        guard descriptor >= 0, failure == nil else { return }
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = RecordingError("write to", path: path, errno: errno)
                return
            }
            offset += written
        }
    }
}

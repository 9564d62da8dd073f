import Glibc

/// Files the program writes appear whole or not at all: the text goes to a temporary file in
/// the same folder, is flushed to disk, and is renamed over the target — an interrupted write
/// leaves at most a stray temporary file, never half an export or config.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(reason())") }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let message = reason()
                close(descriptor)
                unlink(temporary)
                throw Failure(description: "cannot write \(path): \(message)")
            }
            written += result
        }
        bytes.removeAll()
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let message = reason()
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(message)")
        }
        guard rename(temporary, path) == 0 else {
            let message = reason()
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(message)")
        }
    }

    /// The text of `errno`, e.g. "Permission denied".
    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}

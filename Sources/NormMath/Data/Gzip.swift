import CZlib

/// gzip decompression through zlib, for the bundled digits file.
enum Gzip {
    /// The decompressed bytes of a gzip (or zlib) stream.
    /// - Throws: ``DatasetError/unreadableResource(_:)`` when the data are not a complete stream.
    static func decompress(_ compressed: [UInt8]) throws(DatasetError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: the largest window, and detect a gzip or zlib header by itself.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .unreadableResource("zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_OK, stream.avail_in == 0, stream.avail_out > 0 { break }  // truncated input
            }
        }
        guard status == Z_STREAM_END else {
            throw .unreadableResource("the gzip data are damaged or incomplete (zlib status \(status))")
        }
        return output
    }
}

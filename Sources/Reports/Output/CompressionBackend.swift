/// What Reports needs to write compressed files; the CLI supplies the one on libdeflate. `Sendable`
/// because traces are compressed on another thread while the figures render.
public protocol CompressionBackend: Sendable {
    /// Writes a gzip file at `path` (whole or not at all) holding every byte `body` hands to its
    /// `write` function, in order.
    func writeGzip(to path: String, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws
}

extension CompressionBackend {
    /// Writes a gzip file at `path` from text: `body` writes into a text stream whose bytes are
    /// compressed as they come.
    func streamGzip(to path: String, _ body: (inout CompressingTextStream) -> Void) throws {
        try writeGzip(to: path) { write in
            withoutActuallyEscaping(write) { write in
                var stream = CompressingTextStream(write: write)
                body(&stream)
            }
        }
    }
}

/// A `TextOutputStream` handing its UTF-8 bytes to a compressor.
struct CompressingTextStream: TextOutputStream {
    let write: (UnsafeRawBufferPointer) -> Void

    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

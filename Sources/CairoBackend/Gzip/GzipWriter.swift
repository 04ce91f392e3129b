import CCairo
import Foundation

/// Writes gzip files (RFC 1952) as a stream with zlib: bytes go in as they are made, are deflated
/// through a fixed buffer, and the file lands whole (temporary name in its folder, then renamed).
///
/// ```
/// deflateInit2_(level, Z_DEFLATED, windowBits 15 + 16 → gzip wrapper, memLevel 9, Z_DEFAULT_STRATEGY)
/// deflate(Z_NO_FLUSH) per chunk … deflate(Z_FINISH) … deflateEnd
/// ```
/// The gzip header carries no name and no time stamp, so the same bytes in give the same file.
/// Any gzip reader (`gzip -dc`, Python's `gzip`, pandas and polars `read_csv`) reads it.
public enum GzipWriter {
    /// Writes a gzip file at `path` holding every byte `body` hands to its `write` function, in order,
    /// deflated at zlib `level` (1 fastest … 9 smallest). Throws `RenderError` naming `path` when zlib or
    /// the file fails; then nothing lands.
    public static func write(to path: String, level: Int32, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        try FileLanding.land(path) { temporary in
            guard let file = fopen(temporary, "wb") else {
                throw RenderError(path: temporary, reason: String(cString: strerror(errno)))
            }
            var closed = false
            defer { if !closed { fclose(file) } }
            let stream = try DeflateStream(file: file, level: level, path: temporary)
            body { stream.deflate($0) }
            try stream.finish()
            closed = true
            guard fclose(file) == 0 else {
                throw RenderError(path: temporary, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// One zlib deflate stream into an open C file; owns the `z_stream` and frees it in `deinit`.
private final class DeflateStream {
    private var stream = z_stream()
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)
    /// The first failure; once set, further input is ignored and `finish` throws it.
    private var failure: RenderError?

    /// Starts a gzip-wrapped deflate stream (`deflateInit2_`) writing into `file`.
    init(file: UnsafeMutablePointer<FILE>, level: Int32, path: String) throws {
        self.file = file; self.path = path
        let status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw RenderError(path: path, reason: "zlib: deflateInit2 failed (\(status))")
        }
    }

    deinit { deflateEnd(&stream) }

    /// Deflates `bytes` (`deflate` with `Z_NO_FLUSH`), writing whatever output fills the buffer.
    func deflate(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let base = bytes.baseAddress, bytes.count > 0 else { return }
        // zlib counts input in 32-bit lengths; hand over large inputs in pieces.
        var offset = 0
        while offset < bytes.count, failure == nil {
            let count = min(bytes.count - offset, 1 << 30)
            stream.next_in = UnsafeMutablePointer(mutating: base.advanced(by: offset).assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(count)
            run(flush: Z_NO_FLUSH)
            offset += count
        }
    }

    /// Ends the stream (`deflate` with `Z_FINISH`) and writes the rest; throws the first failure.
    func finish() throws {
        if failure == nil {
            stream.next_in = nil
            stream.avail_in = 0
            run(flush: Z_FINISH)
        }
        if let failure { throw failure }
    }

    /// Calls `deflate` until zlib has taken every input byte (and, when finishing, ended the stream),
    /// writing each full or final buffer to the file.
    private func run(flush: Int32) {
        buffer.withUnsafeMutableBufferPointer { out in
            while true {
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let status = CCairo.deflate(&stream, flush)
                guard status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END else {
                    failure = RenderError(path: path, reason: "zlib: deflate failed (\(status))")
                    return
                }
                let produced = out.count - Int(stream.avail_out)
                if produced > 0, fwrite(out.baseAddress, 1, produced, file) != produced {
                    failure = RenderError(path: path, reason: String(cString: strerror(errno)))
                    return
                }
                if flush == Z_FINISH ? status == Z_STREAM_END : (stream.avail_in == 0 && stream.avail_out > 0) { return }
            }
        }
    }
}

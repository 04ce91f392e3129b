import CCairo
import Foundation

/// Writes gzip files (RFC 1952) as a stream with libdeflate: bytes go in as they are made, every
/// `chunkBytes` of them become one gzip member, and the file lands whole (temporary name in its
/// folder, then renamed).
///
/// ```
/// file = member(chunk 1) · member(chunk 2) · … · member(last chunk)
/// member = libdeflate_gzip_compress(chunk): 10-byte header · deflate · CRC-32 · length
/// ```
/// RFC 1952 makes a gzip file a series of members, and every reader joins them (`gzip -dc`, Python's
/// `gzip` and so pandas, polars). libdeflate compresses whole buffers only, which is why the stream is
/// cut into members; it deflates CSV text about twice as fast as zlib at level 1, and smaller. Each
/// member restarts the 32 kB window, which costs about 0.1% at 4 MB a chunk. The headers carry no name
/// and no time stamp, so the same bytes in give the same file.
public enum GzipWriter {
    /// Bytes per gzip member.
    public static let chunkBytes = 1 << 22

    /// Writes a gzip file at `path` holding every byte `body` hands to its `write` function, in order,
    /// compressed at libdeflate `level` (1 fastest … 12 smallest). Throws `RenderError` naming `path`
    /// when compression or the file fails; then nothing lands.
    public static func write(to path: String, level: Int32, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        try FileLanding.land(path) { temporary in
            guard let file = fopen(temporary, "wb") else {
                throw RenderError(path: temporary, reason: String(cString: strerror(errno)))
            }
            var closed = false
            defer { if !closed { fclose(file) } }
            let stream = try MemberStream(file: file, level: level, path: temporary)
            body { stream.append($0) }
            try stream.finish()
            closed = true
            guard fclose(file) == 0 else {
                throw RenderError(path: temporary, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// Gathers bytes into a chunk and writes each full chunk as one gzip member; owns the libdeflate
/// compressor and frees it in `deinit`.
private final class MemberStream {
    private let compressor: OpaquePointer
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var chunk: [UInt8] = []
    private var output: [UInt8]
    /// The first failure; once set, further input is ignored and `finish` throws it.
    private var failure: RenderError?

    /// A stream into `file` (`libdeflate_alloc_compressor`).
    init(file: UnsafeMutablePointer<FILE>, level: Int32, path: String) throws {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw RenderError(path: path, reason: "libdeflate: cannot make a compressor at level \(level)")
        }
        self.compressor = compressor; self.file = file; self.path = path
        chunk.reserveCapacity(GzipWriter.chunkBytes)
        output = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor, GzipWriter.chunkBytes))
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// Adds `bytes`, writing a member each time the chunk fills.
    func append(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes[...]
        while !rest.isEmpty, failure == nil {
            let take = min(rest.count, GzipWriter.chunkBytes - chunk.count)
            chunk.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if chunk.count == GzipWriter.chunkBytes { writeMember() }
        }
    }

    /// Writes the last chunk (an empty input still gets one member, so the file is valid gzip);
    /// throws the first failure.
    func finish() throws {
        if failure == nil { writeMember() }
        if let failure { throw failure }
    }

    /// Compresses the chunk into one member (`libdeflate_gzip_compress`), writes it and empties the chunk.
    private func writeMember() {
        let produced = chunk.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        guard produced > 0 else {
            failure = RenderError(path: path, reason: "libdeflate: compression failed")
            return
        }
        if output.withUnsafeBytes({ fwrite($0.baseAddress, 1, produced, file) }) != produced {
            failure = RenderError(path: path, reason: String(cString: strerror(errno)))
        }
        chunk.removeAll(keepingCapacity: true)
    }
}

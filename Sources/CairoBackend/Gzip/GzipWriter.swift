import CCairo
import Dispatch
import Foundation
import Parallelism

/// Writes gzip files (RFC 1952) as a stream with libdeflate: bytes go in as they are made, every
/// `chunkBytes` of them become one gzip member, compressed on worker threads while the caller makes
/// the next bytes, and the file lands whole (temporary name in its folder, then renamed).
///
/// ```
/// file = member(chunk 1) · member(chunk 2) · … · member(last chunk)
/// member = libdeflate_gzip_compress(chunk): 10-byte header · deflate · CRC-32 · length
/// ```
/// RFC 1952 makes a gzip file a series of members, and every reader joins them (`gzip -dc`, Python's
/// `gzip` and so pandas, polars). libdeflate compresses whole buffers only, which is why the stream is
/// cut into members; it deflates CSV text about twice as fast as zlib at level 1, and smaller. Each
/// member restarts the 32 kB window, which costs under 0.1% at 4 MB a chunk. The headers carry no name
/// and no time stamp, so the same bytes in give the same file.
public enum GzipWriter {
    /// Bytes per gzip member.
    public static let chunkBytes = 1 << 22

    /// Writes a gzip file at `path` holding every byte `body` hands to its `write` function, in order,
    /// compressed at libdeflate `level` (1 fastest … 12 smallest). Throws `RenderError` naming `path`
    /// when compression or the file fails; then nothing lands.
    public static func write(to path: String, level: Int32, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        try RenderError.landing(path) { temporary in
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

/// Gathers bytes into chunks and compresses each full chunk into one gzip member on a worker thread
/// (at most `inFlight` at once, so memory stays bounded), writing finished members in order.
private final class MemberStream {
    // The workers see only `shared` (under its lock), `slots` and the chunk handed to each; everything
    // else is touched by the writing thread alone.
    private static let inFlight = 3
    private let level: Int32
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    /// The chunk being filled (`chunkBytes` long; a worker frees it once compressed) and its bytes so far.
    private var chunk = MemberStream.newChunk()
    private var filled = 0
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: MemberStream.inFlight)
    private let shared = Locked(Shared())
    private var dispatched = 0
    private var written = 0

    /// What the workers hand back.
    private struct Shared: Sendable {
        /// Compressed members by index, from when a worker finishes one until it is written.
        var members: [Int: [UInt8]] = [:]
        /// The first failure; once set, further input is ignored and `finish` throws it.
        var failure: RenderError?
    }

    /// A stream into `file`; checks that libdeflate takes `level` (`libdeflate_alloc_compressor`).
    init(file: UnsafeMutablePointer<FILE>, level: Int32, path: String) throws {
        guard let probe = libdeflate_alloc_compressor(level) else {
            throw RenderError(path: path, reason: "libdeflate: cannot make a compressor at level \(level)")
        }
        libdeflate_free_compressor(probe)
        self.level = level; self.file = file; self.path = path
    }

    deinit { chunk.deallocate() }

    private static func newChunk() -> UnsafeMutableRawBufferPointer {
        .allocate(byteCount: GzipWriter.chunkBytes, alignment: 16)
    }

    /// Adds `bytes`, handing a member to a worker each time the chunk fills.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, firstFailure == nil {
            let take = min(bytes.count - offset, GzipWriter.chunkBytes - filled)
            (chunk.baseAddress! + filled).copyMemory(from: base + offset, byteCount: take)
            filled += take
            offset += take
            if filled == GzipWriter.chunkBytes { dispatchChunk() }
        }
    }

    /// Compresses the last chunk (an empty input still gets one member, so the file is valid gzip),
    /// waits for the workers and writes what is left; throws the first failure.
    func finish() throws {
        if firstFailure == nil { dispatchChunk() }
        group.wait()
        writeReady()
        if let failure = firstFailure { throw failure }
    }

    /// Hands the chunk to a worker once one of the `inFlight` slots is free, then writes every member
    /// finished in order so far.
    private func dispatchChunk() {
        slots.wait()
        // The chunk's memory goes to the one worker that reads and then frees it; this thread takes a
        // new chunk and never touches the old one again.
        let full = Transfer((memory: chunk, count: filled))
        let index = dispatched, level = self.level, path = self.path, shared = self.shared, slots = self.slots
        chunk = MemberStream.newChunk()
        filled = 0
        dispatched += 1
        DispatchQueue.global().async(group: group) {
            let (memory, count) = full.value
            let member = MemberStream.compress(UnsafeRawBufferPointer(rebasing: memory[..<count]), level: level)
            memory.deallocate()
            shared.withLock { shared in
                if let member {
                    shared.members[index] = member
                } else if shared.failure == nil {
                    shared.failure = RenderError(path: path, reason: "libdeflate: compression failed")
                }
            }
            slots.signal()
        }
        writeReady()
    }

    /// Writes the finished members that are next in order.
    private func writeReady() {
        while true {
            let member = shared.withLock { $0.members.removeValue(forKey: written) }
            guard let member else { return }
            written += 1
            if firstFailure == nil, member.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) != member.count {
                fail(RenderError(path: path, reason: String(cString: strerror(errno))))
            }
        }
    }

    /// The first failure so far.
    private var firstFailure: RenderError? {
        shared.withLock { $0.failure }
    }

    /// Keeps `error` unless an earlier failure is kept already.
    private func fail(_ error: RenderError) {
        shared.withLock { if $0.failure == nil { $0.failure = error } }
    }

    /// One gzip member holding `input` (`libdeflate_alloc_compressor`, `libdeflate_gzip_compress`,
    /// `libdeflate_free_compressor`), or nil when libdeflate fails.
    private static func compress(_ input: UnsafeRawBufferPointer, level: Int32) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(level) else { return nil }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor, input.count))
        let produced = output.withUnsafeMutableBytes { target in
            libdeflate_gzip_compress(compressor, input.baseAddress, input.count, target.baseAddress, target.count)
        }
        guard produced > 0 else { return nil }
        output.removeLast(output.count - produced)
        return output
    }
}

import CCairo
import Dispatch
import Foundation
import Parallelism

/// Writes PNG bytes from a Cairo ARGB32 image surface directly, without `cairo_surface_write_to_png`.
///
/// Pixels become RGB (when the caller knows every pixel is opaque) or unpremultiplied RGBA, each row gets PNG filter
/// type 1 ("Sub": byte minus the byte one pixel to the left), and the rows are deflated by zlib at
/// level 1 (its fastest matcher, with the default strategy). Chunks carry libdeflate's CRC-32; the zlib
/// stream's Adler-32 comes from libdeflate, whose vectorised sum is many times faster than zlib's.
///
/// The rows are cut into stripes that are filtered and deflated independently (on worker threads, while
/// the next band of the page is drawn) and joined into one zlib stream:
///
/// ```
/// 78 01 · raw deflate of stripe 1 ending in a sync flush · … · raw deflate of the last stripe
/// (final block) · Adler-32 of all filtered rows (adler32_combine of the stripes' sums)
/// ```
/// A stripe's matches reach back only within the stripe, so cutting the stream costs a little at each
/// cut. No full-size filtered copy of the image is ever held.
///
/// Why these settings (1600-px map and figure pages): level 1's default strategy deflates the filtered
/// rows faster than `Z_RLE` did and to about half its bytes; libdeflate deflates them no faster and
/// cannot end a stripe on a byte boundary without ending the stream.
enum PNGEncoder {
    /// Rows per stripe: about 300 kB of filtered RGB at 1600 px, small enough to stay in cache.
    static let stripeRows = 64

    /// A PNG written band by band: rows are added top to bottom in whole stripes (any row count for the
    /// last band). `add` filters the band's rows into per-stripe buffers and returns; the stripes are
    /// deflated on worker threads while the caller draws the next band, and `finish` waits for them.
    final class Stream {
        let width: Int, height: Int, opaque: Bool, path: String
        private let results: Locked<StripeResults>
        private var rowsAdded = 0
        private let stripes: Int
        private let group = DispatchGroup()

        /// A PNG of `width × height`; RGB when `opaque` (alpha is then dropped), RGBA otherwise.
        init(width: Int, height: Int, opaque: Bool, path: String) {
            self.width = width; self.height = height; self.opaque = opaque; self.path = path
            stripes = (height + stripeRows - 1) / stripeRows
            results = Locked(StripeResults(stripes: Array(repeating: nil, count: stripes)))
        }

        /// Filters the next `rows` rows of an ARGB32 buffer (the buffer may be reused once this returns)
        /// and queues their stripes for deflating. Every band but the last must be a whole number of
        /// stripes (`PNGEncoder.stripeRows`).
        func add(data: UnsafePointer<UInt8>, rows: Int, stride: Int) {
            precondition(rowsAdded % stripeRows == 0 && rowsAdded + rows <= height, "PNG bands must be whole stripes")
            let firstStripe = rowsAdded / stripeRows
            let count = (rows + stripeRows - 1) / stripeRows
            let channels = opaque ? 3 : 4, rowBytes = 1 + width * channels
            for s in 0..<count {
                let first = s * stripeRows, n = min(stripeRows, rows - first)
                // Every byte is written by the filters (no zero fill first).
                let filtered = [UInt8](unsafeUninitializedCapacity: n * rowBytes) { out, initialized in
                    for y in 0..<n {
                        let row = UnsafeRawPointer(data + (first + y) * stride).assumingMemoryBound(to: UInt32.self)
                        let target = out.baseAddress! + y * rowBytes
                        if opaque { subFilterRGB(row, width: width, into: target) } else { subFilterRGBA(row, width: width, into: target) }
                    }
                    initialized = n * rowBytes
                }
                let k = firstStripe + s, last = k == stripes - 1, path = self.path, results = self.results
                DispatchQueue.global().async(group: group) { [filtered] in
                    do {
                        let stripe = try deflateStripe(filtered, last: last, path: path)
                        results.withLock { $0.stripes[k] = stripe }
                    } catch {
                        results.withLock { if $0.error == nil { $0.error = error } }
                    }
                }
            }
            rowsAdded += rows
        }

        /// The file bytes, once every row has been added and deflated.
        func finish() throws -> [UInt8] {
            precondition(rowsAdded == height, "every row must be added before finishing a PNG")
            group.wait()
            // Every worker has finished, so the stripes are this thread's alone from here on.
            var done = results.withLock { results in
                defer { results = StripeResults(stripes: []) }
                return results
            }
            if let error = done.error { throw error }
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            png.reserveCapacity(done.stripes.reduce(0) { $0 + ($1?.bytes.count ?? 0) } + 64 + 12 * stripes)
            appendChunk("IHDR", to: &png) { png in
                png.append(bigEndian: UInt32(width)); png.append(bigEndian: UInt32(height))
                png += [8, opaque ? 2 : 6, 0, 0, 0]
            }
            // One IDAT per stripe: the zlib header goes in front of the first, the checksum after the last.
            var adler = adler32(0, nil, 0)
            for k in 0..<stripes {
                // Released here so its bytes are freed once copied into the file.
                let stripe = done.stripes[k]!
                done.stripes[k] = nil
                adler = adler32_combine(adler, stripe.adler, stripe.length)
                appendChunk("IDAT", to: &png) { png in
                    if k == 0 { png += [0x78, 0x01] }
                    png += stripe.bytes
                    if k == stripes - 1 { png.append(bigEndian: UInt32(adler)) }
                }
            }
            appendChunk("IEND", to: &png) { _ in }
            return png
        }
    }

    /// Filter type byte 1, then opaque ARGB32 pixels as RGB minus the pixel to the left.
    @inline(__always)
    static func subFilterRGB(_ row: UnsafePointer<UInt32>, width: Int, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 1
        var previous: UInt32 = 0
        var o = out + 1
        for x in 0..<width {
            let px = row[x]
            // Byte-wise subtraction without borrows across channels.
            let d = ((px | 0x8080_8080) &- (previous & 0x7F7F_7F7F)) ^ ((px ^ ~previous) & 0x8080_8080)
            o[0] = UInt8(truncatingIfNeeded: d >> 16); o[1] = UInt8(truncatingIfNeeded: d >> 8); o[2] = UInt8(truncatingIfNeeded: d)
            o += 3
            previous = px
        }
    }

    /// Filter type byte 1, then ARGB32 pixels unpremultiplied to RGBA minus the pixel to the left.
    static func subFilterRGBA(_ row: UnsafePointer<UInt32>, width: Int, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 1
        var pr: UInt8 = 0, pg: UInt8 = 0, pb: UInt8 = 0, pa: UInt8 = 0
        for x in 0..<width {
            let (r, g, b, a) = ARGB32.straight(row[x])
            let o = 1 + x * 4
            out[o] = r &- pr; out[o + 1] = g &- pg; out[o + 2] = b &- pb; out[o + 3] = a &- pa
            pr = r; pg = g; pb = b; pa = a
        }
    }

    /// One stripe's raw deflate data (`deflateInit2_` with negative window bits, `deflate`,
    /// `deflateEnd`), level 1, the default strategy; ended by `Z_FINISH` for the last stripe and `Z_SYNC_FLUSH` (byte
    /// aligned, not final) for the others. Also the stripe's Adler-32 and length.
    static func deflateStripe(_ input: [UInt8], last: Bool, path: String) throws -> Stripe {
        var stream = z_stream()
        var status = deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw RenderError(path: path, reason: "zlib: deflateInit2 failed (\(status))") }
        defer { deflateEnd(&stream) }
        // The worst case, left unfilled: deflate writes what it produces and nothing else is read.
        let output = try [UInt8](unsafeUninitializedCapacity: Int(deflateBound(&stream, UInt(input.count))) + 64) { dst, produced in
            try input.withUnsafeBufferPointer { src in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                status = CCairo.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
                guard status == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else {
                    throw RenderError(path: path, reason: "zlib: deflate failed (\(status))")
                }
                produced = Int(stream.total_out)
            }
        }
        let sum = input.withUnsafeBufferPointer { UInt(libdeflate_adler32(1, $0.baseAddress, $0.count)) }
        // A right-sized copy: the worst-case buffer would keep its capacity for as long as the stripe.
        let bytes = [UInt8](unsafeUninitializedCapacity: output.count) { copy, count in
            count = output.withUnsafeBufferPointer { copy.initialize(fromContentsOf: $0) }
        }
        return Stripe(bytes: bytes, adler: sum, length: Int(input.count))
    }

    /// A deflated stripe.
    struct Stripe: Sendable {
        var bytes: [UInt8]
        var adler: UInt
        var length: Int
    }

    /// Appends a chunk: length, type, the data `body` appends, CRC-32 of type and data (`libdeflate_crc32`).
    static func appendChunk(_ type: String, to png: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        let lengthAt = png.count
        png.append(bigEndian: 0)
        let start = png.count
        png += type.utf8
        body(&png)
        let length = UInt32(png.count - start - 4)
        for (i, shift) in [24, 16, 8, 0].enumerated() { png[lengthAt + i] = UInt8((length >> UInt32(shift)) & 0xFF) }
        let crc = png.withUnsafeBufferPointer { buffer in
            libdeflate_crc32(0, buffer.baseAddress! + start, buffer.count - start)
        }
        png.append(bigEndian: UInt32(crc))
    }
}

/// The stripes deflated on several threads, by index, and the first error.
private struct StripeResults: Sendable {
    var stripes: [PNGEncoder.Stripe?]
    var error: Error?
}

extension Array where Element == UInt8 {
    /// Appends `v` as four big-endian bytes.
    mutating func append(bigEndian v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
}

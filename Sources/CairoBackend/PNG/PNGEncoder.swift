import CCairo

/// Writes PNG bytes from a Cairo ARGB32 image surface directly, without `cairo_surface_write_to_png`.
///
/// Pixels are unpremultiplied to RGB (when every pixel is opaque) or RGBA, each row gets PNG filter
/// type 1 ("Sub": byte minus the byte one pixel to the left), and the rows are deflated by zlib at
/// level 1 with the RLE strategy. Chunks carry zlib's `crc32`.
enum PNGEncoder {
    /// The PNG file bytes for an ARGB32 surface buffer.
    static func encode(data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, path: String) throws -> [UInt8] {
        var opaque = true
        for y in 0..<height where opaque {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        var filtered = [UInt8](repeating: 0, count: rowBytes * height)
        filtered.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let base = y * rowBytes
                out[base] = 1
                var pr: UInt8 = 0, pg: UInt8 = 0, pb: UInt8 = 0, pa: UInt8 = 0
                for x in 0..<width {
                    let px = row[x]
                    let a = UInt8(px >> 24)
                    var r = UInt8((px >> 16) & 0xFF), g = UInt8((px >> 8) & 0xFF), b = UInt8(px & 0xFF)
                    if a != 0xFF && a != 0 {
                        let a32 = UInt32(a)
                        r = UInt8(min(255, (UInt32(r) * 255 + a32 / 2) / a32))
                        g = UInt8(min(255, (UInt32(g) * 255 + a32 / 2) / a32))
                        b = UInt8(min(255, (UInt32(b) * 255 + a32 / 2) / a32))
                    }
                    let o = base + 1 + x * channels
                    out[o] = r &- pr; out[o + 1] = g &- pg; out[o + 2] = b &- pb
                    if channels == 4 { out[o + 3] = a &- pa }
                    pr = r; pg = g; pb = b; pa = a
                }
            }
        }
        let compressed = try deflate(filtered, path: path)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(width)); header.append(bigEndian: UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        var offset = 0
        repeat {
            let end = min(compressed.count, offset + (1 << 30))
            appendChunk("IDAT", compressed[offset..<end], to: &png)
            offset = end
        } while offset < compressed.count
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// zlib stream of `input` (`deflateInit2_`, `deflate`, `deflateEnd`) at level 1 with `Z_RLE`.
    static func deflate(_ input: [UInt8], path: String) throws -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(&stream, 1, Z_DEFLATED, 15, 8, Z_RLE, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw RenderError(path: path, reason: "zlib: deflateInit2 failed (\(status))") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        let produced: Int = try input.withUnsafeBufferPointer { src in
            try output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                status = CCairo.deflate(&stream, Z_FINISH)
                guard status == Z_STREAM_END else { throw RenderError(path: path, reason: "zlib: deflate failed (\(status))") }
                return Int(stream.total_out)
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Appends a chunk: length, type, data, CRC-32 of type and data (zlib's `crc32`).
    static func appendChunk<C: Collection>(_ type: String, _ data: C, to png: inout [UInt8]) where C.Element == UInt8 {
        let typeBytes = Array(type.utf8)
        png.append(bigEndian: UInt32(data.count))
        let start = png.count
        png += typeBytes
        png += data
        let crc = png.withUnsafeBufferPointer { buffer in
            crc32(0, buffer.baseAddress! + start, UInt32(buffer.count - start))
        }
        png.append(bigEndian: UInt32(crc))
    }
}

extension Array where Element == UInt8 {
    /// Appends `v` as four big-endian bytes.
    mutating func append(bigEndian v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
}

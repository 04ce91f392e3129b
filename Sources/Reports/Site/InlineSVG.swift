/// A Cairo SVG made fit to sit inside an HTML page beside other figures.
///
/// Cairo names glyphs, images, clips and surfaces with ids from counters that run across the whole
/// process (`glyph0-1`, `image94`, `surface12`). Inline SVGs share one page's id space, and the numbers
/// depend on what was drawn before, so every id is renamed `PREFIX-n`, numbered in order of first
/// appearance, and every reference (`href="#…"`, `url(#…)`) follows: figures cannot borrow each
/// other's glyphs, and the same figure gives the same text in any process. The XML declaration goes,
/// and the root's fixed `width` and `height` give way to the page's CSS (the `viewBox` stays).
/// Path coordinates, which Cairo writes to six decimals, are rounded to hundredths of a point
/// (a hundredth of a pixel on screen): a third of the page's weight, nothing anyone can see.
enum InlineSVG {
    /// `svg` with ids renamed under `prefix`, no XML declaration, and `attributes` (already escaped)
    /// added to the root element in place of its width and height.
    static func prepare(_ svg: String, prefix: String, attributes: String) -> String {
        var text = Substring(svg)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = text[end.upperBound...].drop { $0 == "\n" || $0 == "\r" }
        }
        let renamed = renameIDs(roundPathData(String(text)), prefix: prefix)
        return replaceRootSize(renamed, attributes: attributes)
    }

    /// Every number in every `d="…"` attribute rounded to two decimals, trailing zeros dropped.
    static func roundPathData(_ svg: String) -> String {
        let bytes = Array(svg.utf8), marker = Array(" d=\"".utf8)
        let quote = UInt8(ascii: "\""), dot = UInt8(ascii: "."), minus = UInt8(ascii: "-")
        func isNumberByte(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || b == dot || b == minus }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == marker[0], bytes.count - i > marker.count, bytes[i..<i + marker.count].elementsEqual(marker) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            out += marker
            i += marker.count
            while i < bytes.count && bytes[i] != quote {
                guard isNumberByte(bytes[i]) else { out.append(bytes[i]); i += 1; continue }
                var end = i
                while end < bytes.count && isNumberByte(bytes[end]) { end += 1 }
                let token = bytes[i..<end]
                if let point = token.firstIndex(of: dot), end - point > 3,
                   let value = Double(String(decoding: token, as: UTF8.self)) {
                    out += hundredths(value).utf8
                } else {
                    out += token
                }
                i = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `v` to two decimals without trailing zeros: 1.421875 → 1.42, −5.640625 → −5.64, 0.996 → 1.
    private static func hundredths(_ v: Double) -> String {
        let n = Int((v * 100).rounded())
        let whole = abs(n) / 100, fraction = abs(n) % 100
        let sign = n < 0 ? "-" : ""
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Every id (`id="…"`) renamed `prefix-n` in order of first appearance, references included.
    static func renameIDs(_ svg: String, prefix: String) -> String {
        let bytes = Array(svg.utf8)
        let markers: [(open: [UInt8], close: UInt8, defines: Bool)] = [
            (Array(" id=\"".utf8), UInt8(ascii: "\""), true), (Array("href=\"#".utf8), UInt8(ascii: "\""), false),
            (Array("url(#".utf8), UInt8(ascii: ")"), false),
        ]
        // Ids are numbered as they are defined; a reference before its definition waits for it.
        var names: [ArraySlice<UInt8>: [UInt8]] = [:]
        var spans: [(start: Int, end: Int)] = []
        var i = 0
        let firsts = Set(markers.map { $0.open[0] })
        while i < bytes.count {
            // Most bytes start no marker; only the few that could are compared in full.
            guard firsts.contains(bytes[i]),
                  let m = markers.first(where: { bytes.count - i >= $0.open.count && bytes[i..<i + $0.open.count].elementsEqual($0.open) }) else {
                i += 1
                continue
            }
            let start = i + m.open.count
            guard let end = bytes[start...].firstIndex(of: m.close) else { break }
            if m.defines && names[bytes[start..<end]] == nil { names[bytes[start..<end]] = Array("\(prefix)-\(names.count + 1)".utf8) }
            spans.append((start, end))
            i = end
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20)
        var copied = 0
        for span in spans {
            out += bytes[copied..<span.start]
            out += names[bytes[span.start..<span.end]] ?? Array(bytes[span.start..<span.end])
            copied = span.end
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The root `<svg …>` without `width="…"` and `height="…"`, with `attributes` added.
    private static func replaceRootSize(_ svg: String, attributes: String) -> String {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return svg }
        var tag = String(svg[start.upperBound..<end])
        for name in ["width", "height"] {
            if let r = tag.range(of: " \(name)=\""), let close = tag[r.upperBound...].firstIndex(of: "\"") {
                tag.removeSubrange(r.lowerBound...close)
            }
        }
        return String(svg[..<start.upperBound]) + tag + " " + attributes + String(svg[end...])
    }
}

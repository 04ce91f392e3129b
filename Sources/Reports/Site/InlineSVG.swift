/// A Cairo SVG made fit to sit inside an HTML page beside other figures.
///
/// Cairo names glyphs, images, clips and surfaces with ids from counters that run across the whole
/// process (`glyph0-1`, `image94`, `surface12`). Inline SVGs share one page's id space, and the numbers
/// depend on what was drawn before, so every id is renamed `PREFIX-n`, numbered in order of first
/// appearance, and every reference (`href="#…"`, `url(#…)`) follows: figures cannot borrow each
/// other's glyphs, and the same figure gives the same text in any process. The XML declaration goes,
/// and the root's fixed `width` and `height` give way to the page's CSS (the `viewBox` stays).
enum InlineSVG {
    /// `svg` with ids renamed under `prefix`, no XML declaration, and `attributes` (already escaped)
    /// added to the root element in place of its width and height.
    static func prepare(_ svg: String, prefix: String, attributes: String) -> String {
        var text = Substring(svg)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = text[end.upperBound...].drop { $0 == "\n" || $0 == "\r" }
        }
        let renamed = renameIDs(String(text), prefix: prefix)
        return replaceRootSize(renamed, attributes: attributes)
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

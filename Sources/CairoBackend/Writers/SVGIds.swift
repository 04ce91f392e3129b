/// Cairo names an SVG's surfaces and images (`surface123`, `image45`) from counters shared by the
/// whole process, so the same figure drawn after a different set of others, or on another thread,
/// gets other names. These renumber them per file, in order of first appearance, so the same page
/// gives the same bytes; every reference (`id="…"`, `href="#…"`, `url(#…)`) is renamed alike.
enum SVGIds {
    /// The id prefixes Cairo numbers process-wide.
    static let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]

    /// `svg` with each `surfaceN` and `imageN` that follows `"` or `#` renumbered from 1.
    static func renumbered(_ svg: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var names: [[UInt8]: [Int: Int]] = [:]
        var i = 0
        let n = svg.count
        while i < n {
            let byte = svg[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") else { continue }
            for prefix in prefixes where i + prefix.count < n && svg[i..<(i + prefix.count)].elementsEqual(prefix) {
                var j = i + prefix.count, number = 0
                while j < n, svg[j] >= UInt8(ascii: "0"), svg[j] <= UInt8(ascii: "9"), number < Int.max / 10 {
                    number = number * 10 + Int(svg[j] - UInt8(ascii: "0"))
                    j += 1
                }
                guard j > i + prefix.count else { break }
                var table = names[prefix, default: [:]]
                let new = table[number] ?? table.count + 1
                table[number] = new
                names[prefix] = table
                out.append(contentsOf: prefix)
                out.append(contentsOf: Array(String(new).utf8))
                i = j
                break
            }
        }
        return out
    }
}

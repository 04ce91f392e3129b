/// Finds the line a TOML key path was written on, for error messages.
///
/// TOMLKit does not keep source positions for values, so this scans the text:
/// table headers (`[problem]`, `[[runs]]`, counted per array) and `key =` lines.
/// Keys inside inline tables report the line of their enclosing key.
struct SourceLines {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var header = ""
        var arrayCounts: [String: Int] = [:]
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[[") , let end = line.range(of: "]]") {
                let name = String(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]).trimmingSpaces()
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                header = "\(name)[\(index)]"
                record(header, number)
            } else if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                header = String(line[line.index(after: line.startIndex)..<end]).trimmingSpaces()
                record(header, number)
            } else if let eq = line.firstIndex(of: "=") {
                let key = String(line[..<eq]).trimmingSpaces().replacingQuotes()
                record(header.isEmpty ? key : "\(header).\(key)", number)
            }
        }
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// The line of `path` (like `runs[1].lr`), or of its nearest recorded ancestor.
    func line(of path: String) -> Int? {
        var candidate = path
        while true {
            if let line = lines[candidate] { return line }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            candidate = String(candidate[..<cut])
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
    func replacingQuotes() -> String { String(self.filter { $0 != "\"" && $0 != "'" }) }
}

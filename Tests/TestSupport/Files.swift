import Foundation

/// Reading back what steptrace wrote: PDFs through poppler, PNG headers, trace CSVs.
public enum Files {
    /// The eight bytes every PNG file starts with.
    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Whether the file starts with the PNG signature followed by an IHDR chunk.
    public static func isPNG(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24 else { return false }
        return Array(data.prefix(8)) == pngSignature && String(decoding: data[12..<16], as: UTF8.self) == "IHDR"
    }

    /// Width and height from the IHDR chunk.
    public static func pngSize(_ path: String) -> (width: Int, height: Int)? {
        guard isPNG(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// `pdfinfo`'s fields, key → value.
    public static func pdfInfo(_ path: String) throws -> [String: String] {
        let outcome = try Program.tool("pdfinfo", [path])
        guard outcome.status == 0 else { throw ToolFailure(message: "pdfinfo \(path): \(outcome.stderr)") }
        var fields: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// Fields in one CSV line, commas inside double quotes (`"W[0,1]"`) not counting.
    public static func csvFieldCount(_ line: Substring) -> Int {
        var count = 1, quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == "," && !quoted { count += 1 }
        }
        return count
    }

    /// The page count `pdfinfo` gives, -1 when it gives none.
    public static func pdfPages(_ path: String) throws -> Int {
        Int(try pdfInfo(path)["Pages"] ?? "") ?? -1
    }

    /// The text of every page (`pdftotext -layout`).
    public static func pdfText(_ path: String) throws -> String {
        let outcome = try Program.tool("pdftotext", ["-layout", path, "-"])
        guard outcome.status == 0 else { throw ToolFailure(message: "pdftotext \(path): \(outcome.stderr)") }
        return outcome.stdout
    }

    /// The decompressed text of gzip file `path` (`gzip -dc`).
    public static func gunzip(_ path: String) throws -> String {
        let outcome = try Program.tool("gzip", ["-dc", path])
        guard outcome.status == 0 else { throw ToolFailure(message: "gzip -dc \(path): \(outcome.stderr)") }
        return outcome.stdout
    }

    /// A tool that exited with a failure, with its standard error.
    public struct ToolFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// A trace CSV read back: the header and the rows as numbers.
public struct TraceCSV {
    public var header: [String]
    public var rows: [[Double]]

    public init(text: String) {
        var lines = text.split(separator: "\n").map(String.init)
        header = lines.isEmpty ? [] : lines.removeFirst().split(separator: ",").map(String.init)
        rows = lines.map { $0.split(separator: ",").map { Double($0) ?? .nan } }
    }

    /// Reads a trace as `steptrace` writes it into reports: gzip-compressed CSV (`traces/*.csv.gz`),
    /// decompressed by `gzip -dc`.
    public init(path: String) throws {
        self.init(text: try Files.gunzip(path))
    }

    /// The value of `column` in `row`.
    public func value(_ column: String, row: Int) -> Double? {
        guard let i = header.firstIndex(of: column), rows.indices.contains(row), rows[row].indices.contains(i) else { return nil }
        return rows[row][i]
    }

    /// Every value of `name`, or nil without such a column.
    public func column(_ name: String) -> [Double]? {
        guard let i = header.firstIndex(of: name) else { return nil }
        return rows.map { $0[i] }
    }
}

/// The `summary` format: `name: value` lines.
public struct TraceSummary {
    public var fields: [String: String] = [:]

    public init(_ text: String) {
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The value of `key` as a number.
    public func number(_ key: String) -> Double? { fields[key].flatMap(Double.init) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DataTable {
    /// The largest data file read (64 MiB), checked while reading.
    public static let maximumFileBytes = 64 * 1_048_576
    /// The most data rows a file may hold.
    public static let maximumRows = 1_000_000

    /// Loads a CSV file whose first line names the columns and whose other lines
    /// hold one decimal number per column.
    ///
    /// Fields are separated by commas and may be surrounded by spaces; header
    /// names may be in double quotes. Lines end in `\n`, `\r\n` or `\r`; blank
    /// lines are skipped. Errors name the file (`displayName`, or else `path`),
    /// the line and the column:
    /// ```
    /// data.csv line 4: expected 2 fields, found 3
    /// data.csv line 3, column 'y': 'abc' is not a number
    /// data.csv line 5, column 'x': 'nan' is not a finite number
    /// ```
    public init(contentsOfCSVFile path: String, displayName: String? = nil) throws(DataTableError) {
        let name = displayName ?? path
        let text = try DataTable.readFile(path, name: name)
        try self.init(csv: text, source: name)
    }

    /// Parses CSV text (see `init(contentsOfCSVFile:displayName:)`); `source` names it in errors.
    public init(csv text: String, source: String) throws(DataTableError) {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var header: [String]?
        var values: [Double] = []
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(DataTable.trimmed)
            guard let names = header else {
                let names = fields.map(DataTable.unquoted)
                if names.allSatisfy({ Double($0) != nil }) {
                    throw DataTableError(
                        message: "\(source) line \(lineNumber): the first line must name the columns, found only numbers",
                        line: lineNumber)
                }
                try DataTable.validate(columnNames: names, source: source, line: lineNumber)
                header = names
                continue
            }
            if values.count / max(names.count, 1) >= DataTable.maximumRows {
                throw DataTableError(
                    message: "\(source) line \(lineNumber): more than \(DataTable.maximumRows) data rows, the most a data file may hold",
                    line: lineNumber)
            }
            guard fields.count == names.count else {
                throw DataTableError(
                    message: "\(source) line \(lineNumber): expected \(names.count) fields, found \(fields.count)",
                    line: lineNumber)
            }
            for (c, field) in fields.enumerated() {
                let place = "\(source) line \(lineNumber), column '\(names[c])'"
                values.append(try DataTable.number(field, place: place, line: lineNumber, column: names[c]))
            }
        }
        guard let names = header else {
            throw DataTableError(message: "\(source): empty file")
        }
        guard !values.isEmpty else {
            throw DataTableError(message: "\(source): no data rows after the header")
        }
        self.init(checkedColumnNames: names, values: values)
    }

    private static func trimmed(_ field: Substring) -> Substring {
        var field = field
        while let first = field.first, first == " " || first == "\t" { field.removeFirst() }
        while let last = field.last, last == " " || last == "\t" { field.removeLast() }
        return field
    }

    private static func unquoted(_ field: Substring) -> String {
        if field.count >= 2, field.first == "\"", field.last == "\"" {
            return String(trimmed(field.dropFirst().dropLast()))
        }
        return String(field)
    }

    /// Reads a decimal number; hexadecimal, `nan` and `inf` are refused.
    private static func number(_ field: Substring, place: String, line: Int, column: String) throws(DataTableError) -> Double {
        guard !field.isEmpty else {
            throw DataTableError(message: "\(place): empty field", line: line, column: column)
        }
        let decimal = field.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        if let value = Double(field) {
            if !value.isFinite {
                throw DataTableError(message: "\(place): '\(field)' is not a finite number", line: line, column: column)
            }
            if decimal { return value }
        }
        throw DataTableError(message: "\(place): '\(field)' is not a number", line: line, column: column)
    }

    /// The whole file as UTF-8 text (invalid bytes repaired).
    private static func readFile(_ path: String, name: String) throws(DataTableError) -> String {
        guard let file = fopen(path, "rb") else {
            throw DataTableError(message: "\(name): cannot open (\(String(cString: strerror(errno))))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > DataTable.maximumFileBytes {
                throw DataTableError(message: "\(name): larger than \(DataTable.maximumFileBytes / 1_048_576) MiB, the most a data file may hold")
            }
            if count < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw DataTableError(message: "\(name): cannot read (\(String(cString: strerror(errno))))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

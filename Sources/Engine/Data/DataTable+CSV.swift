extension DataTable {
    /// The largest data file read (64 MiB).
    public static let maximumFileBytes = 64 * 1_048_576
    /// The most data rows a file may hold.
    public static let maximumRows = 1_000_000

    /// Parses CSV text whose first line names the columns and whose other lines hold one
    /// decimal number per column; `source` names it in errors.
    ///
    /// Fields are separated by commas, semicolons or tabs: whichever of them the header line
    /// uses (a header with several, or with none and several columns, is refused with the
    /// separators it found). Fields may be surrounded by spaces; header names may be in double
    /// quotes. Lines end in `\n`, `\r\n` or `\r`; blank lines are skipped. Errors name the
    /// source, the line and the column, and quote at most 40 characters of a field:
    /// ```
    /// data.csv line 4: expected 2 fields separated by ',', found 3
    /// data.csv line 3, column 'y': 'abc' is not a number
    /// data.csv line 2, column 'x': '1,5' is not a number (fields are separated by ';'; write decimals with a point)
    /// ```
    public init(csv text: String, source: String) throws(DataTableError) {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var header: [String]?
        var separator: Character = ","
        var values: [Double] = []
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let names = header else {
                separator = try DataTable.separator(of: line, source: source, line: lineNumber)
                let names = DataTable.fields(line, separator).map(DataTable.unquoted)
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
            let fields = DataTable.fields(line, separator)
            guard fields.count == names.count else {
                throw DataTableError(
                    message: "\(source) line \(lineNumber): expected \(names.count) field\(names.count == 1 ? "" : "s") separated by '\(DataTable.shown(separator))', found \(fields.count)",
                    line: lineNumber)
            }
            for (c, field) in fields.enumerated() {
                let place = "\(source) line \(lineNumber), column \(ErrorText.quoted(names[c]))"
                values.append(try DataTable.number(field, separator: separator, place: place, line: lineNumber, column: names[c]))
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

    /// The separator the header line uses: the one of `,` `;` and tab that occurs in it.
    private static func separator(of header: Substring, source: String, line: Int) throws(DataTableError) -> Character {
        let used = [",", ";", "\t"].filter { header.contains(Character($0)) }.map { Character($0) }
        guard used.count <= 1 else {
            throw DataTableError(
                message: "\(source) line \(line): the header mixes the separators \(used.map { "'\(shown($0))'" }.joined(separator: " and ")); use one",
                line: line)
        }
        return used.first ?? ","
    }

    /// A separator as an error message shows it.
    private static func shown(_ separator: Character) -> String { separator == "\t" ? "\\t" : String(separator) }

    private static func fields(_ line: Substring, _ separator: Character) -> [Substring] {
        line.split(separator: separator, omittingEmptySubsequences: false).map(DataTable.trimmed)
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
    private static func number(_ field: Substring, separator: Character, place: String, line: Int,
                               column: String) throws(DataTableError) -> Double {
        guard !field.isEmpty else {
            throw DataTableError(message: "\(place): empty field", line: line, column: column)
        }
        let decimal = field.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        if let value = Double(field) {
            if !value.isFinite {
                throw DataTableError(message: "\(place): \(ErrorText.quoted(field)) is not a finite number", line: line, column: column)
            }
            if decimal { return value }
        }
        let hint = separator != "," && field.contains(",") && Double(String(field.map { $0 == "," ? "." : $0 })) != nil
            ? " (fields are separated by '\(shown(separator))'; write decimals with a point)" : ""
        throw DataTableError(message: "\(place): \(ErrorText.quoted(field)) is not a number\(hint)", line: line, column: column)
    }
}

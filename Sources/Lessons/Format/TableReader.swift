import TOMLKit

/// Reads one TOML table with typed getters, remembering which keys were read so
/// that `finish()` can reject unknown keys. Every error names the file, the key
/// path and its line.
final class TableReader {
    let table: TOMLTable
    /// The key path of this table (`""` for the root, `runs[1]`, `problem.view`).
    let path: String
    let file: String
    let lines: SourceLines
    /// Keys the reader asked for, in the order asked (present or not).
    private var asked: [String] = []

    init(table: TOMLTable, path: String, file: String, lines: SourceLines) {
        self.table = table; self.path = path; self.file = file; self.lines = lines
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error about `key` of this table (or the table itself when nil).
    func error(_ key: String?, _ problem: String) -> LessonError {
        let full = key.map(keyPath) ?? (path.isEmpty ? nil : path)
        return LessonError(file: file, key: full, line: full.flatMap { lines.line(of: $0) }, problem: problem)
    }

    func has(_ key: String) -> Bool { table.contains(key: key) }

    private func value(_ key: String) -> TOMLValue? {
        if !asked.contains(key) { asked.append(key) }
        return table[key]?.tomlValue
    }

    private func describe(_ value: TOMLValue) -> String {
        switch value.type {
        case .string: return "the string \"\(value.string ?? "")\""
        case .int: return "the integer \(value.int ?? 0)"
        case .double: return "the number \(value.double ?? 0)"
        case .bool: return "\(value.bool ?? false)"
        case .array: return "an array"
        case .table: return "a table"
        default: return "a \(value.type)"
        }
    }

    func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string else { throw error(key, "expected a string, found \(describe(v))") }
        return s
    }

    func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else { throw error(key, "is required (a string)") }
        return s
    }

    func double(_ key: String) throws -> Double? {
        guard let v = value(key) else { return nil }
        return try number(v, key)
    }

    private func number(_ v: TOMLValue, _ key: String) throws -> Double {
        if let d = v.double {
            guard d.isFinite else { throw error(key, "expected a finite number, found \(d)") }
            return d
        }
        if let i = v.int { return Double(i) }
        throw error(key, "expected a number, found \(describe(v))")
    }

    func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        if let i = v.int { return i }
        if let d = v.double, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        throw error(key, "expected a whole number, found \(describe(v))")
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else { throw error(key, "expected true or false, found \(describe(v))") }
        return b
    }

    func doubles(_ key: String) throws -> [Double]? {
        guard let v = value(key) else { return nil }
        guard let array = v.array else { throw error(key, "expected an array of numbers, found \(describe(v))") }
        return try array.enumerated().map { i, element in try number(element.tomlValue, "\(key)[\(i)]") }
    }

    /// An array of arrays of numbers (`starts = [[0.25, 0.75], [1, 0]]`).
    func numberRows(_ key: String) throws -> [[Double]]? {
        guard let v = value(key) else { return nil }
        guard let array = v.array else { throw error(key, "expected an array of arrays of numbers, found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let row = element.tomlValue.array else {
                throw error("\(key)[\(i)]", "expected an array of numbers, found \(describe(element.tomlValue))")
            }
            return try row.enumerated().map { j, x in try number(x.tomlValue, "\(key)[\(i)][\(j)]") }
        }
    }

    func strings(_ key: String) throws -> [String]? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return [s] }
        guard let array = v.array else { throw error(key, "expected an array of strings, found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let s = element.tomlValue.string else {
                throw error("\(key)[\(i)]", "expected a string, found \(describe(element.tomlValue))")
            }
            return s
        }
    }

    /// A string or a number, as written (used for `batch = "full"` or `batch = 1`).
    func stringOrInt(_ key: String) throws -> Either? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return .string(s) }
        if let i = v.int { return .int(i) }
        throw error(key, "expected a string or a whole number, found \(describe(v))")
    }

    enum Either { case string(String), int(Int) }

    func table(_ key: String) throws -> TableReader? {
        guard let v = value(key) else { return nil }
        guard let t = v.table else { throw error(key, "expected a table, found \(describe(v))") }
        return TableReader(table: t, path: keyPath(key), file: file, lines: lines)
    }

    /// An array of tables (`[[runs]]`); empty when absent.
    func tables(_ key: String) throws -> [TableReader] {
        guard let v = value(key) else { return [] }
        guard let array = v.array else { throw error(key, "expected an array of tables ([[\(key)]]), found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let t = element.tomlValue.table else {
                throw error("\(key)[\(i)]", "expected a table, found \(describe(element.tomlValue))")
            }
            return TableReader(table: t, path: "\(keyPath(key))[\(i)]", file: file, lines: lines)
        }
    }

    /// The keys present, in sorted order (TOML tables carry no order).
    var keys: [String] { table.keys.sorted() }

    /// Rejects any key that no getter asked for, listing the ones that are known here.
    func finish() throws {
        for key in keys where !asked.contains(key) {
            throw error(key, "unknown key (known keys here: \(asked.joined(separator: ", ")))")
        }
    }
}

import Engine

/// Reads one TOML table with typed getters, remembering which keys were read so
/// that `finish()` can reject unknown keys. Every error names the file, the key
/// path and its line.
final class TableReader {
    let table: TOMLTable
    /// The key path of this table (`""` for the root, `runs[1]`, `problem.view`).
    let path: String
    let file: String
    /// Keys the reader asked for, in the order asked (present or not).
    private var asked: [String] = []

    init(table: TOMLTable, path: String, file: String) {
        self.table = table; self.path = path; self.file = file
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error about `key` of this table (or the table itself when nil), at the key's line
    /// (an element's line for `key[3]`), or the table's own line when the key is absent.
    ///
    /// When `key` is missing and the table holds a key no getter asked for that is one or two letters
    /// away (`optimiser`, `step`, `capton`), the error points at that key's line and says so: a
    /// misspelled key is why a required one is missing.
    func error(_ key: String?, _ problem: String) -> LessonError {
        let full = key.map(keyPath) ?? (path.isEmpty ? nil : path)
        if let key, table[key] == nil, let near = misspelling(of: key) {
            return LessonError(file: file, key: full, line: table[near]?.line ?? line(of: key),
                               problem: "\(problem); found '\(near)' instead: a misspelling of '\(key)'?")
        }
        return LessonError(file: file, key: full, line: key.map(line(of:)) ?? (path.isEmpty ? nil : table.line), problem: problem)
    }

    /// A key of this table that no getter asked for and that is a likely misspelling of `key`: one
    /// edit away for keys of 4–5 letters, two for longer ones, and not merely another first letter
    /// (`y_range` is no misspelling of `x_range`).
    private func misspelling(of key: String) -> String? {
        guard !key.contains("."), !key.contains("[") else { return nil }
        let limit = key.count >= 6 ? 2 : key.count >= 4 ? 1 : 0
        guard limit > 0 else { return nil }
        return keys.first { candidate in
            candidate != key && !asked.contains(candidate) && candidate.dropFirst() != key.dropFirst()
                && TableReader.editDistance(candidate, key, limit: limit) <= limit
        }
    }

    /// Levenshtein distance between two short keys, or `limit + 1` once it is certain to exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// The line of a key path below this table (`lr`, `values[2]`, `runs[1].id`, `box.b`): the
    /// deepest part that exists; for an absent key, this table's header line (none for the root).
    private func line(of key: String) -> Int? {
        var value: TOMLValue? = nil
        var table: TOMLTable? = self.table
        for segment in key.split(separator: ".", omittingEmptySubsequences: false) {
            let pieces = segment.split(separator: "[", omittingEmptySubsequences: false)
            guard let t = table, let next = t[String(pieces[0])] else { break }
            value = next
            for index in pieces.dropFirst() {
                guard let k = Int(index.dropLast()), let elements = value?.array, k >= 0, k < elements.count else { break }
                value = elements[k]
            }
            table = value?.table
        }
        return value?.line ?? (path.isEmpty ? nil : self.table.line)
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    private func value(_ key: String) -> TOMLValue? {
        if !asked.contains(key) { asked.append(key) }
        return table[key]
    }

    private func describe(_ value: TOMLValue) -> String { value.phrase }

    /// Whether `key` holds a table (`start = { a = 0 }`) rather than another value; a known key either way.
    func holdsTable(_ key: String) -> Bool { value(key)?.table != nil }

    /// Whether `key` is given; a known key either way.
    func isGiven(_ key: String) -> Bool { value(key) != nil }

    /// A number, an array of numbers or an array of equally long arrays of numbers, with its
    /// shape: `[]`, `[n]` or `[rows, columns]`; nil when absent, one line naming the element
    /// otherwise (`expected a number, found the string "x"`, a ragged matrix).
    func numberArray(_ key: String) throws -> (shape: [Int], elements: [Double])? {
        guard let v = value(key) else { return nil }
        if v.array == nil { return ([], [try number(v, key)]) }
        let items = v.array!
        guard items.contains(where: { $0.array != nil }) else {
            return ([items.count], try items.enumerated().map { i, x in try number(x, "\(key)[\(i)]") })
        }
        var elements: [Double] = []
        for (i, row) in items.enumerated() {
            guard let values = row.array else { throw error("\(key)[\(i)]", "expected an array of numbers (a matrix row), found \(describe(row))") }
            guard values.count == items[0].array?.count else {
                throw error("\(key)[\(i)]", "has \(values.count) numbers; row 0 has \(items[0].array?.count ?? 0) (a matrix's rows are equally long)")
            }
            elements += try values.enumerated().map { j, x in try number(x, "\(key)[\(i)][\(j)]") }
        }
        return ([items.count, items[0].array?.count ?? 0], elements)
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
        if let d = v.float {
            guard d.isFinite else { throw error(key, "expected a finite number, found \(d)") }
            return d
        }
        if let i = v.integer { return Double(i) }
        throw error(key, "expected a number, found \(describe(v))")
    }

    func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        if let i = v.integer { return i }
        if let d = v.float, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
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
        return try array.enumerated().map { i, element in try number(element, "\(key)[\(i)]") }
    }

    /// A whole number or an array of whole numbers (`step_window = 20` or `[5, 40]`), as an array.
    func wholeNumbers(_ key: String, expected: String) throws -> [Int]? {
        guard let v = value(key) else { return nil }
        func whole(_ x: TOMLValue) -> Int? {
            if let i = x.integer { return i }
            if let d = x.float, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
            return nil
        }
        if let n = whole(v) { return [n] }
        guard let array = v.array else { throw error(key, "expected \(expected), found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let n = whole(element) else { throw error("\(key)[\(i)]", "expected a whole number, found \(describe(element))") }
            return n
        }
    }

    /// An array of arrays of numbers (`starts = [[0.25, 0.75], [1, 0]]`).
    func numberRows(_ key: String) throws -> [[Double]]? {
        guard let v = value(key) else { return nil }
        guard let array = v.array else { throw error(key, "expected an array of arrays of numbers, found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let row = element.array else {
                throw error("\(key)[\(i)]", "expected an array of numbers, found \(describe(element))")
            }
            return try row.enumerated().map { j, x in try number(x, "\(key)[\(i)][\(j)]") }
        }
    }

    func strings(_ key: String) throws -> [String]? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return [s] }
        guard let array = v.array else { throw error(key, "expected an array of strings, found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let s = element.string else {
                throw error("\(key)[\(i)]", "expected a string, found \(describe(element))")
            }
            return s
        }
    }

    /// A string or a number, as written (used for `batch = "full"` or `batch = 1`).
    func stringOrInt(_ key: String) throws -> Either? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return .string(s) }
        if let i = v.integer { return .int(i) }
        throw error(key, "expected a string or a whole number, found \(describe(v))")
    }

    enum Either { case string(String), int(Int) }

    func table(_ key: String) throws -> TableReader? {
        guard let v = value(key) else { return nil }
        guard let t = v.table else { throw error(key, "expected a table, found \(describe(v))") }
        return TableReader(table: t, path: keyPath(key), file: file)
    }

    /// An array of tables (`[[runs]]`); empty when absent.
    func tables(_ key: String) throws -> [TableReader] {
        guard let v = value(key) else { return [] }
        guard let array = v.array else { throw error(key, "expected an array of tables ([[\(key)]]), found \(describe(v))") }
        return try array.enumerated().map { i, element in
            guard let t = element.table else {
                throw error("\(key)[\(i)]", "expected a table, found \(describe(element))")
            }
            return TableReader(table: t, path: "\(keyPath(key))[\(i)]", file: file)
        }
    }

    /// The keys present, in the order written.
    var keys: [String] { table.keys }

    /// Rejects any key that no getter asked for, listing the ones that are known here.
    func finish() throws {
        for key in keys where !asked.contains(key) {
            throw error(key, "unknown key (known keys here: \(asked.joined(separator: ", ")))")
        }
    }
}

extension TableReader {
    /// An array of values for `setting` (`values = [0.1, 0.2]`, `["sgd", "adam"]`, `[true, false]`,
    /// `["full", 4]`, `["constant", "step:15:0.1"]`, `[[-4, 2], [1, 1]]`); nil when absent, one line naming the
    /// element otherwise.
    func settingValues(_ key: String, for setting: RunSetting) throws -> [SettingValue]? {
        guard let v = value(key) else { return nil }
        guard let array = v.array else { throw error(key, "expected an array of values, found \(describe(v))") }
        return try array.enumerated().map { i, element in
            let elementKey = "\(key)[\(i)]"
            switch setting.values {
            case .number: return .number(try number(element, elementKey))
            case .count:
                guard let k = element.integer else { throw error(elementKey, "expected a whole number, found \(describe(element))") }
                return .count(k)
            case .flag:
                guard let b = element.bool else { throw error(elementKey, "expected true or false, found \(describe(element))") }
                return .flag(b)
            case .batch:
                if let k = element.integer { return .count(k) }
                guard element.string == "full" else { throw error(elementKey, "expected \"full\" or a whole number of rows, found \(describe(element))") }
                return .choice("full")
            case .point:
                guard let items = element.array else { throw error(elementKey, "expected an array of numbers (a start), found \(describe(element))") }
                return .point(try items.enumerated().map { j, x in try number(x, "\(elementKey)[\(j)]") })
            case .choice, .schedule, .compound:
                guard let text = element.string else { throw error(elementKey, "expected a string, found \(describe(element))") }
                do { return try setting.value(parsing: text) } catch let e as RunSpecError { throw error(elementKey, e.message) }
            }
        }
    }
}

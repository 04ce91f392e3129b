/// A TOML value with the line it was written on.
struct TOMLValue {
    /// What the value holds.
    enum Kind {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        /// `isTableArray`: made by `[[name]]` headers, so more headers may append to it.
        case array([TOMLValue], isTableArray: Bool)
        case table(TOMLTable)
    }
    var kind: Kind
    /// 1-based line of the value (of the header, for tables made by headers).
    var line: Int

    var string: String? { if case .string(let s) = kind { return s }; return nil }
    var integer: Int? { if case .integer(let i) = kind { return i }; return nil }
    var float: Double? { if case .float(let d) = kind { return d }; return nil }
    var bool: Bool? { if case .bool(let b) = kind { return b }; return nil }
    var array: [TOMLValue]? { if case .array(let a, _) = kind { return a }; return nil }
    var table: TOMLTable? { if case .table(let t) = kind { return t }; return nil }

    /// A short phrase for messages: `the string "abc"`, `the integer 3`, `an array`.
    var phrase: String {
        switch kind {
        case .string(let s): return "the string \"\(s)\""
        case .integer(let i): return "the integer \(i)"
        case .float(let d): return "the number \(d)"
        case .bool(let b): return "\(b)"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A TOML table: keys in the order written, each value with its line.
final class TOMLTable {
    /// How a table came to be, which decides whether a later header may define it.
    enum Origin {
        /// Made as the parent of a deeper header (`[a]` implied by `[a.b]`); a later `[a]` may define it.
        case implied
        /// Defined by a header, a dotted key or as an element of an array of tables.
        case defined
        /// Written inline (`{ … }`); closed to later additions.
        case inline
    }
    private(set) var keys: [String] = []
    private(set) var values: [String: TOMLValue] = [:]
    var origin: Origin
    var line: Int

    init(origin: Origin, line: Int) {
        self.origin = origin
        self.line = line
    }

    subscript(key: String) -> TOMLValue? { values[key] }

    func set(_ key: String, _ value: TOMLValue) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
    }
}

import Engine
/// A TOML syntax error at a line and column.
struct TOMLError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int
}

/// Parses TOML 1.0 into `TOMLTable`s whose values remember their lines, so lesson errors can
/// name the line of any key. Covers what lesson files use: tables, arrays of tables, dotted
/// keys, basic and literal strings (single- and multi-line), integers (decimal, hex, octal,
/// binary), floats (with `inf` and `nan`), booleans, arrays and inline tables. Dates and
/// times are refused with a sentence. Never traps: every malformed input is a `TOMLError`.
struct TOMLParser {
    private let text: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// Arrays and inline tables nest at most this deep.
    private static let maximumDepth = 64

    init(_ source: String) {
        text = Array(source.unicodeScalars)
    }

    /// Parses the whole document into its root table.
    static func parse(_ source: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(source)
        return try parser.document()
    }

    // MARK: scanning

    private var column: Int { i - lineStart + 1 }
    private var atEnd: Bool { i >= text.count }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < text.count ? text[i + offset] : nil }

    private func fail(_ message: String) -> TOMLError { TOMLError(message: message, line: line, column: column) }

    private mutating func advance() {
        if text[i] == "\n" { line += 1; lineStart = i + 1 }
        i += 1
    }

    private func describe(_ c: Unicode.Scalar?) -> String {
        guard let c else { return "the end of the file" }
        switch c {
        case "\n": return "the end of the line"
        case "\t": return "a tab"
        default:
            return c.value < 0x20 || c.value == 0x7F ? "the control character U+\(String(c.value, radix: 16, uppercase: true))" : "'\(Character(c))'"
        }
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { i += 1 }
    }

    private mutating func skipComment() throws(TOMLError) {
        guard peek() == "#" else { return }
        while let c = peek(), c != "\n" {
            if c == "\r", peek(1) == "\n" { i += 1; continue }
            if (c.value < 0x20 && c != "\t") || c.value == 0x7F { throw fail("control character in a comment") }
            i += 1
        }
    }

    /// Skips spaces, comments and newlines (between statements, inside arrays).
    private mutating func skipBlank() throws(TOMLError) {
        while let c = peek() {
            if c == " " || c == "\t" { i += 1 } else if c == "\n" { advance() } else if c == "\r", peek(1) == "\n" { i += 1 } else if c == "#" { try skipComment() } else { return }
        }
    }

    private mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        try skipComment()
        if peek() == "\r", peek(1) == "\n" { i += 1 }
        guard atEnd || peek() == "\n" else {
            throw fail("expected the end of the line, found \(describe(peek()))")
        }
        if !atEnd { advance() }
    }

    private mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(TOMLError) {
        guard peek() == c else { throw fail("expected \(what), found \(describe(peek()))") }
        i += 1
    }

    // MARK: document

    private mutating func document() throws(TOMLError) -> TOMLTable {
        let root = TOMLTable(origin: .defined, line: 1)
        var current = root
        while true {
            try skipBlank()
            guard let c = peek() else { break }
            let startLine = line
            if c == "[" {
                if peek(1) == "[" {
                    i += 2
                    skipSpaces()
                    let keys = try key()
                    skipSpaces()
                    guard peek() == "]", peek(1) == "]" else { throw fail("expected ']]' to close the header, found \(describe(peek()))") }
                    i += 2
                    current = try appendTableArray(root, keys, startLine)
                } else {
                    i += 1
                    skipSpaces()
                    let keys = try key()
                    skipSpaces()
                    try expect("]", "']' to close the header")
                    current = try defineTable(root, keys, startLine)
                }
                try endOfLine()
            } else {
                let keys = try key()
                skipSpaces()
                try expect("=", "'=' after the key")
                skipSpaces()
                let v = try value(depth: 0)
                try insert(v, at: keys, into: current, line: startLine)
                try endOfLine()
            }
        }
        return root
    }

    /// A dotted key: `a`, `a.b`, `"quoted key".c`.
    private mutating func key() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = peek() else { throw fail("expected a key, found the end of the file") }
            if c == "\"" {
                guard peek(1) != "\"" || peek(2) != "\"" else { throw fail("a key cannot be a multi-line string") }
                parts.append(try basicString())
            } else if c == "'" {
                guard peek(1) != "'" || peek(2) != "'" else { throw fail("a key cannot be a multi-line string") }
                parts.append(try literalString())
            } else {
                var bare = ""
                while let b = peek(), TOMLParser.isBareKey(b) { bare.unicodeScalars.append(b); i += 1 }
                guard !bare.isEmpty else { throw fail("expected a key, found \(describe(c))") }
                parts.append(bare)
            }
            skipSpaces()
            guard peek() == "." else { return parts }
            i += 1
        }
    }

    private static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    private func dotted(_ keys: [String]) -> String { keys.joined(separator: ".") }

    /// Follows `keys` from `root` for a header, creating implied tables, entering the last
    /// element of arrays of tables.
    private func walk(_ root: TOMLTable, _ keys: ArraySlice<String>, line: Int) throws(TOMLError) -> TOMLTable {
        var table = root
        for k in keys {
            if let existing = table[k] {
                switch existing.kind {
                case .table(let t):
                    guard t.origin != .inline else { throw TOMLError(message: "table \(ErrorText.quoted(k)) was written inline and cannot be extended", line: line, column: 1) }
                    table = t
                case .array(let elements, true):
                    guard let last = elements.last?.table else { throw TOMLError(message: "\(ErrorText.quoted(k)) is not a table", line: line, column: 1) }
                    table = last
                default:
                    throw TOMLError(message: "\(ErrorText.quoted(k)) is already a value (line \(existing.line)), not a table", line: line, column: 1)
                }
            } else {
                let t = TOMLTable(origin: .implied, line: line)
                table.set(k, TOMLValue(kind: .table(t), line: line))
                table = t
            }
        }
        return table
    }

    private func defineTable(_ root: TOMLTable, _ keys: [String], _ line: Int) throws(TOMLError) -> TOMLTable {
        let parent = try walk(root, keys.dropLast(), line: line)
        let last = keys[keys.count - 1]
        if let existing = parent[last] {
            guard let t = existing.table else {
                throw TOMLError(message: "[\(dotted(keys))] is already defined as a value (line \(existing.line))", line: line, column: 1)
            }
            guard t.origin == .implied else {
                throw TOMLError(message: "table [\(dotted(keys))] is defined twice (first on line \(t.line))", line: line, column: 1)
            }
            t.origin = .defined
            t.line = line
            return t
        }
        let t = TOMLTable(origin: .defined, line: line)
        parent.set(last, TOMLValue(kind: .table(t), line: line))
        return t
    }

    private func appendTableArray(_ root: TOMLTable, _ keys: [String], _ line: Int) throws(TOMLError) -> TOMLTable {
        let parent = try walk(root, keys.dropLast(), line: line)
        let last = keys[keys.count - 1]
        let t = TOMLTable(origin: .defined, line: line)
        let element = TOMLValue(kind: .table(t), line: line)
        if let existing = parent[last] {
            guard case .array(var elements, true) = existing.kind else {
                throw TOMLError(message: "[[\(dotted(keys))]] names \(ErrorText.quoted(last)), already defined on line \(existing.line) as something other than an array of tables", line: line, column: 1)
            }
            elements.append(element)
            parent.set(last, TOMLValue(kind: .array(elements, isTableArray: true), line: existing.line))
        } else {
            parent.set(last, TOMLValue(kind: .array([element], isTableArray: true), line: line))
        }
        return t
    }

    /// Puts `v` at the dotted `keys` inside `table`, creating tables for the dots.
    private func insert(_ v: TOMLValue, at keys: [String], into table: TOMLTable, line: Int) throws(TOMLError) {
        var target = table
        for k in keys.dropLast() {
            if let existing = target[k] {
                guard let t = existing.table, t.origin != .inline else {
                    throw TOMLError(message: "\(ErrorText.quoted(k)) is already a value (line \(existing.line)), so \(ErrorText.quoted(dotted(keys))) cannot be set", line: line, column: 1)
                }
                target = t
            } else {
                let t = TOMLTable(origin: .defined, line: line)
                target.set(k, TOMLValue(kind: .table(t), line: line))
                target = t
            }
        }
        let last = keys[keys.count - 1]
        if let existing = target[last] {
            throw TOMLError(message: "duplicate key \(ErrorText.quoted(dotted(keys))) (first set on line \(existing.line))", line: line, column: 1)
        }
        target.set(last, v)
    }

    // MARK: values

    private mutating func value(depth: Int) throws(TOMLError) -> TOMLValue {
        guard depth < TOMLParser.maximumDepth else { throw fail("arrays and inline tables nest too deeply") }
        let startLine = line
        guard let c = peek() else { throw fail("expected a value, found the end of the file") }
        switch c {
        case "\"":
            if peek(1) == "\"", peek(2) == "\"" { return TOMLValue(kind: .string(try multilineBasicString()), line: startLine) }
            return TOMLValue(kind: .string(try basicString()), line: startLine)
        case "'":
            if peek(1) == "'", peek(2) == "'" { return TOMLValue(kind: .string(try multilineLiteralString()), line: startLine) }
            return TOMLValue(kind: .string(try literalString()), line: startLine)
        case "[": return TOMLValue(kind: .array(try array(depth: depth), isTableArray: false), line: startLine)
        case "{": return TOMLValue(kind: .table(try inlineTable(depth: depth)), line: startLine)
        case "t", "f":
            if matchWord("true") { return TOMLValue(kind: .bool(true), line: startLine) }
            if matchWord("false") { return TOMLValue(kind: .bool(false), line: startLine) }
            throw fail("expected a value (a string, number, true, false, array or table), found \(describe(c))")
        default:
            if ("0"..."9").contains(c) || c == "+" || c == "-" || c == "i" || c == "n" {
                return TOMLValue(kind: try number(), line: startLine)
            }
            throw fail("expected a value (a string, number, true, false, array or table), found \(describe(c))")
        }
    }

    private mutating func matchWord(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        for (k, s) in scalars.enumerated() where peek(k) != s { return false }
        if let after = peek(scalars.count), TOMLParser.isBareKey(after) { return false }
        i += scalars.count
        return true
    }

    private mutating func array(depth: Int) throws(TOMLError) -> [TOMLValue] {
        i += 1
        var elements: [TOMLValue] = []
        while true {
            try skipBlank()
            guard let c = peek() else { throw fail("unterminated array: expected ']'") }
            if c == "]" { i += 1; return elements }
            elements.append(try value(depth: depth + 1))
            try skipBlank()
            if peek() == "," { i += 1; continue }
            guard peek() == "]" else { throw fail("expected ',' or ']' in the array, found \(describe(peek()))") }
        }
    }

    private mutating func inlineTable(depth: Int) throws(TOMLError) -> TOMLTable {
        let table = TOMLTable(origin: .defined, line: line)
        i += 1
        skipSpaces()
        if peek() == "}" { i += 1; table.origin = .inline; return table }
        while true {
            skipSpaces()
            let keyLine = line
            let keys = try key()
            skipSpaces()
            try expect("=", "'=' after the key")
            skipSpaces()
            let v = try value(depth: depth + 1)
            try insert(v, at: keys, into: table, line: keyLine)
            skipSpaces()
            if peek() == "," { i += 1; continue }
            guard peek() == "}" else {
                throw fail(peek() == "\n" ? "an inline table must close with '}' on the same line" : "expected ',' or '}' in the inline table, found \(describe(peek()))")
            }
            i += 1
            table.origin = .inline
            return table
        }
    }

    private mutating func number() throws(TOMLError) -> TOMLValue.Kind {
        let startColumn = column
        var token = ""
        while let c = peek(), TOMLParser.isBareKey(c) || c == "+" || c == "." || c == ":" {
            token.unicodeScalars.append(c)
            i += 1
        }
        let bad = TOMLError(message: "\(ErrorText.quoted(token)) is not a number", line: line, column: startColumn)
        if token.contains(":") || (token.count >= 8 && token.unicodeScalars.count > 4 && Array(token.unicodeScalars)[4] == "-" && !token.hasPrefix("-")) {
            throw TOMLError(message: "\(ErrorText.quoted(token)) looks like a date or time, which lesson files do not use", line: line, column: startColumn)
        }
        var body = Substring(token)
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        switch body {
        case "inf": return .float(sign == "-" ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default: break
        }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            guard sign.isEmpty, token.first != "+" else { throw bad }
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            let digits = try TOMLParser.withoutUnderscores(body.dropFirst(2), bad)
            guard let v = Int(digits, radix: radix) else { throw bad }
            return .integer(v)
        }
        let plain = try TOMLParser.withoutUnderscores(body, bad)
        guard let first = plain.first, first.isASCII, first.isNumber else { throw bad }
        let isFloat = plain.contains(".") || plain.contains("e") || plain.contains("E")
        let integerPart = plain.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        if integerPart.count > 1 && integerPart.first == "0" { throw TOMLError(message: "\(ErrorText.quoted(token)): leading zeros are not allowed", line: line, column: startColumn) }
        if isFloat {
            if let dot = plain.firstIndex(of: ".") {
                let after = plain[plain.index(after: dot)...]
                guard let d = after.first, d.isNumber, plain[..<dot].allSatisfy(\.isNumber) else { throw bad }
            }
            guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
                  let v = Double(sign + plain) else { throw bad }
            return .float(v)
        }
        guard plain.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw bad }
        guard let v = Int(sign + plain) else {
            throw TOMLError(message: "\(ErrorText.quoted(token)) is too large for a whole number", line: line, column: startColumn)
        }
        return .integer(v)
    }

    /// Digits with single underscores between digits, underscores removed.
    private static func withoutUnderscores(_ s: Substring, _ bad: TOMLError) throws(TOMLError) -> String {
        var out = ""
        var previous: Character? = nil
        for c in s {
            if c == "_" {
                guard let p = previous, p.isHexDigit else { throw bad }
            } else {
                if previous == "_" && !c.isHexDigit { throw bad }
                out.append(c)
            }
            previous = c
        }
        if previous == "_" { throw bad }
        return out
    }

    // MARK: strings

    private mutating func basicString() throws(TOMLError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n" else { throw fail("unterminated string: expected '\"' before the end of the line") }
            i += 1
            if c == "\"" { return String(out) }
            if c == "\\" { out.append(try escape()); continue }
            if (c.value < 0x20 && c != "\t") || c.value == 0x7F { i -= 1; throw fail("control character in a string") }
            out.append(c)
        }
    }

    private mutating func escape() throws(TOMLError) -> Unicode.Scalar {
        guard let e = peek() else { throw fail("unterminated escape") }
        i += 1
        switch e {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = e == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
                guard let h = peek(), Character(h).isHexDigit else { throw fail("'\\\(e)' needs \(count) hexadecimal digits") }
                hex.unicodeScalars.append(h)
                i += 1
            }
            guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw fail("'\\\(e)\(hex)' is not a Unicode character") }
            return scalar
        default:
            i -= 1
            throw fail("unknown escape '\\\(Character(e))' in a string")
        }
    }

    private mutating func literalString() throws(TOMLError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n" else { throw fail("unterminated string: expected \"'\" before the end of the line") }
            i += 1
            if c == "'" { return String(out) }
            if (c.value < 0x20 && c != "\t") || c.value == 0x7F { i -= 1; throw fail("control character in a string") }
            out.append(c)
        }
    }

    private mutating func multilineBasicString() throws(TOMLError) -> String {
        i += 3
        if peek() == "\r", peek(1) == "\n" { i += 1 }
        if peek() == "\n" { advance() }
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw fail("unterminated multi-line string: expected '\"\"\"'") }
            if c == "\"", peek(1) == "\"", peek(2) == "\"" {
                i += 3
                // Up to two quotes right before the closing ones belong to the string.
                var extra = 0
                while peek() == "\"", extra < 2 { out.append("\""); i += 1; extra += 1 }
                return String(out)
            }
            if c == "\\" {
                i += 1
                var j = i
                while j < text.count, text[j] == " " || text[j] == "\t" || text[j] == "\r" { j += 1 }
                if j < text.count, text[j] == "\n" {
                    // A line-ending backslash trims the newline and the blanks after it.
                    i = j
                    while let w = peek(), w == " " || w == "\t" || w == "\n" || w == "\r" { advance() }
                    continue
                }
                out.append(try escape())
                continue
            }
            if (c.value < 0x20 && c != "\t" && c != "\n" && c != "\r") || c.value == 0x7F { throw fail("control character in a string") }
            out.append(c)
            advance()
        }
    }

    private mutating func multilineLiteralString() throws(TOMLError) -> String {
        i += 3
        if peek() == "\r", peek(1) == "\n" { i += 1 }
        if peek() == "\n" { advance() }
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw fail("unterminated multi-line string: expected \"'''\"") }
            if c == "'", peek(1) == "'", peek(2) == "'" {
                i += 3
                var extra = 0
                while peek() == "'", extra < 2 { out.append("'"); i += 1; extra += 1 }
                return String(out)
            }
            if (c.value < 0x20 && c != "\t" && c != "\n" && c != "\r") || c.value == 0x7F { throw fail("control character in a string") }
            out.append(c)
            advance()
        }
    }
}

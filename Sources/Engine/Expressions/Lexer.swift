/// Splits expression text into tokens.
///
/// ```
/// number := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]   (or '.' digits …)
/// name   := (letter | '_') (letter | digit | '_')*               (ASCII)
/// ```
/// White space (space, tab, newline, carriage return) separates tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(ExpressionError) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let scalar = peek(), Lexer.isSpace(scalar) { index += 1 }
        let column = index + 1
        guard let scalar = peek() else { return Token(kind: .end, column: column) }
        if Lexer.isDigit(scalar) || (scalar == "." && peek(1).map(Lexer.isDigit) == true) {
            return try number(column: column)
        }
        if Lexer.isNameStart(scalar) {
            var name = ""
            while let part = peek(), Lexer.isNameStart(part) || Lexer.isDigit(part) {
                name.unicodeScalars.append(part)
                index += 1
            }
            return Token(kind: .name(name), column: column)
        }
        index += 1
        switch scalar {
        case "+": return Token(kind: .plus, column: column)
        case "-": return Token(kind: .minus, column: column)
        case "*":
            if peek() == "*" {
                throw ExpressionError(
                    kind: .invalidCharacter,
                    message: "syntax error at column \(column): '**' is not an operator; write powers with '^'",
                    column: column)
            }
            return Token(kind: .star, column: column)
        case "/": return Token(kind: .slash, column: column)
        case "^": return Token(kind: .caret, column: column)
        case "(": return Token(kind: .leftParenthesis, column: column)
        case ")": return Token(kind: .rightParenthesis, column: column)
        case ",": return Token(kind: .comma, column: column)
        case "@": return Token(kind: .at, column: column)
        case "[": return Token(kind: .leftBracket, column: column)
        case "]": return Token(kind: .rightBracket, column: column)
        case ":": return Token(kind: .colon, column: column)
        default:
            throw ExpressionError(
                kind: .invalidCharacter,
                message: "unexpected character '\(Lexer.printable(scalar))' at column \(column)",
                column: column)
        }
    }

    private mutating func number(column: Int) throws(ExpressionError) -> Token {
        var text = ""
        func take(_ lexer: inout Lexer, _ text: inout String) {
            while let scalar = lexer.peek(), Lexer.isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                lexer.index += 1
            }
        }
        take(&self, &text)
        if peek() == "." {
            text.unicodeScalars.append(".")
            index += 1
            take(&self, &text)
        }
        if let e = peek(), e == "e" || e == "E" {
            let afterSign = (peek(1) == "+" || peek(1) == "-") ? 2 : 1
            guard let digit = peek(afterSign), Lexer.isDigit(digit) else {
                throw malformed(text + String(Character(e)), column: column)
            }
            for _ in 0..<afterSign {
                text.unicodeScalars.append(peek()!)
                index += 1
            }
            take(&self, &text)
        }
        // A second '.' (`1.2.3`) is a malformed number; a name glued to a number (`2x`) is a missing '*'.
        if peek() == "." {
            var rest = text
            while let more = peek(), more == "." || Lexer.isDigit(more) {
                rest.unicodeScalars.append(more)
                index += 1
            }
            throw malformed(rest, column: column)
        }
        if let scalar = peek(), Lexer.isNameStart(scalar) {
            var name = ""
            var end = index
            while end < scalars.count, Lexer.isNameStart(scalars[end]) || Lexer.isDigit(scalars[end]) {
                name.unicodeScalars.append(scalars[end])
                end += 1
            }
            throw ExpressionError(
                kind: .syntax,
                message: "syntax error at column \(index + 1): missing operator between '\(text)' and '\(name)' (write '\(text)*\(name)')",
                column: index + 1)
        }
        guard let value = Double(text) else { throw malformed(text, column: column) }
        return Token(kind: .number(value), column: column)
    }

    private func malformed(_ text: String, column: Int) -> ExpressionError {
        ExpressionError(kind: .malformedNumber, message: "malformed number '\(text)' at column \(column)", column: column)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    static func isNameStart(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }

    /// Whether `text` is a valid name in the language.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isNameStart(first) else { return false }
        return text.unicodeScalars.allSatisfy { isNameStart($0) || isDigit($0) }
    }

    private static func printable(_ s: Unicode.Scalar) -> String {
        s.properties.generalCategory == .control ? "\\u{\(String(s.value, radix: 16))}" : String(Character(s))
    }
}
